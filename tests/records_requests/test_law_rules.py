"""Each state's own rules, read from the loaded law data: last day on a closed day, statutory extensions,
follow-ups for laws with no deadline, deemed denial, appeal routes, sources. One table row per state."""

from datetime import date

import pytest

from records_requests.deadlines import compute_deadline
from records_requests.models import RecordsLaw

pytestmark = pytest.mark.django_db


def law(postal: str) -> RecordsLaw:
    return RecordsLaw.objects.select_related("state").get(state__postal=postal)


# (state, received, which clock, expected last day, citation that moves or keeps it).
LAST_DAY = [
    # Christmas Day (Thursday) → Friday.
    ("CA", date(2025, 12, 15), "first", date(2025, 12, 26), "Code Civ. Proc. §§ 12, 12a"),
    # New Year's Day (Thursday) → Friday.
    ("CA", date(2025, 12, 22), "first", date(2026, 1, 2), "Code Civ. Proc. §§ 12, 12a"),
    # Saturday 2026-03-14 → Monday.
    ("CA", date(2026, 3, 4), "first", date(2026, 3, 16), "Code Civ. Proc. §§ 12, 12a"),
    # Sunday 2025-12-14 → Monday; Christmas → Friday 26th.
    ("AL", date(2025, 12, 4), "first", date(2025, 12, 15), "Ala. Code § 1-1-4"),
    ("AL", date(2025, 12, 15), "first", date(2025, 12, 26), "Ala. Code § 1-1-4"),
    # Alabama moves only a Sunday or holiday: Saturday 2025-12-13 stays.
    ("AL", date(2025, 12, 3), "first", date(2025, 12, 13), "Ala. Code § 1-1-4"),
    # Indiana: no computation rule reaches IC 5-14-3; Saturday stays.
    ("IN", date(2025, 12, 6), "first", date(2025, 12, 13), "IC 5-14-3-9"),
    # New Mexico's 15 calendar days: Sunday 2025-12-14 → Monday.
    ("NM", date(2025, 11, 29), "second", date(2025, 12, 15), "NMSA 1978, § 12-2A-7(F)"),
    # Maryland's 30 days: no computation statute found; Sunday 2025-12-14 stays.
    ("MD", date(2025, 11, 14), "second", date(2025, 12, 14), "Gen. Prov. § 4-203"),
]


@pytest.mark.parametrize(("state", "received", "clock", "expected", "citation"), LAST_DAY)
def test_last_day_rule(state: str, received: date, clock: str, expected: date, citation: str) -> None:
    record = law(state)
    deadline = compute_deadline(record.terms(), received)
    counted = deadline.first if clock == "first" else deadline.second
    assert counted is not None and counted.due == expected
    assert citation in record.last_day_citation
    assert record.last_day_note


# (state, received, first deadline, latest extended date, days, unit, citation).
EXTENSIONS = [
    ("CA", date(2025, 11, 24), date(2025, 12, 4), date(2025, 12, 18), 14, "calendar_days", "§ 7922.535(b)"),
    ("IL", date(2025, 11, 24), date(2025, 12, 2), date(2025, 12, 9), 5, "business_days", "140/3(e)"),
    ("DC", date(2025, 11, 24), date(2025, 12, 16), date(2025, 12, 31), 10, "business_days", "§ 2-532(d)"),
    ("PA", date(2025, 11, 24), date(2025, 12, 3), date(2026, 1, 2), 30, "calendar_days", "§ 67.902(b)(2)"),
    # PA: day 30 is Saturday 2025-10-11; Sunday, then Columbus Day (a federal legal holiday) → Tuesday.
    ("PA", date(2025, 9, 4), date(2025, 9, 11), date(2025, 10, 14), 30, "calendar_days", "§ 67.902(b)(2)"),
    ("VT", date(2025, 11, 24), date(2025, 11, 28), date(2025, 12, 12), 10, "business_days", "§ 318(a)(5)"),
    ("AK", date(2025, 11, 24), date(2025, 12, 9), date(2025, 12, 23), 10, "business_days", "96.325(d)"),
    ("CO", date(2025, 11, 24), date(2025, 11, 28), date(2025, 12, 9), 7, "business_days", "24-72-203(3)(b)"),
    ("MI", date(2025, 11, 24), date(2025, 12, 3), date(2025, 12, 17), 10, "business_days", "15.235(2)(d)"),
    ("VA", date(2025, 11, 24), date(2025, 12, 3), date(2025, 12, 12), 7, "business_days", "2.2-3704(B)(4)"),
    # RI: 20 more business days skip Christmas and New Year's Day.
    ("RI", date(2025, 11, 24), date(2025, 12, 9), date(2026, 1, 8), 20, "business_days", "38-2-3(e)"),
    # Counted from receipt: ID "10 working days after receipt", MS "14 working days from receipt".
    ("ID", date(2025, 11, 24), date(2025, 11, 28), date(2025, 12, 9), 10, "business_days", "74-103(2)"),
    ("MS", date(2025, 11, 24), date(2025, 12, 4), date(2025, 12, 15), 14, "business_days", "25-61-5(1)"),
]


