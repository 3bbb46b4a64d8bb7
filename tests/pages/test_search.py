import pytest
from django.urls import reverse

from jurisdictions.models import Agency
from tests.jurisdictions import factories

SEARCH = reverse("pages:search")


@pytest.fixture
def metro(db):
    # Seeded in every database by the policies app's reference data.
    return Agency.objects.get(name="Las Vegas Metropolitan Police Department", state__postal="NV")


def test_a_zip_code_leads_to_its_county(client, db):
    response = client.get(SEARCH, {"q": "89101"})
    assert response.status_code == 302
    assert response["Location"] == "/states/nv/clark-county/"


def test_zip_plus_four_is_accepted(client, db):
    response = client.get(SEARCH, {"q": "89101-1234"})
    assert response["Location"] == "/states/nv/clark-county/"


def test_the_county_page_lists_its_agencies(client, metro):
    response = client.get(SEARCH, {"q": "89101"}, follow=True)
    assert response.status_code == 200
    assert "Clark County, Nevada" in response.text
    assert "Las Vegas Metropolitan Police Department" in response.text


def test_an_unknown_zip_says_so_and_suggests_what_to_try(client, db):
    response = client.get(SEARCH, {"q": "00000"})
    assert response.status_code == 400
    assert "We know no ZIP code 00000" in response.text


def test_a_malformed_zip_explains_the_format(client, db):
    response = client.get(SEARCH, {"q": "8910"})
    assert response.status_code == 400
    assert "five digits" in response.text


@pytest.mark.parametrize("query", ["", "   ", "%%%", "x" * 101, "<script>alert(1)</script>'; drop table"])
def test_malformed_searches_get_a_clear_page(client, db, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)" not in response.content


def test_a_search_that_matches_nothing_suggests_alternatives(client, db):
    response = client.get(SEARCH, {"q": "Zzyzxqq"})
    assert response.status_code == 200
    assert "Nothing matches" in response.text
    assert "five-digit ZIP code" in response.text


def test_a_county_name_finds_counties_in_several_states(client, db):
    response = client.get(SEARCH, {"q": "Clark County"})
    assert response.status_code == 200
    assert "Clark County, Nevada" in response.text
    assert "Clark County, Washington" in response.text


def test_an_agency_is_found_by_part_of_its_name_ignoring_apostrophes(client, db):
    factories.agency("Qwerty County Sheriff’s Office", county_fips="24015")
    response = client.get(SEARCH, {"q": "qwerty county sheriff's"})
    assert response.status_code == 302
    assert response["Location"].startswith("/agencies/qwerty-county-sheriffs-office")


def test_a_town_links_to_its_county(client, db):
    response = client.get(SEARCH, {"q": "Henderson"})
    assert '<a href="/states/nv/clark-county/">Henderson, NV</a>' in response.text


def test_search_runs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    # states, counties, places, agencies (one query with its alias join); the session is not touched.
    with django_assert_max_num_queries(4):
        client.get(SEARCH, {"q": "Washington"})
