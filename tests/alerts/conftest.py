"""Fixtures for the alerts tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db.models import Max
from django.utils import translation

from alerts.models import Checkpoint
from jurisdictions.models import Agency, County, State
from policies.models import PolicyRevision, StateLawRevision
from tests.jurisdictions import factories


@pytest.fixture(autouse=True)
def _alerts_setup(db: None, settings: Any) -> Iterator[None]:
    settings.SITE_URL = "https://directory.example"
    # Policy revisions written while loading reference data are old news, not this test's.
    position = PolicyRevision.objects.aggregate(last=Max("pk"))["last"] or 0
    Checkpoint.objects.update_or_create(name="policy_revisions", defaults={"position": position})
    position = StateLawRevision.objects.aggregate(last=Max("pk"))["last"] or 0
    Checkpoint.objects.update_or_create(name="state_law_revisions", defaults={"position": position})
    # The test client leaves the last request's language active; start every test in English.
    with translation.override("en"):
        yield


@pytest.fixture
def agency() -> Agency:
    return factories.agency("Alerts Test Sheriff's Office")


@pytest.fixture
def county() -> County:
    return factories.county("32003")


@pytest.fixture
def nevada() -> State:
    return factories.state("NV")
