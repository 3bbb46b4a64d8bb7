"""Ids in URLs and query strings that look numeric to `str.isdigit()` but are not ASCII digits, or do not
fit the column: a clear 4xx or an empty answer, never a 500 (schemathesis found `?agency=²`)."""

import pytest

from core.api.ids import MAX_ID, as_id
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
ODD = ["²", "٣", "１２", str(MAX_ID + 1), "-1", "1.0", ""]


@pytest.mark.parametrize(
    ("value", "expected"), [("42", 42), ("007", 7), (str(MAX_ID), MAX_ID), *[(v, None) for v in ODD]]
)
def test_as_id(value: str, expected: int | None) -> None:
    assert as_id(value) == expected


@pytest.mark.parametrize("value", ODD[:-1])
def test_agreement_filter_by_odd_agency(api, value: str) -> None:
    response = api.get("/api/v1/agreements/", {"agency": value})
    assert response.status_code == 200
    assert response.json()["count"] == 0


@pytest.mark.parametrize("value", ["²", "٣", str(MAX_ID + 1)])
def test_agency_detail_by_odd_id(api, value: str) -> None:
    assert api.get(f"/api/v1/agencies/{value}/").status_code == 404


def test_agency_filter_still_takes_ids_and_slugs(api) -> None:
    agency = factories.agency("Odd Id Sheriff")
    assert api.get(f"/api/v1/agencies/{agency.pk}/").json()["id"] == agency.pk
    assert api.get(f"/api/v1/agencies/{agency.slug}/").json()["id"] == agency.pk


@pytest.mark.parametrize("value", ["²", str(MAX_ID + 1)])
def test_new_request_with_odd_agency_shows_the_chooser(client, django_user_model, value: str) -> None:
    client.force_login(django_user_model.objects.create_user("odd-id-organizer"))
    response = client.get("/requests/new/", {"agency": value})
    assert response.status_code == 200
