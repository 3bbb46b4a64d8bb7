"""Plain functions that make organizers and records requests for tests."""

from datetime import date
from itertools import count
from typing import Any

from django.contrib.auth.models import User

from jurisdictions.models import Agency
from records_requests.models import RecordsRequest, RequestStatus
from records_requests.services import request_create
from tests.jurisdictions import factories as jurisdictions

PASSWORD = "pw-for-tests-only"
# A populous county per state, for an agency made where the test only names the state.
COUNTY_IN = {
    "NV": "32003",
    "NY": "36061",
    "AZ": "04013",
    "TX": "48201",
    "VA": "51059",
    "CA": "06037",
    "PA": "42101",
}

_seq = count(1)


def user(**fields: Any) -> User:
    """An organizer with an email address; the password is PASSWORD unless given."""
    n = next(_seq)
    fields.setdefault("username", f"organizer{n}")
    fields.setdefault("email", f"organizer{n}@example.org")
    fields.setdefault("password", PASSWORD)
    return User.objects.create_user(**fields)


def request(
    state: str = "NV", *, requester: User, sent_on: date | None = None, **fields: Any
) -> RecordsRequest:
    """A request filed the way an organizer files one (the service: letter, due date from its events)."""
    agency = fields.pop("agency", None) or jurisdictions.agency(county_fips=COUNTY_IN[state])
    fields.setdefault("title", "287(g) agreement and ICE communications")
    fields.setdefault("records_sought", "The 287(g) MOA and all emails with ICE since 2025.")
    return request_create(requester=requester, agency=agency, sent_on=sent_on, **fields)


def stored_request(agency: Agency, requester: User, **fields: Any) -> RecordsRequest:
    """A row written as given (status, due date, visibility…), bypassing the service and its event log.

    Sent unless the test says otherwise: a draft is private whatever its visibility."""
    fields.setdefault("status", RequestStatus.SENT)
    fields.setdefault("title", "287(g) agreement and emails")
    fields.setdefault("records_sought", "The MOA")
    return RecordsRequest.objects.create(agency=agency, requester=requester, **fields)
