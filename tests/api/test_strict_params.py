"""Every API list answers 400 naming a query parameter it does not read, and an ordering it cannot do."""

import pytest

from api.urls import router

pytestmark = pytest.mark.django_db
LISTS = [f"/api/v1/{prefix}/" for prefix, _viewset, _basename in router.registry]


@pytest.mark.parametrize("url", LISTS)
def test_unknown_parameter_is_a_400_naming_it(api, url):
    response = api.get(url, {"signed_afer": "2025-01-01"})
    assert response.status_code == 400
    assert "signed_afer" in response.data
    assert "Unknown parameter" in str(response.data["signed_afer"][0])


@pytest.mark.parametrize("url", LISTS)
def test_unknown_parameter_is_a_400_in_csv_too(api, url):
    assert api.get(url, {"format": "csv", "bogus": "1"}).status_code == 400


@pytest.mark.parametrize("url", LISTS)
def test_unknown_ordering_is_a_400(api, url):
    response = api.get(url, {"ordering": "bogus"})
    assert response.status_code == 400
    assert "bogus" in str(response.data["ordering"][0])


def test_known_parameters_still_work(api):
    assert (
        api.get(
            "/api/v1/agreements/", {"page": 1, "page_size": 5, "ordering": "-signed", "status": "active"}
        ).status_code
        == 200
    )
    assert (
        api.get("/api/v1/agreements/", {"ordering": "agency__state__postal,-agency__name"}).status_code == 200
    )


def test_schema_lists_the_ordering_fields(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    (ordering,) = [
        p for p in schema["paths"]["/api/v1/agreements/"]["get"]["parameters"] if p["name"] == "ordering"
    ]
    assert "ended_on" in ordering["description"]
    assert "first_listed" in ordering["schema"]["pattern"]


def test_counts_group_by_is_not_a_list_parameter(api):
    assert api.get("/api/v1/agreements/", {"group_by": "model"}).status_code == 400
