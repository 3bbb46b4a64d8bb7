from typing import Any

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/deadline/"


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_nevada_thanksgiving_week(api: APIClient, django_assert_max_num_queries: Any) -> None:
    # 1 query: the law joined with its state.
    with django_assert_max_num_queries(1):
        response = api.get(URL, {"state": "nv", "received": "2026-11-20"})
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "NV"
    assert body["due"] == "2026-12-01"
    assert (body["unit"], body["days"]) == ("business_days", 5)
    assert "239.0107" in body["citation"]
    assert {"date": "2026-11-27", "name": "Family Day"} in body["skipped"]
    assert body["caveats"] is None


def test_arizona_has_no_due_date(api: APIClient) -> None:
    body = api.get(URL, {"state": "AZ", "received": "2026-11-20"}).json()
    assert body["due"] is None
    assert body["unit"] == "none"
    assert "reasonable time" in body["no_deadline_reason"]
    assert body["suggested_follow_up"]


def test_new_york_reports_its_second_clock(api: APIClient) -> None:
    body = api.get(URL, {"state": "NY", "received": "2026-03-02"}).json()
    second = body["second_clock"]
    assert (second["days"], second["unit"], second["counts_from"]) == (20, "business_days", "acknowledgment")
    assert second["clock"]["projected"] is True
    assert second["clock"]["counts_from"] == body["due"] == "2026-03-09"


def test_medium_confidence_law_carries_its_caveat(api: APIClient) -> None:
    body = api.get(URL, {"state": "AK", "received": "2026-03-02"}).json()
    assert body["confidence"] == "medium"
    assert body["caveats"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"received": "2026-11-20"}, "state"),
        ({"state": "NV"}, "received"),
        ({"state": "ZZ", "received": "2026-11-20"}, "state"),
        ({"state": "PR", "received": "2026-11-20"}, "state"),
        ({"state": "NV", "received": "2026-13-40"}, "received"),
        ({"state": "NV", "received": "9999-01-01"}, "received"),
        ({"state": "NV", "received": "0001-01-01"}, "received"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api: APIClient, params: dict[str, str], field: str) -> None:
    response = api.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert response.json()[field][0]


def test_schema_documents_the_endpoint(api: APIClient) -> None:
    schema = api.get("/api/schema/", {"format": "json"}).json()
    params = {p["name"] for p in schema["paths"]["/api/v1/deadline/"]["get"]["parameters"]}
    assert {"state", "received"} <= params


def test_new_york_second_clock_from_a_given_acknowledgment(api: APIClient) -> None:
    body = api.get(URL, {"state": "NY", "received": "2026-03-02", "acknowledged": "2026-03-04"}).json()
    assert body["due"] == "2026-04-01"
    assert body["second_clock"]["clock"]["projected"] is False


def test_acknowledgment_before_receipt_is_a_400(api: APIClient) -> None:
    response = api.get(URL, {"state": "NY", "received": "2026-03-02", "acknowledged": "2026-03-01"})
    assert response.status_code == 400
    assert list(response.json()) == ["acknowledged"]
