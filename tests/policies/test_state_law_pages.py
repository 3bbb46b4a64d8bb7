"""State laws on residents' pages, English and Spanish: state, county, ZIP code, agency, /state-laws/."""

import re

import pytest

from jurisdictions.models import Agency, AgencyKind
from policies.models import StateLaw
from policies.seeds import HARFORD
from policies.vocabulary import Topic
from tests.jurisdictions import factories
from tests.policies.factories import make_policy
from tests.policies.sections import render_agency_policies, render_state_policies

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def article(html: str, topic: str) -> str:
    match = re.search(rf'<article id="policy-{topic}".*?</article>', html, re.S)
    assert match, topic
    return match.group(0)


def render_agency(agency: Agency, language: str = "en") -> str:
    return render_agency_policies(agency, language)


def florida_sheriff() -> Agency:
    """Alachua County's sheriff (from the national roster), on ICE's 287(g) lists as every Florida sheriff."""
    name = "Alachua County Sheriff's Office"
    agency = Agency.objects.filter(state__postal="FL", kind=AgencyKind.SHERIFF, name=name).first()
    if agency is None:  # a roster without it
        agency = factories.agency(name, county_fips="12001", kind=AgencyKind.SHERIFF)
    return Agency.objects.select_related("state").get(pk=agency.pk)


def test_san_francisco_county_page_names_the_california_values_act(client):
    for prefix, heading in [("", "State law in California"), ("/es", "Ley estatal en California")]:
        response = client.get(f"{prefix}/states/ca/san-francisco-county/")
        assert response.status_code == 200
        page = text(response.text)
        assert heading in page
        assert "California Values Act (SB 54, 2017): no holds on ICE detainers" in page
        assert "Cal. Gov. Code §§ 7284–7284.12" in page
    assert "no pueden mantener a nadie en la cárcel" in text(
        client.get("/es/states/ca/san-francisco-county/").text
    )


def test_a_zip_code_leads_to_the_county_page_with_its_state_law(client):
    response = client.get("/search/", {"q": "94110"}, follow=True)
    assert "California Values Act" in response.text


def test_a_florida_sheriffs_page_cites_fla_stat_908(client):
    agency = florida_sheriff()
    for prefix in ("", "/es"):
        page = text(client.get(f"{prefix}/agencies/{agency.slug}/").text)
        assert "Fla. Stat. § 908.11" in page
        assert "Fla. Stat. § 908.105" in page
    html = render_agency(agency)
    stance = text(article(html, Topic.PROGRAM_287G_STANCE))
    assert "Required by state law: Fla. Stat. § 908.11" in stance
    assert "it is not the agency’s own policy" in stance
    assert "Unknown" not in stance
    spanish = text(article(render_agency(agency, "es"), Topic.PROGRAM_287G_STANCE))
    assert "Exigido por la ley estatal: Fla. Stat. § 908.11" in spanish
    assert "no es una política propia de la agencia" in spanish


def test_a_question_without_a_state_law_stays_unknown():
    html = render_agency(florida_sheriff())
    assert "<strong>Unknown</strong>" in article(html, Topic.IMMIGRATION_ENFORCEMENT)


def test_a_law_binding_sheriffs_is_not_shown_for_a_city_police_department():
    police = factories.agency(
        "Gainesville Police Department", county_fips="12001", kind=AgencyKind.MUNICIPAL_POLICE
    )
    stance = text(
        article(
            render_agency(Agency.objects.select_related("state").get(pk=police.pk)), Topic.PROGRAM_287G_STANCE
        )
    )
    assert "908.11" not in stance
    assert "<strong>Unknown</strong>" in article(render_agency(police), Topic.PROGRAM_287G_STANCE)


def test_an_agency_answer_conflicting_with_state_law_is_shown_with_the_conflict():
    # The seeded Harford County sheriff took part in 287(g) (2024); Maryland banned it from 2026-02-17.
    harford = Agency.objects.select_related("state").get(name=HARFORD.name)
    stance = article(render_agency(harford), Topic.PROGRAM_287G_STANCE)
    assert "Takes part in the 287(g) program" in stance  # the agency's own answer stays, sourced
    assert "Conflicts with state law" in stance
    assert "Prohibited by state law: HB 444 / SB 245" in stance
    assert "State law on this question:" in stance
    assert "Contradice la ley estatal" in article(render_agency(harford, "es"), Topic.PROGRAM_287G_STANCE)


