"""Anonymous pages are cached, revalidated by ETag, and never served stale after data changes."""

import pytest
from django.db import connection

from core import data_version
from jurisdictions.models import Agency
from tests.jurisdictions import factories


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


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
