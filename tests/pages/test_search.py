import re

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
    assert response["Location"] == "/states/nv/clark-county/?zip=89101"


def test_zip_plus_four_is_accepted(client, db):
    response = client.get(SEARCH, {"q": "89101-1234"})
    assert response["Location"] == "/states/nv/clark-county/?zip=89101"


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
    assert '<a href="/states/nv/clark-county/?town=Henderson">Henderson, NV</a>' in response.text


def test_search_runs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    # states; per group (counties, places, agencies with aliases) a count and a page; no session.
    with django_assert_max_num_queries(7):
        client.get(SEARCH, {"q": "Washington"})


# The examples of issue 19: a search a person can use.


def _agency_names(response) -> list[str]:
    section = response.text.split('id="agencies-results"')[1].split("</section>")[0]
    return re.findall(r'<a href="/agencies/[^"]+">([^<]+)</a>', section)


def test_harris_county_sheriff_shows_texas_first_and_does_not_jump_to_georgia(client, db):
    response = client.get(SEARCH, {"q": "harris county sheriff"})
    assert response.status_code == 200
    names = _agency_names(response)
    assert names[:2] == ["Harris County Sheriff&#x27;s Office", "Harris County Sheriff&#x27;s Office"]
    texas = response.text.index('Harris County Sheriff&#x27;s Office</a> <span class="muted">(TX')
    georgia = response.text.index('Harris County Sheriff&#x27;s Office</a> <span class="muted">(GA')
    assert texas < georgia


@pytest.mark.parametrize("query", ["Harris County, TX", "harris county texas", "condado de harris, Texas"])
def test_a_state_at_the_end_narrows_to_that_state(client, db, query):
    response = client.get(SEARCH, {"q": query})
    assert "Only results in Texas" in response.text
    assert "(GA" not in response.text
    assert "Harris County Sheriff&#x27;s Office" in response.text


def test_condado_de_harris_finds_harris_county(client, db):
    response = client.get(SEARCH, {"q": "condado de harris"})
    assert "Harris County, Texas" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Tarrant Cty", "Tarrant County Sheriff&#x27;s Office"),
        ("Tarant County", "Tarrant County Sheriff&#x27;s Office"),  # a typo
        ("TARRANT co.", "Tarrant County Sheriff&#x27;s Office"),
        ("Henderson PD", "Henderson Police Department"),
        ("harris SO", "Harris County Sheriff&#x27;s Office"),
        ("doña ana", "Dona Ana County Sheriff&#x27;s Office"),  # accents
        ("Clark County Sheriffs", "Clark County Sheriff&#x27;s Office"),
    ],
)
def test_abbreviations_accents_and_typos_find_the_agency(client, db, query, expected):
    response = client.get(SEARCH, {"q": query}, follow=True)
    assert expected in response.text


def test_miami_dade_sheriffs_finds_the_sheriffs_office(client, db):
    factories.agency("Miami-Dade Sheriff's Office", county_fips="12086")
    response = client.get(SEARCH, {"q": "Miami Dade Sheriffs"}, follow=True)
    assert "Miami-Dade Sheriff&#x27;s Office" in response.text


def test_an_acronym_finds_the_agency(client, db):
    response = client.get(SEARCH, {"q": "LVMPD"})
    assert response.status_code == 302
    assert response["Location"].startswith("/agencies/las-vegas-metropolitan-police-department")


def test_st_finds_saint(client, db):
    response = client.get(SEARCH, {"q": "St. Cloud"})
    assert "Saint Cloud, MN" in response.text or "St. Cloud, MN" in response.text


def test_austin_texas_comes_before_austin_arkansas(client, db):
    response = client.get(SEARCH, {"q": "Austin"})
    assert response.text.index("Austin, TX") < response.text.index("Austin, AR")
    names = _agency_names(response)
    assert names[0] == "Austin Police Department"
    assert "(TX" in response.text.split("Austin Police Department</a>")[1][:40]


def test_sheriff_shows_a_count_and_a_link_to_page_two(client, db):
    response = client.get(SEARCH, {"q": "sheriff"})
    found = re.search(r"Agencies: ([\d,]+) results", response.text)
    assert found is not None
    count = int(found[1].replace(",", ""))
    assert count > 25
    assert 'href="?q=sheriff&amp;page=2"' in response.text
    page_two = client.get(SEARCH, {"q": "sheriff", "page": "2"})
    assert page_two.status_code == 200
    assert _agency_names(page_two) and _agency_names(page_two) != _agency_names(response)


def test_each_agency_result_shows_its_287g_status(client, db):
    from agreements.models import Agreement

    agency = factories.agency("Zyxwv County Sheriff’s Office", county_fips="24015")
    Agreement.objects.create(agency=agency, model="JEM", status="active")
    factories.agency("Zyxwv Police Department", county_fips="24015", kind="municipal_police")
    response = client.get(SEARCH, {"q": "zyxwv"})
    assert "in 287(g): JEM" in response.text
    assert "no 287(g) agreement on ICE’s latest list" in response.text


def test_parse_query_splits_off_a_state_and_spells_out_abbreviations():
    from jurisdictions.models import State
    from pages.search import parse_query

    states = [
        State(name="Texas", postal="TX"),
        State(name="Colorado", postal="CO"),
        State(name="New York", postal="NY"),
    ]
    assert parse_query("Harris Cty, TX", states).state == states[0]
    assert parse_query("Harris Cty, TX", states).text == "harris county"
    assert parse_query("Tarrant Co.", states).state is None  # "Co." is county, not Colorado
    assert parse_query("Tarrant Co.", states).text == "tarrant county"
    assert parse_query("Denver PD, CO", states).text == "denver police department"
    assert parse_query("queens new york", states).state == states[2]
    assert parse_query("Condado de Harris", states).text == "harris county"
    assert parse_query("LVMPD", states).acronym == "LVMPD"
    assert parse_query("Austin", states).acronym == ""