def test_an_agency_answer_that_agrees_with_state_law_has_no_conflict():
    agency = florida_sheriff()
    make_policy(agency=agency, topic=Topic.DETAINERS, answer="honors_all")
    assert "Conflicts with state law" not in article(render_agency(agency), Topic.DETAINERS)
    other = factories.agency(county_fips="12003")
    make_policy(agency=other, topic=Topic.DETAINERS, answer="does_not_honor")
    assert "Conflicts with state law" in article(render_agency(other), Topic.DETAINERS)


def test_state_page_opens_with_the_posture_line(client):
    page = text(client.get("/states/fl/").text)
    posture = "287(g) agreements: required for sheriffs since 2022 · detainer holds: required for jails since July 1, 2019"
    assert posture in page
    assert page.index(posture) < page.index("State-wide policies in Florida")
    spanish = text(client.get("/es/states/fl/").text)
    assert "Acuerdos 287(g): obligatorios para los sheriffs desde 2022" in spanish


def test_state_page_marks_low_confidence_and_shows_status_notes(client):
    html = client.get("/states/ks/").text
    low = StateLaw.objects.get(state__postal="KS", topic="detainer_holds")
    block = re.search(rf'<div class="state-law state-law-low" id="state-law-{low.pk}">.*?</div>', html, re.S)
    assert block
    assert "Low confidence: check the sources" in block.group(0)
    assert "Checked on Dec. 4, 2026" in block.group(0)
    assert low.source_url in block.group(0)


def test_a_state_with_no_law_says_so_with_the_date_checked(client):
    page = text(client.get("/states/ak/").text)
    assert "No state law found" in page
    assert "We found no Alaska state law" in page
    assert "Checked on Dec. 4, 2026" in page
    assert "Unknown — we have no source yet" not in page.split("Public-records law")[0]
    assert "Comprobado el 4 de diciembre de 2026" in text(client.get("/es/states/ak/").text)


def test_ended_laws_stay_on_the_state_page(client):
    page = text(client.get("/states/fl/").text)
    assert "1 law blocked or ended" in page
    assert "blocked or ended April 4, 2025" in page


def test_national_state_law_page(client, django_assert_max_num_queries):
    # the laws, the states
    with django_assert_max_num_queries(2):
        response = client.get("/state-laws/")
    html = response.text
    assert response.status_code == 200
    assert html.count('<a href="/states/') >= 51 * 2  # each state on the map and in the table
    assert re.search(
        r'<a href="/states/fl/"><title>Florida: Required by state law</title><path class="p-required"', html
    )
    assert re.search(
        r'<a href="/states/ca/"><title>California: Prohibited by state law</title><path class="p-prohibited"',
        html,
    )
    detainers = client.get("/state-laws/", {"view": "detainers"}).text
    assert "State law on holding people for ICE (detainers)" in detainers
    assert re.search(r"<title>New York: Prohibited by state law</title>", detainers)
    assert client.get("/state-laws/", {"view": "nonsense"}).status_code == 200
    spanish = client.get("/es/state-laws/").text
    assert "Leyes estatales sobre la colaboración con ICE" in spanish
    # The home page's national map leads to it.
    assert 'href="/state-laws/"' in client.get("/").text
    assert 'href="/es/state-laws/"' in client.get("/es/").text


def test_a_territory_gets_no_posture_line_only_unknown():
    html = render_state_policies(factories.state("PR"))
    assert "state-law-posture" not in html
    assert "no state law in force is on file" in html


def test_a_zip_code_spanning_several_counties_shows_its_state_law(client):
    from django.db.models import Count

    from jurisdictions.models import ZipCode

    code = (
        ZipCode.objects.filter(state__postal="TX")
        .annotate(n=Count("county_shares"))
        .filter(n__gt=1)
        .values_list("code", flat=True)
        .first()
    )
    if code is None:
        pytest.skip("no Texas ZIP code spans several counties in this reference data")
    page = text(client.get("/search/", {"q": code}).text)
    assert "Pick yours" in page
    assert "287(g) agreements: required for sheriffs since Jan. 1, 2026" in page
