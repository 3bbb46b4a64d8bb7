"""The deadline calculator's API: `GET /api/v1/deadline/?state=NV&received=YYYY-MM-DD`."""

from typing import Any

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/deadline/"


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


@pytest.mark.parametrize(
    ("received", "due"),
    [("2025-12-15", "2025-12-26"), ("2025-12-22", "2026-01-02")],
)
def test_california_last_day_moves_off_the_holiday(api: APIClient, received: str, due: str) -> None:
    body = api.get(URL, {"state": "CA", "received": received}).json()
    assert body["due"] == due
    assert body["last_day"]["rule"] == "next_business_day"
    assert "12a" in body["last_day"]["citation"]


@pytest.mark.parametrize(
    ("state", "extension_due", "citation"),
    [
        ("CA", "2025-12-18", "7922.535"),
        ("IL", "2025-12-09", "140/3(e)"),
        ("DC", "2025-12-31", "2-532(d)"),
        ("PA", "2026-01-02", "67.902"),
    ],
)
def test_statutory_extension_date(
    api: APIClient, django_assert_max_num_queries: Any, state: str, extension_due: str, citation: str
) -> None:
    with django_assert_max_num_queries(1):
        body = api.get(URL, {"state": state, "received": "2025-11-24"}).json()
    assert body["extension_due"] == extension_due
    assert body["extension"]["due"] == extension_due
    assert citation in body["extension"]["citation"]


def test_arizona_follow_up_counts_from_receipt_and_names_the_consequence(api: APIClient) -> None:
    body = api.get(URL, {"state": "AZ", "received": "2025-11-24"}).json()
    assert body["due"] is None
    # 10 business days after Monday 2025-11-24 (Thanksgiving skipped), whatever today is.
    assert body["suggested_follow_up"] == "2025-12-09"
    assert body["follow_up"] == {
        "date": "2025-12-09",
        "days": 10,
        "unit": "business_days",
        "counts_from": "2025-11-24",
        "rule": body["follow_up"]["rule"],
    }
    assert "39-121.01(E)" in body["deemed_denial"]["citation"]
    assert body["deemed_denied_on"] is None
    text = str(body).lower()
    assert "ever overdue" not in text and "never overdue" not in text


def test_pennsylvania_deemed_denial_date_and_appeal_route(api: APIClient) -> None:
    body = api.get(URL, {"state": "PA", "received": "2025-11-24"}).json()
    assert body["deemed_denied_on"] == "2025-12-04"
    first = body["appeal_steps"][0]
    assert "Office of Open Records" in first["who"] and "15 business days" in first["by_when"]
    assert body["appeal_steps"][-1]["kind"] == "court"


def test_new_york_late_acknowledgment_is_flagged(api: APIClient) -> None:
    late = api.get(URL, {"state": "NY", "received": "2026-03-02", "acknowledged": "2026-03-12"}).json()
    assert late["acknowledged_late"] is True
    assert "89(4)(a)" in late["deemed_denial"]["citation"]
    on_time = api.get(URL, {"state": "NY", "received": "2026-03-02", "acknowledged": "2026-03-04"}).json()
    assert on_time["acknowledged_late"] is False


def test_secondary_only_law_shows_its_caveat_and_statute_first(api: APIClient) -> None:
    body = api.get(URL, {"state": "TX", "received": "2025-11-24"}).json()
    assert body["confidence"] == "medium"
    assert "secondary" in body["caveats"]
    assert body["sources"][0] == body["primary_sources"][0]
