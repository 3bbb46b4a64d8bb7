import pytest

from tests.agreements.factories import make_agreement
from tests.jurisdictions import factories
from tests.jurisdictions.factories import bulk_agencies

pytestmark = pytest.mark.django_db


def test_detail_by_fips_links_state_and_agencies(api):
    roster = api.get("/api/v1/counties/32510/").data["agency_count"]
    bulk_agencies(3, county_fips="32510")
    response = api.get("/api/v1/counties/32510/")
    assert response.status_code == 200
    assert response.data["name"] == "Carson City"
    assert response.data["state"]["postal"] == "NV"
    assert response.data["state"]["url"] == "http://testserver/api/v1/states/NV/"
    assert response.data["html_url"] == "http://testserver/states/nv/carson-city/"
    assert response.data["agencies_url"] == "http://testserver/api/v1/agencies/?county=32510"
    assert response.data["agency_count"] == roster + 3
    assert api.get(response.data["agencies_url"]).data["count"] == roster + 3


def test_unknown_fips_is_404(api):
    assert api.get("/api/v1/counties/99999/").status_code == 404


def test_malformed_fips_is_404(api):
    assert api.get("/api/v1/counties/abc/").status_code == 404


def test_filter_by_state_in_lowercase(api):
    response = api.get("/api/v1/counties/", {"state": "nv", "page_size": 100})
    assert response.data["count"] == 17
    assert {c["state"]["postal"] for c in response.data["results"]} == {"NV"}


def test_well_formed_unknown_state_matches_nothing(api):
    response = api.get("/api/v1/counties/", {"state": "ZZ"})
    assert response.status_code == 200
    assert response.data["count"] == 0


def test_malformed_state_is_400(api):
    response = api.get("/api/v1/counties/", {"state": "Nevada"})
    assert response.status_code == 400
    assert "state" in response.data


def test_name_search(api):
    response = api.get("/api/v1/counties/", {"q": "clark", "state": "NV"})
    assert [c["fips"] for c in response.data["results"]] == ["32003"]


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    # 1: count; 2: the page joined to its state, with the agency count as a subquery.
    for size in (10, 100):
        with django_assert_max_num_queries(2):
            response = api.get("/api/v1/counties/", {"page_size": size})
        assert len(response.data["results"]) == size


def test_agreement_counts_and_has_agreement_filter(api):
    sheriff = factories.agency("Washoe County Sheriff", county_fips="32031")
    make_agreement(sheriff, model="JEM")
    make_agreement(sheriff, model="WSO", status="ended")
    washoe = api.get("/api/v1/counties/32031/").data
    assert (washoe["agreement_count"], washoe["current_agreement_count"]) == (2, 1)
    with_one = api.get("/api/v1/counties/", {"has_agreement": "true", "page_size": 500}).data
    assert "32031" in [c["fips"] for c in with_one["results"]]
    assert all(c["current_agreement_count"] > 0 for c in with_one["results"])
    without = api.get("/api/v1/counties/", {"has_agreement": "false"}).data
    assert without["count"] == 3235 - with_one["count"]
