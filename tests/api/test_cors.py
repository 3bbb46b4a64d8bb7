import pytest
from django.test import override_settings

from config.settings import MIDDLEWARE

pytestmark = [
    pytest.mark.django_db,
    # The middleware is not in settings yet (see the API report); the tests put it first, as it will be.
    pytest.mark.usefixtures("cors_on"),
]


@pytest.fixture
def cors_on():
    with override_settings(MIDDLEWARE=["core.api.cors.ReadOnlyCORSMiddleware", *MIDDLEWARE]):
        yield


def test_get_under_api_allows_any_origin(client):
    response = client.get("/api/v1/states/", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in response["Access-Control-Expose-Headers"]


def test_preflight_for_get_is_answered(client):
    response = client.options(
        "/api/v1/agreements/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in response["Access-Control-Allow-Methods"]


def test_preflight_for_a_write_is_refused(client):
    response = client.options(
        "/api/v1/records-requests/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert response.status_code == 403
    assert "Access-Control-Allow-Methods" not in response


def test_writes_get_no_cors_header(client):
    response = client.post("/api/v1/records-requests/", {}, HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_pages_outside_the_api_get_no_cors_header(client):
    response = client.get("/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response
