import pytest

from jurisdictions.models import AgencyAlias
from tests.agreements.factories import make_agreement
from tests.jurisdictions import factories
from tests.jurisdictions.factories import bulk_agencies

pytestmark = pytest.mark.django_db


def test_detail_by_id_and_by_slug(api):
    agency = factories.agency("Clark County Sheriff", website="https://example.org")
    by_id = api.get(f"/api/v1/agencies/{agency.pk}/")
    by_slug = api.get(f"/api/v1/agencies/{agency.slug}/")
    assert by_id.status_code == by_slug.status_code == 200
    assert by_id.data == by_slug.data
    assert by_id.data["url"] == f"http://testserver/api/v1/agencies/{agency.pk}/"
    assert by_id.data["html_url"] == f"http://testserver/agencies/{agency.slug}/"
    assert by_id.data["county"]["fips"] == "32003"
    assert by_id.data["state"]["postal"] == "NV"


@pytest.mark.parametrize("ident", ["999999", "99999999999999999999", "no-such-agency"])
def test_unknown_id_or_slug_is_404(api, ident):
    assert api.get(f"/api/v1/agencies/{ident}/").status_code == 404


def test_statewide_agency_has_null_county(api):
    agency = factories.agency("Nevada Highway Patrol", county_fips=None, kind="state_agency")
    response = api.get(f"/api/v1/agencies/{agency.pk}/")
    assert response.data["county"] is None
    assert response.data["kind_label"] == "State agency"


def test_filters_by_state_county_and_kind(api):
    def count(**params: str) -> int:
        return api.get("/api/v1/agencies/", params).data["count"]

    before = (count(state="ca"), count(county="32510"), count(county="32510", kind="sheriff"))
    assert before[1] >= 1  # the FBI roster's Carson City agencies
    bulk_agencies(4, county_fips="32510")
    bulk_agencies(2, county_fips="06037")
    assert count(state="ca") == before[0] + 2
    assert count(county="32510") == before[1] + 4
    assert count(county="32510", kind="sheriff") == before[2] + 2


def test_search_matches_aliases(api):
    agency = factories.agency("Example Metropolitan Police Department")
    AgencyAlias.objects.create(agency=agency, name="EXMPD")
    response = api.get("/api/v1/agencies/", {"q": "exmpd"})
    assert [a["id"] for a in response.data["results"]] == [agency.pk]
    assert response.data["results"][0]["aliases"] == ["EXMPD"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"kind": "wizard"}, "kind"), ({"county": "3200"}, "county"), ({"state": "N1"}, "state")],
)
def test_bad_filter_values_are_400(api, params, field):
    response = api.get("/api/v1/agencies/", params)
    assert response.status_code == 400
    assert field in response.data


def test_page_size_is_clamped_to_500(api):
    bulk_agencies(501)
    response = api.get("/api/v1/agencies/", {"page_size": 100000})
    assert response.status_code == 200
    assert len(response.data["results"]) == 500


def test_ori_and_has_ori_filters(api):
    (davie,) = api.get("/api/v1/agencies/", {"ori": "fl0061200"}).data["results"]
    assert (davie["name"], davie["ori"], davie["county"]["fips"]) == (
        "Davie Police Department",
        "FL0061200",
        "12011",
    )
    assert [c["fips"] for c in davie["counties"]] == ["12011"]
    mine = factories.agency("Only On ICE Lists Police Department", county_fips="32510")
    without = api.get("/api/v1/agencies/", {"has_ori": "false", "county": "32510"}).data["results"]
    assert [a["id"] for a in without] == [mine.pk]
    assert mine.pk not in {
        a["id"] for a in api.get("/api/v1/agencies/", {"has_ori": "true", "county": "32510"}).data["results"]
    }
    assert api.get("/api/v1/agencies/", {"has_ori": "maybe"}).status_code == 400


def test_a_unit_names_its_parent(api):
    (unit,) = api.get("/api/v1/agencies/", {"ori": "PA008SP00"}).data["results"]
    parent = api.get(f"/api/v1/agencies/{unit['unit_of']}/").data
    assert (unit["name"], parent["name"], parent["ori"]) == (
        "Pennsylvania State Police: Bradford County",
        "Pennsylvania State Police",
        "PAPSP0000",
    )


def test_page_past_the_end_is_404(api):
    assert api.get("/api/v1/agencies/", {"page": 99999}).status_code == 404


def test_ordering_by_name_descending(api):
    bulk_agencies(3)
    names = [a["name"] for a in api.get("/api/v1/agencies/", {"ordering": "-name"}).data["results"]]
    assert names == sorted(names, reverse=True)


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    bulk_agencies(120)
    # 1: count; 2: the page joined to state, county and place; 3, 4: the page's aliases and counties.
    for size in (10, 100):
        with django_assert_max_num_queries(4):
            response = api.get("/api/v1/agencies/", {"page_size": size})
        assert len(response.data["results"]) == size


def test_has_agreement_counts_only_agreements_in_force(api):
    active = factories.agency("Active Sheriff", county_fips="32510")
    missing = factories.agency("Missing Sheriff", county_fips="32510")
    ended = factories.agency("Ended Sheriff", county_fips="32510")
    make_agreement(active, status="active")
    make_agreement(missing, status="missing")
    make_agreement(ended, status="ended")
    ours = {active.pk, missing.pk, ended.pk}
    params = {"county": "32510", "page_size": "100"}
    with_one = api.get("/api/v1/agencies/", {"has_agreement": "true", **params}).data["results"]
    assert sorted(a["id"] for a in with_one) == sorted([active.pk, missing.pk])
    without = api.get("/api/v1/agencies/", {"has_agreement": "false", **params}).data["results"]
    without = [a for a in without if a["id"] in ours]
    assert [a["id"] for a in without] == [ended.pk]
    assert without[0]["agreement_count"] == 1
    assert without[0]["current_agreement_count"] == 0
    assert without[0]["agreements_url"] == f"http://testserver/api/v1/agreements/?agency={ended.pk}"
