"""Read-only CORS under /api/ (django-cors-headers through core/api/cors.py): any origin may read, anonymously;
a write, or a preflight asking to write, gets no CORS header, so the browser refuses it."""

import pytest

pytestmark = pytest.mark.django_db


def test_get_under_api_allows_any_origin(client):
    response = client.get("/api/v1/states/", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_for_get_is_answered(client):
    response = client.options(
        "/api/v1/agreements/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200  # django-cors-headers answers preflights 200 (the old code said 204)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Max-Age"] == "86400"


def test_preflight_for_a_write_is_refused(client):
    response = client.options(
        "/api/v1/records-requests/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    # No CORS header at all, so the browser never sends the write (the old code also said 403).
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Methods" not in response


def test_writes_get_no_cors_header(client):
    response = client.post("/api/v1/records-requests/", {}, HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_pages_outside_the_api_get_no_cors_header(client):
    response = client.get("/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response
