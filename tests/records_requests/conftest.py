"""Fixtures for the records_requests tests: organizers and requests (factories in factories.py)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User

from records_requests.models import RecordsRequest
from tests.records_requests import factories


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    return factories.user


@pytest.fixture
def organizer(make_user: Callable[..., User]) -> User:
    return make_user()


@pytest.fixture
def make_request(organizer: User) -> Callable[..., RecordsRequest]:
    """factories.request, filed by `organizer` unless the test names another requester."""

    def make(
        state: str = "NV", *, sent_on: date | None = None, requester: User | None = None, **fields: Any
    ) -> RecordsRequest:
        return factories.request(state, requester=requester or organizer, sent_on=sent_on, **fields)

    return make
