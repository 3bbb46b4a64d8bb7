"""Fixtures for the policy tests. Every test starts with the seed content loaded (LVMPD, Harford County)."""

from itertools import count

import pytest

from jurisdictions.models import Agency
from policies.seeds import LVMPD, seeds_load

_seq = count(1)


@pytest.fixture(autouse=True)
def _seeded(db: None) -> None:
    """The seed content, even if a test session removed what load_reference_data made (idempotent)."""
    seeds_load()


@pytest.fixture
def lvmpd() -> Agency:
    return Agency.objects.select_related("state").get(state__postal="NV", name=LVMPD.name)
