import pytest
from django.urls import reverse

from jurisdictions.models import Agency
from tests.jurisdictions import factories


@pytest.fixture
def agencies(db):
    return [factories.agency(f"Clark Agency {n}", county_fips="32003") for n in range(5)]


def test_home_has_one_search_box_and_every_state(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert response.text.count('type="search"') == 1
    assert "Nevada" in response.text and "Wyoming" in response.text


def test_home_in_spanish(client, db):
    response = client.get("/es/")
    assert response.status_code == 200
    assert '<html lang="es">' in response.text
    assert "¿Su sheriff o policía colabora con ICE?" in response.text


def test_language_switch_links_to_the_same_page_in_spanish_and_back(client, db):
    english = client.get("/states/nv/clark-county/")
    assert '<a href="/es/states/nv/clark-county/?lang=es" hreflang="es" lang="es">Español</a>' in english.text
    spanish = client.get("/es/states/nv/clark-county/")
    assert '<a href="/states/nv/clark-county/?lang=en" hreflang="en" lang="en">English</a>' in spanish.text


def test_spanish_pages_link_to_spanish_pages(client, db):
    spanish = client.get("/es/states/nv/")
    assert 'href="/es/states/nv/clark-county/"' in spanish.text
    assert 'href="/es/"' in spanish.text  # the brand link home keeps the language


def test_state_page_shows_counties_and_agencies(client, agencies):
    response = client.get(reverse("pages:state", kwargs={"state": "nv"}))
    assert response.status_code == 200
    assert "Clark County" in response.text
    assert "Clark Agency 3" in response.text


def test_county_page_lists_statewide_agencies_with_agreements_in_their_own_group(client, agencies):
    from agreements.models import Agreement

    patrol = factories.agency("Statewide Test Patrol", county_fips=None, kind="state_police")
    factories.agency("Statewide Quiet Agency", county_fips=None, kind="state_agency")
    Agreement.objects.create(agency=patrol, model="TFM", status="active")
    response = client.get(reverse("pages:county", kwargs={"state": "nv", "county": "clark-county"}))
    statewide = response.text.split("Statewide agencies of Nevada on ICE’s lists")[1]
    assert "Statewide Test Patrol" in statewide
    assert "Statewide Quiet Agency" not in response.text  # no agreement: on the state page, not here
    local = response.text.split('id="agencies-heading"')[1].split("Statewide agencies of Nevada")[0]
    assert local.index("Clark Agency 0") < local.index("Henderson Police Department")  # sheriffs first


def test_zip_in_san_francisco_names_its_police_and_sheriff(client, db):
    response = client.get("/search/", {"q": "94110"}, follow=True)
    assert "San Francisco Police Department" in response.text
    assert "San Francisco County Sheriff" in response.text


def test_zip_in_chicago_names_chicago_police(client, db):
    response = client.get("/search/", {"q": "60614"}, follow=True)
    assert "Chicago Police Department" in response.text


def test_a_state_unit_is_listed_on_the_county_it_serves(client, db):
    response = client.get("/states/pa/bradford-county/")
    units = response.text.split("state agencies’ units in this county")[1]
    assert "Pennsylvania State Police: Bradford County" in units
    assert "Bradford County Sheriff" in response.text.split("state agencies’ units")[0]


def test_agency_page_says_unknown_for_missing_contacts(client, agencies):
    response = client.get(agencies[0].get_absolute_url())
    assert response.status_code == 200
    assert "Unknown" in response.text


@pytest.mark.parametrize(
    "url", ["/states/zz/", "/states/nv/no-such-county/", "/agencies/no-such-agency/", "/es/states/zz/"]
)
def test_unknown_slugs_get_a_clear_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "could not find" in response.text.lower() or "no encontramos" in response.text.lower()


# Query budgets: the count must not grow with the number of agencies or counties shown.


def test_state_page_query_count_is_fixed(client, agencies, django_assert_max_num_queries):
    # state (+ records law), its agencies counted, the page's agency ids, those agencies with their
    # county and roll-up, state-level policies (their sources when there are any), the state's laws, the
    # map's 287(g) statuses and its counties
    url = reverse("pages:state", kwargs={"state": "nv"})
    with django_assert_max_num_queries(9):
        client.get(url)
    for n in range(3):
        factories.agency(f"One More {n}", county_fips="32003")
    with django_assert_max_num_queries(9):
        client.get(url)


def test_county_page_query_count_is_fixed(client, agencies, django_assert_max_num_queries):
    # county with state, agencies with state/county/place, the state's statewide agencies with
    # agreements; the answer: ICE's latest list, the agencies' detainer and 287(g) answers, the state's
    # laws; the state-law section's laws; with ?zip=, the ZIP code with its town
    url = reverse("pages:county", kwargs={"state": "nv", "county": "clark-county"})
    with django_assert_max_num_queries(7):
        client.get(url)
    factories.agency("One More", county_fips="32003")
    with django_assert_max_num_queries(8):
        client.get(url, {"zip": "89101"})


def test_home_query_count_is_fixed(client, db, django_assert_max_num_queries):
    # states, the map's counties, their 287(g) statuses; the agreements summary: counts, snapshot series
    with django_assert_max_num_queries(5):
        client.get("/")


def test_agency_page_query_count_is_fixed(client, db, django_assert_max_num_queries):
    # The seeded LVMPD page (pages.agency): the agency with state/county/place and its aliases, counties
    # and units as arrays (1); agreements (1) and, on no list, the period the lists cover (1); ICE's latest
    # list (1); policies, own and state's, with sources (2); the state's laws (1); documents (1); requests
    # (2). The answer box shares the sections' rows.
    url = "/agencies/" + Agency.objects.get(name__startswith="Las Vegas Metropolitan").slug + "/"
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    for _ in range(3):
        factories.agency(county_fips="32003")
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(url)


def test_county_page_rolls_up_agreements_and_answers(client, db):
    # LVMPD is seeded with sourced policy answers; no ICE list is imported in this test.
    response = client.get(reverse("pages:county", kwargs={"state": "nv", "county": "clark-county"}))
    row = response.text.split("Las Vegas Metropolitan Police Department</a></th>", 1)[1].split("</tr>", 1)[0]
    assert "None listed by ICE" in row
    assert 'data-label="Questions answered">5</td>' in row  # five questions answered from the seed articles


def test_state_page_pages_its_agencies(client, db, settings):
    from pages import views

    for n in range(3):
        factories.agency(f"Paged Agency {n}", county_fips="60010", state=factories.state("AS"))
    original = views.STATE_AGENCIES_PER_PAGE
    views.STATE_AGENCIES_PER_PAGE = 2
    try:
        first = client.get("/states/as/")  # American Samoa: no agency in the FBI roster
        second = client.get("/states/as/?page=2")
        nonsense = client.get("/states/as/?page=abc")
    finally:
        views.STATE_AGENCIES_PER_PAGE = original
    assert "Paged Agency 0" in first.text and "Paged Agency 2" not in first.text
    assert "Page 1 of 2" in first.text and 'rel="next"' in first.text
    assert "Paged Agency 2" in second.text
    assert nonsense.status_code == 200  # a bad page number shows the first page, not an error


def test_pages_offer_alerts_without_a_form_so_they_stay_cacheable(client, db):
    response = client.get("/states/nv/clark-county/")
    assert 'href="/alerts/subscribe/county/nv/clark-county/"' in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert not response.cookies
