from datetime import date

import pytest

from tests.agreements.factories import make_snapshot

pytestmark = pytest.mark.django_db


def test_list_newest_first_with_identity(api):
    old = make_snapshot(date(2025, 5, 16), row_count=571, source_url="https://www.ice.gov/doclib/a.xlsx")
    new = make_snapshot(date(2025, 7, 9), row_count=807)
    results = api.get("/api/v1/snapshots/").data["results"]
    assert [s["id"] for s in results] == [new.pk, old.pk]
    assert results[1]["sha256"] == old.sha256
    assert results[1]["row_count"] == 571
    assert results[1]["source_url"] == "https://www.ice.gov/doclib/a.xlsx"


def test_held_and_rejected_snapshots_are_not_public(api):
    held = make_snapshot(date(2025, 6, 1), status="held")
    assert api.get("/api/v1/snapshots/").data["count"] == 0
    assert api.get(f"/api/v1/snapshots/{held.pk}/").status_code == 404


def test_filter_kind_and_published_range(api):
    make_snapshot(date(2025, 5, 16))
    pending = make_snapshot(date(2025, 6, 2), kind="pending")
    july = make_snapshot(date(2025, 7, 9))
    assert [s["id"] for s in api.get("/api/v1/snapshots/", {"kind": "pending"}).data["results"]] == [
        pending.pk
    ]
    in_range = api.get("/api/v1/snapshots/", {"published_after": "2025-06-01", "kind": "participating"})
    assert [s["id"] for s in in_range.data["results"]] == [july.pk]


@pytest.mark.parametrize("params", [{"kind": "secret"}, {"published_after": "notadate"}])
def test_bad_filters_are_400(api, params):
    assert api.get("/api/v1/snapshots/", params).status_code == 400


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    for n in range(30):
        make_snapshot(date(2025, 1, 1 + n))
    # 1: count; 2: the page.
    for size in (5, 25):
        with django_assert_max_num_queries(2):
            assert len(api.get("/api/v1/snapshots/", {"page_size": size}).data["results"]) == size
