"""Fixtures for the policy tests. The seed content (LVMPD, Harford County) is reference data, loaded once
per run with the rest by tests/conftest.py; a test that removes it does so inside its own transaction."""

import pytest

from jurisdictions.models import Agency
from policies.seeds import LVMPD


@pytest.fixture
def lvmpd() -> Agency:
    return Agency.objects.select_related("state").get(state__postal="NV", name=LVMPD.name)
