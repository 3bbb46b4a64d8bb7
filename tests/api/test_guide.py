import pytest

pytestmark = pytest.mark.django_db


def test_guide_shows_examples_with_this_sites_address(client, django_assert_max_num_queries):
    # No query: the page is static apart from the site's base URL.
    with django_assert_max_num_queries(0):
        response = client.get("/api/v1/guide/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "curl &#x27;http://testserver/api/v1/agreements/?state=TX" in body or (
        "curl 'http://testserver/api/v1/agreements/?state=TX" in body
    )
    assert "http://testserver/api/docs/" in body
    assert "Retry-After" in body


def test_guide_has_a_worked_example_for_each_history_endpoint_and_filter(client):
    body = client.get("/api/v1/guide/").content.decode()
    for path in [
        "agreements/?ended_after=",
        "last_listed_before=",
        "agreements/counts/?group_by=model&amp;status=active",
        "snapshots/?kind=participating&amp;ordering=published",
        "changes/?from=2025-07-14&amp;to=2025-07-16",
        "signed_afer",
    ]:
        assert f"http://testserver/api/v1/{path}" in body or path in body, path
    assert "agreement_count" in body
