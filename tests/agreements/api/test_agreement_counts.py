from datetime import date

import pytest

from tests.agreements.factories import make_agreement, make_snapshot
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreements():
    clark = factories.agency("Clark County Sheriff", county_fips="32003")
    harris = factories.agency("Harris County Sheriff", county_fips="48201")
    make_agreement(clark, model="TFM")
    make_agreement(clark, model="JEM", status="ended", ended_on=date(2025, 7, 11))
    make_agreement(harris, model="TFM")
    make_agreement(harris, model="WSO", status="pending")
    return clark, harris


def test_counts_by_model_with_a_filter(api, agreements, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):  # the grouped count
        response = api.get("/api/v1/agreements/counts/", {"group_by": "model", "status": "active"})
    assert response.status_code == 200
    assert response.data == [{"model": "TFM", "count": 2}]


def test_counts_by_state_and_model(api, agreements):
    response = api.get("/api/v1/agreements/counts/?group_by=state,model")
    assert response.data == [
        {"state": "NV", "model": "JEM", "count": 1},
        {"state": "NV", "model": "TFM", "count": 1},
        {"state": "TX", "model": "TFM", "count": 1},
        {"state": "TX", "model": "WSO", "count": 1},
    ]


def test_counts_take_every_agreement_filter(api, agreements):
    response = api.get("/api/v1/agreements/counts/", {"group_by": "status", "ended_after": "2025-07-10"})
    assert response.data == [{"status": "ended", "count": 1}]
    assert api.get("/api/v1/agreements/counts/", {"county": "48201"}).data == [{"count": 2}]


def test_counts_as_csv(api, agreements):
    response = api.get("/api/v1/agreements/counts/", {"group_by": "model,status", "format": "csv"})
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == "model,status,count"
    assert "TFM,active,2" in lines


@pytest.mark.parametrize("group_by", ["bogus", "model,bogus", "state,agency"])
def test_bad_group_by_is_a_400(api, group_by):
    response = api.get("/api/v1/agreements/counts/", {"group_by": group_by})
    assert response.status_code == 400
    assert "group_by" in response.data


def test_ended_and_last_listed_filters(api, agreements):
    clark, _ = agreements
    ended = api.get("/api/v1/agreements/", {"ended_after": "2025-07-10", "ended_before": "2025-07-12"})
    assert [(a["model"], a["ended_on"], a["status"]) for a in ended.data["results"]] == [
        ("JEM", "2025-07-11", "ended")
    ]
    assert api.get("/api/v1/agreements/", {"ended_after": "2025-07-12"}).data["results"] == []
    make_agreement(clark, model="WSO", last_listed=date(2025, 7, 9))
    listed = api.get(
        "/api/v1/agreements/", {"last_listed_after": "2025-07-01", "last_listed_before": "2025-07-09"}
    )
    assert [a["model"] for a in listed.data["results"]] == ["WSO"]


def test_snapshot_agreement_count_makes_a_time_series_in_one_call(api, django_assert_max_num_queries):
    make_snapshot(date(2025, 7, 16), published_part="am", agreement_count=826)
    make_snapshot(date(2025, 7, 18), published_part="pm", agreement_count=832, row_count=840)
    with django_assert_max_num_queries(2):  # count, page
        response = api.get("/api/v1/snapshots/", {"kind": "participating", "ordering": "published"})
    assert [(s["published"], s["agreement_count"]) for s in response.data["results"]] == [
        ("2025-07-16", 826),
        ("2025-07-18", 832),
    ]


def test_empty_group_by_is_one_total(api, agreements):
    assert api.get("/api/v1/agreements/counts/", {"group_by": ""}).data == [{"count": 4}]


def test_a_group_named_twice_counts_once(api, agreements):
    assert api.get("/api/v1/agreements/counts/", {"group_by": "model,model"}).data == [
        {"model": "JEM", "count": 1},
        {"model": "TFM", "count": 2},
        {"model": "WSO", "count": 1},
    ]
