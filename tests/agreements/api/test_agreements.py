from datetime import date

import pytest

from tests.agreements.factories import bulk_agreements, make_agreement, make_listing, make_snapshot
from tests.jurisdictions import factories
from tests.jurisdictions.factories import bulk_agencies

pytestmark = pytest.mark.django_db


@pytest.fixture
def clark():
    return factories.agency("Clark County Sheriff", county_fips="32003")


@pytest.fixture
def harris():
    return factories.agency("Harris County Sheriff", county_fips="48201")


def ids(response) -> list[int]:
    assert response.status_code == 200, response.data
    return [a["id"] for a in response.data["results"]]


def test_detail_has_agency_links_and_provenance(api, clark):
    may = make_snapshot(date(2025, 5, 16), published_part="am")
    july = make_snapshot(date(2025, 7, 9))
    agreement = make_agreement(
        clark, model="TFM", signed=date(2025, 3, 1), moa_url="https://www.ice.gov/moa.pdf"
    )
    make_listing(july, agreement, row_number=40)
    make_listing(may, agreement, row_number=12)
    response = api.get(f"/api/v1/agreements/{agreement.pk}/")
    assert response.status_code == 200
    assert response.data["agency"]["id"] == clark.pk
    assert response.data["agency"]["url"] == f"http://testserver/api/v1/agencies/{clark.pk}/"
    assert response.data["state"]["postal"] == "NV"
    assert response.data["county"]["fips"] == "32003"
    assert response.data["model_label"] == "Task Force Model"
    provenance = [(row["snapshot"]["published"], row["row_number"]) for row in response.data["listings"]]
    assert provenance == [("2025-05-16", 12), ("2025-07-09", 40)]
    assert response.data["listings"][0]["snapshot"]["url"] == f"http://testserver/api/v1/snapshots/{may.pk}/"


def test_provenance_leaves_out_rejected_snapshots(api, clark):
    rejected = make_snapshot(date(2025, 6, 1), status="rejected")
    agreement = make_agreement(clark)
    make_listing(rejected, agreement)
    assert api.get(f"/api/v1/agreements/{agreement.pk}/").data["listings"] == []


def test_list_omits_listings(api, clark):
    make_agreement(clark)
    assert "listings" not in api.get("/api/v1/agreements/").data["results"][0]


@pytest.mark.parametrize("ident", ["999999", "99999999999999999999", "abc"])
def test_unknown_agreement_is_404(api, ident):
    assert api.get(f"/api/v1/agreements/{ident}/").status_code == 404


def test_filter_by_state_county_and_agency(api, clark, harris):
    nv = make_agreement(clark)
    tx = make_agreement(harris)
    assert ids(api.get("/api/v1/agreements/", {"state": "tx"})) == [tx.pk]
    assert ids(api.get("/api/v1/agreements/", {"county": "32003"})) == [nv.pk]
    assert ids(api.get("/api/v1/agreements/", {"agency": str(clark.pk)})) == [nv.pk]
    assert ids(api.get("/api/v1/agreements/", {"agency": harris.slug})) == [tx.pk]
    assert ids(api.get("/api/v1/agreements/", {"agency": "99999999999999999999"})) == []


def test_filter_by_model_and_status(api, clark):
    jem = make_agreement(clark, model="JEM")
    tfm = make_agreement(clark, model="TFM", status="missing")
    make_agreement(clark, model="WSO", status="ended")
    assert ids(api.get("/api/v1/agreements/", {"model": "TFM"})) == [tfm.pk]
    current = ids(api.get("/api/v1/agreements/?status=active&status=missing"))
    assert sorted(current) == sorted([jem.pk, tfm.pk])


def test_filter_by_signed_range(api, clark):
    make_agreement(clark, model="JEM", signed=date(2024, 12, 31))
    inside = make_agreement(clark, model="TFM", signed=date(2025, 2, 1))
    make_agreement(clark, model="WSO", signed=date(2025, 3, 2))
    params = {"signed_after": "2025-01-01", "signed_before": "2025-03-01"}
    assert ids(api.get("/api/v1/agreements/", params)) == [inside.pk]


def test_listed_on_uses_the_list_in_force_that_day(api, clark, harris):
    may = make_snapshot(date(2025, 5, 16))
    july = make_snapshot(date(2025, 7, 9))
    make_snapshot(date(2025, 6, 1), kind="pending")
    early = make_agreement(clark)
    late = make_agreement(harris)
    make_listing(may, early)
    make_listing(july, early)
    make_listing(july, late)
    assert ids(api.get("/api/v1/agreements/", {"listed_on": "2025-06-30"})) == [early.pk]
    assert sorted(ids(api.get("/api/v1/agreements/", {"listed_on": "2025-07-09"}))) == sorted(
        [early.pk, late.pk]
    )
    assert ids(api.get("/api/v1/agreements/", {"listed_on": "2025-01-01"})) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"signed_after": "notadate"}, "signed_after"),
        ({"signed_before": "2025-13-01"}, "signed_before"),
        ({"listed_on": "yesterday"}, "listed_on"),
        ({"model": "XYZ"}, "model"),
        ({"status": "dormant"}, "status"),
        ({"county": "1"}, "county"),
    ],
)
def test_bad_filter_values_are_400(api, params, field):
    response = api.get("/api/v1/agreements/", params)
    assert response.status_code == 400
    assert field in response.data


def test_ordering_by_signed(api, clark):
    make_agreement(clark, model="JEM", signed=date(2025, 3, 1))
    make_agreement(clark, model="TFM", signed=date(2025, 1, 1))
    response = api.get("/api/v1/agreements/", {"ordering": "signed"})
    assert [a["signed"] for a in response.data["results"]] == ["2025-01-01", "2025-03-01"]


def test_superseded_by_links_the_renewal(api, clark):
    renewal = make_agreement(clark, signed=date(2025, 6, 1))
    old = make_agreement(clark, signed=date(2024, 6, 1), status="superseded", superseded_by=renewal)
    response = api.get(f"/api/v1/agreements/{old.pk}/")
    assert response.data["superseded_by"] == f"http://testserver/api/v1/agreements/{renewal.pk}/"


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    bulk_agreements(bulk_agencies(40))
    # 1: count; 2: the page joined to agency, state and county.
    for size in (10, 100):
        with django_assert_max_num_queries(2):
            response = api.get("/api/v1/agreements/", {"page_size": size})
        assert len(response.data["results"]) == size


def test_detail_query_count(api, clark, django_assert_max_num_queries):
    agreement = make_agreement(clark)
    for n in range(5):
        make_listing(make_snapshot(date(2025, 5, 1 + n)), agreement)
    # 1: the agreement with agency, state, county; 2: its listings with their snapshots.
    with django_assert_max_num_queries(2):
        assert len(api.get(f"/api/v1/agreements/{agreement.pk}/").data["listings"]) == 5