@pytest.mark.parametrize(("state", "received", "due", "extended", "days", "unit", "citation"), EXTENSIONS)
def test_statutory_extension(
    state: str, received: date, due: date, extended: date, days: int, unit: str, citation: str
) -> None:
    record = law(state)
    deadline = compute_deadline(record.terms(), received)
    assert deadline.first is not None and deadline.first.due == due
    assert deadline.extension_due == extended
    assert (record.extension_days, record.extension_unit) == (days, unit)
    assert citation in record.extension_citation


def test_every_calendar_day_clock_has_a_checked_last_day_rule() -> None:
    for record in RecordsLaw.objects.select_related("state"):
        units = {record.initial_unit, record.followon_unit, record.extension_unit}
        if "calendar_days" in units:
            assert record.last_day_citation, record.state.postal
            assert record.last_day_note, record.state.postal


def test_laws_without_a_deadline_follow_up_from_receipt_with_their_rule() -> None:
    no_deadline = RecordsLaw.objects.select_related("state").filter(initial_unit="none")
    assert no_deadline.count() == 10
    for record in no_deadline:
        deadline = compute_deadline(record.terms(), date(2025, 11, 24), today=date(2026, 6, 1))
        assert deadline.due is None
        assert deadline.suggested_follow_up is not None
        assert date(2025, 11, 25) < deadline.suggested_follow_up < date(2025, 12, 31), record.state.postal
        assert record.follow_up_days and record.follow_up_rule
        assert "overdue" not in deadline.reason


def test_arizona_silence_is_a_denial_with_its_citation() -> None:
    record = law("AZ")
    deadline = compute_deadline(record.terms(), date(2025, 11, 24))
    assert deadline.suggested_follow_up == date(2025, 12, 9)
    assert "39-121.01(E)" in record.deemed_denial_citation
    # The statute gives no date, so none is invented.
    assert deadline.deemed_denied_on is None


def test_deemed_denial_is_the_day_after_the_deadline_where_the_statute_says_so() -> None:
    assert compute_deadline(law("PA").terms(), date(2025, 11, 24)).deemed_denied_on == date(2025, 12, 4)
    assert compute_deadline(law("CA").terms(), date(2025, 11, 24)).deemed_denied_on is None


def test_new_york_late_acknowledgment_is_flagged() -> None:
    terms = law("NY").terms()
    on_time = compute_deadline(terms, date(2026, 3, 2), acknowledged=date(2026, 3, 9))
    late = compute_deadline(terms, date(2026, 3, 2), acknowledged=date(2026, 3, 12))
    assert not on_time.acknowledged_late
    assert late.acknowledged_late
    assert late.first is not None and late.first.due == date(2026, 3, 9)


def test_every_law_records_its_appeal_route() -> None:
    for record in RecordsLaw.objects.select_related("state"):
        assert record.appeal_steps, record.state.postal
        for step in record.appeal_steps:
            assert step["kind"] in {"administrative", "review", "court"}
            assert step["who"] and step["by_when"] and step["citation"], record.state.postal
        assert record.appeal_steps[-1]["kind"] == "court", record.state.postal


def test_secondary_only_rows_are_lowered_and_cite_the_statute_first() -> None:
    texas = law("TX")  # the CSV cited only lexace.ai and instalawyer.io
    assert texas.confidence == "medium"
    assert texas.source_urls[0].startswith("https://statutes.capitol.texas.gov/")
    assert "secondary" in texas.caveats
    assert law("ND").confidence == "medium"
    # Vermont's extension length was noted "from memory": lowered and said.
    vermont = law("VT")
    assert vermont.confidence == "medium" and "not confirmed" in vermont.caveats
    assert law("CA").confidence == "high"
