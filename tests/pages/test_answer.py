"""The answer on one screen (pages.answer): the pure builder, and the county, ZIP and agency pages with
ICE's developers' lists imported."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import translation

from jurisdictions.models import Agency, AgencyKind, State
from pages.answer import build_answer
from tests.jurisdictions import factories

TODAY = dt.date(2026, 12, 5)
LIST_DATE = dt.date(2025, 7, 9)


def _agency(name: str, kind: str, models: list[str] | None = None, pending: int = 0, pk: int = 0) -> Agency:
    agency = Agency(pk=pk or abs(hash(name)) % 10_000, name=name, kind=kind)
    agency.models_in_force = models or []  # type: ignore[attr-defined]
    agency.pending_agreements = pending  # type: ignore[attr-defined]
    return agency


def test_local_agencies_first_with_the_towns_police_ahead_of_the_sheriff():
    sheriff = _agency("Clark County Sheriff", AgencyKind.SHERIFF)
    town = _agency("Mesquite Police Department", AgencyKind.MUNICIPAL_POLICE)
    answer = build_answer(
        place="Clark County, Nevada",
        local_agencies=[sheriff, town],
        list_date=LIST_DATE,
        today=TODAY,
        town="Mesquite",
    )
    assert [a.agency.name for a in answer.local] == ["Mesquite Police Department", "Clark County Sheriff"]


def test_statewide_agencies_are_their_own_group_and_only_when_listed():
    patrol = _agency("Texas Highway Patrol", AgencyKind.STATE_POLICE, models=["TFM"])
    quiet = _agency("Texas Parks Police", AgencyKind.STATE_AGENCY)
    sheriff = _agency("Harris County Sheriff's Office", AgencyKind.SHERIFF)
    answer = build_answer(
        place="Harris County, Texas",
        local_agencies=[sheriff],
        statewide_agencies=[patrol, quiet],
        list_date=LIST_DATE,
        today=TODAY,
    )
    assert [a.agency.name for a in answer.local] == ["Harris County Sheriff's Office"]
    assert [a.agency.name for a in answer.statewide] == ["Texas Highway Patrol"]
    assert not answer.local_in_287g and answer.any_in_287g


def test_many_town_police_name_only_the_listed_ones():
    towns = [_agency(f"Town {n} Police Department", AgencyKind.MUNICIPAL_POLICE, pk=n + 1) for n in range(8)]
    towns[3].models_in_force = ["TFM"]  # type: ignore[attr-defined]
    answer = build_answer(place="Big County", local_agencies=towns, list_date=LIST_DATE, today=TODAY)
    assert [a.agency.name for a in answer.local] == ["Town 3 Police Department"]
    assert answer.more_local == 7


def test_an_agreement_in_force_has_its_model_explained():
    sheriff = _agency("Polk County Sheriff's Office", AgencyKind.SHERIFF, models=["JEM", "WSO"])
    answer = build_answer(place="Polk", local_agencies=[sheriff], list_date=LIST_DATE, today=TODAY)
    assert answer.local[0].in_287g and answer.local[0].runs_jail
    assert answer.local[0].model_links == [
        ("Jail Enforcement Model", "jail-enforcement-model"),
        ("Warrant Service Officer", "warrant-service-officer"),
    ]


@pytest.fixture
def ice_lists(db, shared_data):
    """ICE's developers' lists of July 9, 2025 (participating and pending), imported."""
    sheets = shared_data / "ice-287g-sheets"
    if not sheets.is_dir():
        pytest.skip("the ICE sheets are not beside the project")
    for name in ("participatingAgencies07092025am.xlsx", "pendingAgencies07092025am.xlsx"):
        call_command("import_ice_sheets", str(sheets / name), verbosity=0)


def test_zip_94110_names_sfpd_and_the_sheriff_and_dates_the_answer(client, ice_lists):
    response = client.get("/search/", {"q": "94110"}, follow=True)
    answer = response.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert "ZIP code 94110 is in San Francisco" in answer
    assert "San Francisco Police Department" in answer
    assert "Sheriff" in answer
    assert "no 287(g) agreement on" in answer
    assert "July 9, 2025" in answer


def test_zip_94110_in_spanish_dates_the_answer_in_spanish(client, ice_lists):
    response = client.get("/es/search/", {"q": "94110"}, follow=True)
    assert "9 de julio de 2025" in response.text
    translation.activate("en")


def test_an_active_agreement_never_reads_as_ended_or_unknown(client, ice_lists):
    from agreements.models import Agreement

    agreement = Agreement.objects.filter(status="active").select_related("agency").first()
    assert agreement is not None
    response = client.get(agreement.agency.get_absolute_url())
    answer = response.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert "takes part in 287(g)" in answer
    assert "ICE’s latest list (July 9, 2025)" in answer
    stance = response.text.split('id="policy-program_287g_stance"')[1].split("</article>")[0]
    assert "Unknown" not in stance
    assert "to July 9, 2025" not in response.text


def test_a_county_without_agencies_of_its_own_in_287g_says_so(client, ice_lists):
    response = client.get("/states/ca/san-francisco-county/")
    assert "No local agency here has a 287(g) agreement with ICE" in response.text


def test_statewide_agencies_are_labelled_and_after_the_local_ones(client, ice_lists):
    patrol = factories.agency(
        "Statewide Test Patrol", county_fips=None, kind="state_police", state=State.objects.get(postal="TX")
    )
    from agreements.models import Agreement

    Agreement.objects.create(agency=patrol, model="TFM", status="active")
    response = client.get("/states/tx/harris-county/")
    answer = response.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert answer.index("Harris County Sheriff") < answer.index("Statewide agencies of Texas in 287(g)")
    assert answer.index("Statewide agencies of Texas in 287(g)") < answer.index("Statewide Test Patrol")


def test_the_answer_in_spanish(client, ice_lists):
    response = client.get("/es/states/ca/san-francisco-county/", {"zip": "94110"})
    answer = response.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert "El código postal 94110 está en San Francisco" in answer
    assert "sin acuerdo 287(g) en" in answer
    assert "9 de julio de 2025" in answer
    translation.activate("en")


@pytest.mark.parametrize(
    "path",
    [
        "/learn/287g/",
        "/learn/jail-enforcement-model/",
        "/learn/task-force-model/",
        "/learn/warrant-service-officer/",
        "/learn/detainers/",
        "/learn/glossary/",
        "/learn/methodology/",
        "/es/learn/287g/",
        "/es/learn/methodology/",
    ],
)
def test_explainers_answer(client, db, path):
    assert client.get(path).status_code == 200
    translation.activate("en")


def test_an_unknown_explainer_is_404(client, db):
    assert client.get("/learn/nothing/").status_code == 404


def test_the_methodology_dates_ices_latest_list(client, ice_lists):
    assert "July 9, 2025" in client.get("/learn/methodology/").text


def test_model_names_link_to_their_explainer(client, ice_lists):
    from agreements.models import Agreement

    agreement = Agreement.objects.filter(status="active", model="JEM").select_related("agency").first()
    assert agreement is not None
    response = client.get(agreement.agency.get_absolute_url())
    assert 'href="/learn/jail-enforcement-model/"' in response.text


def test_a_town_from_the_search_puts_its_police_first(client, db):
    response = client.get("/states/nv/clark-county/", {"town": "Henderson"})
    answer = response.text.split('id="answer-heading"')[1].split("</section>")[0]
    assert "Henderson is in Clark County, Nevada." in answer
    first = answer.split('class="answer-agency')[1].split("</li>")[0]
    assert "Henderson Police Department" in first


def test_a_town_not_in_the_county_is_ignored(client, db):
    response = client.get("/states/nv/clark-county/", {"town": "Reno"})
    assert "Reno is in" not in response.text
