"""Fixtures for the records_requests tests: organizers and requests (reference data comes from tests/conftest)."""

from collections.abc import Callable
from datetime import date
from itertools import count
from typing import Any

import pytest
from django.contrib.auth.models import User

from records_requests.models import RecordsRequest
from records_requests.services import request_create
from tests import factories

_seq = count(1)
County = {
    "NV": "32003",
    "NY": "36061",
    "AZ": "04013",
    "TX": "48201",
    "VA": "51059",
    "CA": "06037",
    "PA": "42101",
}


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(**fields: Any) -> User:
        n = next(_seq)
        fields.setdefault("username", f"organizer{n}")
        fields.setdefault("email", f"organizer{n}@example.org")
        return User.objects.create_user(password="pw-for-tests-only", **fields)

    return make


@pytest.fixture
def organizer(make_user: Callable[..., User]) -> User:
    return make_user()


@pytest.fixture
def make_request(organizer: User) -> Callable[..., RecordsRequest]:
    def make(
        state: str = "NV",
        *,
        sent_on: date | None = None,
        requester: User | None = None,
        **fields: Any,
    ) -> RecordsRequest:
        agency = fields.pop("agency", None) or factories.agency(county_fips=County[state])
        fields.setdefault("title", "287(g) agreement and ICE communications")
        fields.setdefault("records_sought", "The 287(g) MOA and all emails with ICE since 2025.")
        return request_create(requester=requester or organizer, agency=agency, sent_on=sent_on, **fields)

    return make
