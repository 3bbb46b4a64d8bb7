"""Anonymous pages are cached, revalidated by ETag, and not served stale after data changes (beyond the
second for which a process trusts the data version it last read)."""

import gzip

import pytest
from django.db import connection

from core import data_version
from core import page_cache as core_page_cache
from jurisdictions.models import Agency
from tests.jurisdictions import factories


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_TTL_MS = 0  # every request reads the data version: changes show at once


@pytest.fixture
def county_url(db):
    return "/states/nv/clark-county/"


def test_a_second_visit_is_served_from_the_cache(
    client, page_cache, county_url, django_assert_max_num_queries
):
    first = client.get(county_url)
    assert first.status_code == 200
    with django_assert_max_num_queries(1):  # the data version only
        second = client.get(county_url)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_a_process_reads_the_data_version_at_most_once_a_second(
    client, page_cache, settings, county_url, monkeypatch, django_assert_num_queries
):
    settings.PAGE_CACHE_VERSION_TTL_MS = 1000
    clock = [1000.0]
    monkeypatch.setattr(core_page_cache.time, "monotonic", lambda: clock[0])
    first = client.get(county_url)
    with django_assert_num_queries(0):  # a hit within the second: no query at all
        assert client.get(county_url).content == first.content
    factories.agency("Brand New Constables", county_fips="32003")
    clock[0] += 0.5
    assert "Brand New Constables" not in client.get(county_url).text  # the page as it was, for now
    clock[0] += 0.5  # the second is up: the version is read again, and the page rendered anew
    assert "Brand New Constables" in client.get(county_url).text


def test_a_matching_etag_gets_304(client, page_cache, county_url):
    etag = client.get(county_url)["ETag"]
    response = client.get(county_url, headers={"If-None-Match": etag})
    assert response.status_code == 304


def test_an_edit_invalidates_the_page(client, page_cache, county_url):
    before = client.get(county_url)
    factories.agency("Brand New Constables", county_fips="32003")
    after = client.get(county_url)
    assert "Brand New Constables" in after.text
    assert after["ETag"] != before["ETag"]
    assert client.get(county_url, headers={"If-None-Match": before["ETag"]}).status_code == 200


def test_bulk_writes_and_raw_sql_invalidate_too(client, page_cache, county_url):
    agency = factories.agency("Old Name Police", county_fips="32003")
    assert "Old Name Police" in client.get(county_url).text
    Agency.objects.filter(pk=agency.pk).update(name="Renamed Police")  # no signals fire for this
    assert "Renamed Police" in client.get(county_url).text
    with connection.cursor() as cursor:
        cursor.execute("UPDATE jurisdictions_agency SET name = 'Raw SQL Police' WHERE id = %s", [agency.pk])
    assert "Raw SQL Police" in client.get(county_url).text


def test_every_public_data_table_has_the_trigger(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_name = %s",
            [data_version.TRIGGER],
        )
        tables = {row[0] for row in cursor.fetchall()}
    assert {
        "jurisdictions_agency",
        "jurisdictions_county",
        "agreements_agreement",
        "agreements_snapshot",
    } <= tables
    assert "django_session" not in tables


def test_signed_in_visitors_and_languages_are_kept_apart(client, page_cache, county_url, django_user_model):
    english = client.get(county_url)
    spanish = client.get("/es" + county_url)
    assert spanish["ETag"] != english["ETag"]
    assert '<html lang="es">' in spanish.text
    user = django_user_model.objects.create_user("organizer", password="a-long-password-1")
    client.force_login(user)
    assert "ETag" not in client.get(county_url)


def _headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name.lower() != "date"}


def test_a_hit_answers_with_the_bytes_and_headers_of_the_miss(
    client, page_cache, county_url, django_assert_num_queries
):
    miss = client.get(county_url)
    with django_assert_num_queries(1):  # the data version; nothing else runs before the cache answers
        hit = client.get(county_url)
    assert hit.content == miss.content
    assert _headers(hit) == _headers(miss)
    assert "Accept-Encoding" in hit["Vary"]
    # Set when the page was rendered (CSP, framing) or on every response (SecurityMiddleware, outside it).
    assert "default-src" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Content-Language"] == "en"


def test_gzip_and_plain_clients_get_the_same_page(client, page_cache, county_url):
    gzip_headers = {"Accept-Encoding": "gzip, deflate, br"}
    plain_miss = client.get(county_url)
    gzip_hit = client.get(county_url, headers=gzip_headers)
    plain_hit = client.get(county_url)
    assert gzip_hit["Content-Encoding"] == "gzip"
    assert int(gzip_hit["Content-Length"]) == len(gzip_hit.content) < len(plain_hit.content)
    assert gzip.decompress(gzip_hit.content) == plain_hit.content == plain_miss.content
    assert "Content-Encoding" not in plain_hit
    assert gzip_hit["ETag"] != plain_hit["ETag"]
    assert (
        client.get(county_url, headers={"If-None-Match": gzip_hit["ETag"], **gzip_headers}).status_code == 304
    )


def test_a_gzip_miss_stores_both_forms(client, page_cache, county_url):
    first = client.get(county_url, headers={"Accept-Encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    assert gzip.decompress(first.content) == client.get(county_url).content


def test_spanish_is_its_own_entry(client, page_cache, county_url):
    client.get(county_url)
    spanish = client.get("/es" + county_url)
    assert spanish["Content-Language"] == "es"
    assert '<html lang="es">' in spanish.text
    assert '<html lang="en">' in client.get(county_url).text


def test_signed_in_visitors_bypass_the_cache(client, page_cache, county_url, django_user_model):
    client.get(county_url)
    client.force_login(django_user_model.objects.create_user("organizer", password="a-long-password-1"))
    response = client.get(county_url, headers={"Accept-Encoding": "gzip"})
    assert "ETag" not in response
    assert response.wsgi_request.user.is_authenticated


def test_an_unknown_host_is_still_refused(client, page_cache, county_url):
    client.get(county_url)
    assert client.get(county_url, headers={"Host": "evil.example"}).status_code == 400


def test_a_page_that_asks_who_the_visitor_is_is_still_cached(
    client, db, page_cache, django_assert_num_queries
):
    # The agency page's records-request list checks request.user (SessionMiddleware: Vary: Cookie).
    agency = factories.agency("Cached Sheriff", county_fips="32003")
    url = agency.get_absolute_url()
    first = client.get(url)
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(1):
        assert client.get(url).content == first.content


def test_a_page_with_a_csrf_token_is_never_stored(client, db, page_cache):
    url = "/requests/accounts/login/"
    first = client.get(url)
    assert "csrfmiddlewaretoken" in first.text
    assert "ETag" not in first
    client.cookies["csrftoken"] = first.cookies["csrftoken"].value  # a visitor who already has the cookie
    again = client.get(url)
    assert "ETag" not in again
    assert again.cookies["csrftoken"]
