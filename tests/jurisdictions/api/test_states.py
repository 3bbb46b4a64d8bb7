import pytest

pytestmark = pytest.mark.django_db


def test_list_has_every_state_with_links(api):
    response = api.get("/api/v1/states/", {"page_size": 100})
    assert response.status_code == 200
    assert response.data["count"] == 56
    nevada = next(s for s in response.data["results"] if s["postal"] == "NV")
    assert nevada["url"] == "http://testserver/api/v1/states/NV/"
    assert nevada["html_url"] == "http://testserver/states/nv/"
    assert nevada["counties_url"] == "http://testserver/api/v1/counties/?state=NV"
    assert nevada["county_count"] == 17


@pytest.mark.parametrize("postal", ["NV", "nv", "Nv"])
def test_detail_accepts_either_case(api, postal):
    response = api.get(f"/api/v1/states/{postal}/")
    assert response.status_code == 200
    assert response.data["name"] == "Nevada"


def test_unknown_state_is_404(api):
    assert api.get("/api/v1/states/ZZ/").status_code == 404


def test_territory_filter(api):
    response = api.get("/api/v1/states/", {"is_territory": "true"})
    assert {s["postal"] for s in response.data["results"]} >= {"PR", "GU"}
    assert "NV" not in {s["postal"] for s in response.data["results"]}


def test_ordering_by_postal_descending(api):
    response = api.get("/api/v1/states/", {"ordering": "-postal", "page_size": 2})
    assert [s["postal"] for s in response.data["results"]] == ["WY", "WV"]


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    # 1: count; 2: the page, with county and agency counts as correlated subqueries.
    for size in (10, 50):
        with django_assert_max_num_queries(2):
            assert api.get("/api/v1/states/", {"page_size": size}).status_code == 200


def test_bad_boolean_is_400(api):
    response = api.get("/api/v1/states/", {"is_territory": "perhaps"})
    assert response.status_code == 400
    assert "is_territory" in response.data
