"""Fixtures for the records-requests API (`/api/v1/records-requests/`, `/api/v1/deadline/`).

The anonymous client `api` is in tests/conftest.py; `organizer` and `make_request` in the folder above.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from knox.models import AuthToken
from rest_framework.test import APIClient

from jurisdictions.models import Agency
from tests.jurisdictions import factories as jurisdictions
from tests.records_requests import factories


@pytest.fixture
def agency(db: None) -> Agency:
    return jurisdictions.agency("Clark County Sheriff")


@pytest.fixture
def alice(db: None) -> User:
    return factories.user(username="alice")


@pytest.fixture
def bob(db: None) -> User:
    return factories.user(username="bob")


@pytest.fixture
def client_for() -> Callable[[User], APIClient]:
    """A client that sends a fresh API token of the given user, as a script would."""

    def make(user: User) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
        return client

    return make
