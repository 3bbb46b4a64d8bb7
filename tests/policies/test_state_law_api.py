"""GET /api/v1/state-laws/: the issue's done-means, filters, 400s, CSV and the query budget."""

from typing import Any

import pytest

from jurisdictions.models import State

pytestmark = pytest.mark.django_db

URL = "/api/v1/state-laws/"


def rows(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.data
    return response.data["results"]


def test_every_state_and_dc_answers(api):
    postals = State.objects.filter(is_territory=False).values_list("postal", flat=True)
    assert len(postals) == 51
    total = 0
    for postal in postals:
        found = rows(api.get(URL, {"state": postal, "page_size": 100}))
        assert found, postal
        laws = [row for row in found if row["topic"] != "none_found"]
        # An empty list of laws only where the data says none was found.
        assert laws or [row["topic"] for row in found] == ["none_found"], postal
        total += len(laws)
    assert total >= 100


def one(api: Any, **params: str) -> dict[str, Any]:
    (row,) = rows(api.get(URL, params))
    return row


def test_the_laws_the_issue_names(api):
    california = one(api, state="CA", topic="detainer_holds")
    assert (california["effect"], california["citation"][:19]) == ("prohibits", "Cal. Gov. Code §§ 7")
    assert one(api, state="FL", topic="287g_agreements")["effect"] == "requires"
    texas = one(api, state="tx", topic="287g_agreements", effect="requires")
    assert (texas["effective"], texas["in_force_today"]) == ("2026-01-01", True)
    assert rows(api.get(URL, {"state": "TX", "topic": "287g_agreements", "in_force_on": "2025-06-01"})) == []
    assert one(api, state="MD", topic="287g_agreements")["effect"] == "prohibits"


def test_each_law_carries_citation_dates_sources_confidence_and_checked(api):
    row = one(api, state="FL", topic="287g_agreements")
    assert row["citation"].startswith("Fla. Stat. § 908.11")
    assert (row["effective"], row["effective_precision"], row["effective_display"]) == (
        "2022-01-01",
        "year",
        "2022",
    )
    assert row["ended"] is None
    assert row["source_url"].startswith("http")
    assert (row["confidence"], row["checked"]) == ("high", "2026-12-04")
    assert row["applies_to"] == "sheriffs" and row["agency_kinds"] == ["sheriff"]
    assert row["summary_es"].startswith("Todo sheriff")
    assert row["html_url"].endswith(f"/states/fl/#state-law-{row['id']}")
    assert api.get(row["url"]).data["id"] == row["id"]


def test_ended_laws_stay_listed_with_their_end_date(api):
    row = one(api, state="FL", topic="state_immigration_crime")
    assert (row["ended"], row["in_force_today"]) == ("2025-04-04", False)
    assert rows(
        api.get(URL, {"state": "FL", "topic": "state_immigration_crime", "in_force_on": "2025-04-03"})
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"in_force_on": "2025-13-01"}, "in_force_on"),
        ({"in_force_on": "June 1"}, "in_force_on"),
        ({"in_force_on": "2025-6-1x"}, "in_force_on"),
        ({"state": "Texas"}, "state"),
        ({"topic": "sanctuary"}, "topic"),
        ({"effect": "forbids"}, "effect"),
    ],
)
def test_bad_filters_are_400_with_a_message(api, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert field in response.data
    if field == "in_force_on":
        assert response.data[field] == ["Give a date as YYYY-MM-DD, e.g. 2025-06-01."]


def test_in_force_on_leaves_out_none_found_rows(api):
    assert rows(api.get(URL, {"state": "AK", "in_force_on": "2026-12-04"})) == []


def test_csv_download(api):
    response = api.get(URL, {"state": "MD", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="state-laws.csv"'
    text = b"".join(response.streaming_content).decode()
    header, *lines = text.strip().splitlines()
    assert header.startswith("url,html_url,id,key,state.url,state.postal")
    assert "citation" in header and "confidence" in header and "checked" in header
    assert len(lines) == 1 and ",prohibits," in lines[0]


def test_the_state_resource_links_its_laws(api):
    link = api.get("/api/v1/states/CA/").data["state_laws_url"]
    assert link == "http://testserver/api/v1/state-laws/?state=CA"


def test_query_budget_is_fixed(api, django_assert_max_num_queries):
    # count, one page of laws with their states
    with django_assert_max_num_queries(2):
        response = api.get(URL, {"page_size": 100})
    assert len(response.data["results"]) == 100
