"""In force on a date, which laws bind which kind of agency, and a state's posture."""

import datetime as dt

import pytest

from jurisdictions.models import AgencyKind
from policies.models import StateLaw, agency_kinds_bound
from policies.state_law_answers import Posture, state_postures
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def texas_287g() -> StateLaw:
    return StateLaw.objects.get(state__postal="TX", topic="287g_agreements")


def test_texas_sb8_is_in_force_from_2026_only():
    sb8 = texas_287g()
    assert sb8.effective == dt.date(2026, 1, 1)
    assert not StateLaw.objects.in_force_on(dt.date(2025, 6, 1)).filter(pk=sb8.pk).exists()
    assert not StateLaw.objects.in_force_on(dt.date(2025, 12, 31)).filter(pk=sb8.pk).exists()
    assert StateLaw.objects.in_force_on(dt.date(2026, 1, 1)).filter(pk=sb8.pk).exists()
    assert not sb8.is_in_force_on(dt.date(2025, 6, 1)) and sb8.is_in_force_on(dt.date(2026, 1, 1))


def test_a_year_only_date_counts_from_january_first():
    florida = StateLaw.objects.get(state__postal="FL", topic="287g_agreements")
    assert (florida.effective, florida.effective_precision, florida.effective_display()) == (
        dt.date(2022, 1, 1),
        "year",
        "2022",
    )
    assert StateLaw.objects.in_force_on(dt.date(2022, 1, 1)).filter(pk=florida.pk).exists()
    assert not StateLaw.objects.in_force_on(dt.date(2021, 12, 31)).filter(pk=florida.pk).exists()


def test_an_ended_law_is_out_of_force_from_its_end_date_and_blocked_before_start_never_was():
    florida_crime = StateLaw.objects.get(state__postal="FL", topic="state_immigration_crime")
    assert florida_crime.ended == dt.date(2025, 4, 4)
    in_force = StateLaw.objects.in_force_on
    assert in_force(dt.date(2025, 4, 3)).filter(pk=florida_crime.pk).exists()
    assert not in_force(dt.date(2025, 4, 4)).filter(pk=florida_crime.pk).exists()
    iowa = StateLaw.objects.get(state__postal="IA", topic="state_immigration_crime")
    assert iowa.ended is not None and iowa.effective is not None
    assert iowa.ended < iowa.effective
    assert not any(
        iowa.is_in_force_on(dt.date(2024, 1, 1) + dt.timedelta(days=n)) for n in range(0, 1200, 30)
    )


def test_none_found_rows_are_never_in_force():
    assert not StateLaw.objects.in_force_on(dt.date(2026, 12, 4)).filter(topic="none_found").exists()
    assert StateLaw.objects.get(state__postal="AK").is_none_found


@pytest.mark.parametrize(
    ("applies_to", "kind", "binds"),
    [
        ("sheriffs", "sheriff", True),
        ("sheriffs", "municipal_police", False),
        ("jails", "corrections", True),
        ("jails", "sheriff", True),
        ("jails", "municipal_police", False),
        ("all_local_law_enforcement", "municipal_police", True),
        ("all_local_law_enforcement", "county_police", True),
        ("all_local_law_enforcement", "tribal", False),
        ("all_local_law_enforcement", "state_agency", False),
        ("state_agencies", "state_police", True),
        ("state_agencies", "sheriff", False),
        ("all", "tribal", True),
        ("all", "a_kind_added_later", True),
        ("sheriffs", "a_kind_added_later", False),
    ],
)
def test_which_agency_kinds_a_law_binds(applies_to, kind, binds):
    kinds = agency_kinds_bound(applies_to)
    assert (kinds is None or kind in kinds) is binds


def test_for_agency_keeps_the_laws_that_bind_its_kind():
    sheriff = factories.agency(county_fips="48201", kind=AgencyKind.SHERIFF)
    police = factories.agency(county_fips="48201", kind=AgencyKind.MUNICIPAL_POLICE)
    sheriff_topics = set(StateLaw.objects.for_agency(sheriff).values_list("topic", flat=True))
    police_topics = set(StateLaw.objects.for_agency(police).values_list("topic", flat=True))
    assert "287g_agreements" in sheriff_topics  # SB 8 binds sheriffs
    assert "287g_agreements" not in police_topics
    assert "anti_sanctuary_general" in police_topics  # SB 4 (2017) binds every government
    assert StateLaw.objects.for_state(sheriff.state).filter(state__postal="TX").count() == 4


def postures(postal: str, day: dt.date = dt.date(2026, 12, 4)) -> dict[str, str]:
    laws = list(StateLaw.objects.for_state(factories.state(postal)))
    return {p.topic: p.posture for p in state_postures(laws, day)}


def test_postures_of_the_states_the_issue_names():
    assert postures("CA") == {"287g_agreements": Posture.PROHIBITED, "detainer_holds": Posture.PROHIBITED}
    assert postures("FL") == {"287g_agreements": Posture.REQUIRED, "detainer_holds": Posture.REQUIRED}
    assert postures("TX")["287g_agreements"] == Posture.REQUIRED
    assert postures("TX", dt.date(2025, 6, 1))["287g_agreements"] == Posture.NEITHER
    assert postures("MD")["287g_agreements"] == Posture.PROHIBITED
    assert postures("NY")["detainer_holds"] == Posture.PROHIBITED
    assert postures("AK") == {"287g_agreements": Posture.NEITHER, "detainer_holds": Posture.NEITHER}
    # Virginia: state agencies barred, local agencies only conditioned: local laws decide.
    assert postures("VA")["287g_agreements"] == Posture.LIMITED


def test_the_posture_sentence():
    laws = list(StateLaw.objects.for_state(factories.state("FL")))
    first, second = state_postures(laws, dt.date(2026, 12, 4))
    assert first.sentence() == "287(g) agreements: required for sheriffs since 2022"
    assert second.sentence() == "detainer holds: required for jails since July 1, 2019"
