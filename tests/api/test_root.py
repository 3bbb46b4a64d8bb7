import pytest

pytestmark = pytest.mark.django_db

# The API root's contract in DESIGN.md ("Interfaces that must stay stable").
DESIGNED = {"states", "counties", "agencies", "agreements", "policies", "records-requests", "snapshots"}


def test_root_lists_every_designed_endpoint(api):
    response = api.get("/api/v1/")
    assert response.status_code == 200
    assert set(response.data) >= DESIGNED


@pytest.mark.parametrize("name", sorted(DESIGNED))
def test_every_list_answers_json_and_csv(api, name):
    assert api.get(f"/api/v1/{name}/").status_code == 200
    response = api.get(f"/api/v1/{name}/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
