"""The pure deadline engine: named real cases, then properties that must hold for any date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from records_requests.deadlines import (
    LawTerms,
    Pause,
    add_days,
    compute_deadline,
    is_business_day,
)

NV = LawTerms(state="NV", unit="business_days", days=5)
AZ = LawTerms(state="AZ", unit="none", days=None)
CA = LawTerms(state="CA", unit="calendar_days", days=10)
NY = LawTerms(
    state="NY",
    unit="business_days",
    days=5,
    followon_days=20,
    followon_unit="business_days",
    followon_from="acknowledgment",
)


def test_nevada_friday_before_thanksgiving_is_due_tuesday_december_1() -> None:
    deadline = compute_deadline(NV, date(2026, 11, 20))
    assert deadline.due == date(2026, 12, 1)
    names = {d.date: d.name for d in deadline.skipped}
    assert names[date(2026, 11, 26)] == "Thanksgiving Day"
    assert names[date(2026, 11, 27)] == "Family Day"
    assert names[date(2026, 11, 21)] == "Saturday"


def test_day_after_thanksgiving_is_a_business_day_in_arizona_not_nevada() -> None:
    assert not is_business_day(date(2026, 11, 27), "NV")
    assert is_business_day(date(2026, 11, 27), "AZ")


def test_arizona_has_no_due_date_and_says_why() -> None:
    deadline = compute_deadline(AZ, date(2026, 11, 20), today=date(2026, 12, 20))
    assert deadline.due is None
    assert not deadline.has_deadline
    assert "reasonable time" in deadline.reason
    assert deadline.days_elapsed(date(2026, 12, 20)) == 30
    assert not deadline.is_overdue(date(2030, 1, 1))
    # Counted from receipt, not from "today" (which used to make the follow-up date drift daily).
    assert deadline.suggested_follow_up == date(2026, 12, 7)
    assert "ever overdue" not in deadline.reason


def test_no_deadline_follow_up_is_ten_business_days_out() -> None:
    deadline = compute_deadline(AZ, date(2026, 11, 20))
    assert deadline.suggested_follow_up == date(2026, 12, 7)


def test_receipt_day_is_not_counted() -> None:
    # Received Monday: day 1 is Tuesday, day 5 is the next Monday.
    assert compute_deadline(NV, date(2026, 3, 2)).due == date(2026, 3, 9)


def test_calendar_days_do_not_roll_off_a_weekend_by_default() -> None:
    # 2026-03-04 + 10 calendar days = Saturday 2026-03-14.
    assert compute_deadline(CA, date(2026, 3, 4)).due == date(2026, 3, 14)


def test_calendar_days_roll_to_monday_when_the_law_says_so() -> None:
    rolls = LawTerms(state="CA", unit="calendar_days", days=10, last_day="next_business_day")
    deadline = compute_deadline(rolls, date(2026, 3, 4))
    assert deadline.due == date(2026, 3, 16)
    assert [d.name for d in deadline.skipped] == ["Saturday", "Sunday"]


def test_new_york_second_clock_runs_from_the_actual_acknowledgment() -> None:
    deadline = compute_deadline(NY, date(2026, 3, 2), acknowledged=date(2026, 3, 4))
    assert deadline.first is not None and deadline.first.due == date(2026, 3, 9)
    assert deadline.second is not None and not deadline.second.projected
    # 20 business days after Wednesday 2026-03-04.
    assert deadline.second.due == date(2026, 4, 1)
    assert deadline.due == date(2026, 4, 1)


def test_new_york_second_clock_is_projected_until_acknowledged() -> None:
    deadline = compute_deadline(NY, date(2026, 3, 2))
    assert deadline.second is not None and deadline.second.projected
    assert deadline.second.counts_from == date(2026, 3, 9)
    assert deadline.due == date(2026, 3, 9)


def test_extension_to_a_later_date_moves_the_due_date() -> None:
    deadline = compute_deadline(NV, date(2026, 3, 2), extended_to=date(2026, 4, 10))
    assert deadline.due == date(2026, 4, 10)


def test_extension_to_an_earlier_date_is_ignored() -> None:
    deadline = compute_deadline(NV, date(2026, 3, 2), extended_to=date(2026, 3, 3))
    assert deadline.due == date(2026, 3, 9)


def test_a_closed_pause_shifts_the_clock_by_its_business_days() -> None:
    # Clarification asked Tuesday 3-3 (day 1 counted), answered Friday 3-6: 3-4..3-6 not counted.
    deadline = compute_deadline(NV, date(2026, 3, 2), pauses=[Pause(date(2026, 3, 3), date(2026, 3, 6))])
    assert deadline.due == date(2026, 3, 12)


def test_an_open_pause_leaves_no_due_date_and_is_never_overdue() -> None:
    deadline = compute_deadline(NV, date(2026, 3, 2), pauses=[Pause(date(2026, 3, 3))])
    assert deadline.paused
    assert deadline.due is None
    assert not deadline.is_overdue(date(2027, 1, 1))


def test_overdue_only_after_the_due_date() -> None:
    deadline = compute_deadline(NV, date(2026, 11, 20))
    assert not deadline.is_overdue(date(2026, 12, 1))
    assert deadline.is_overdue(date(2026, 12, 2))


def test_absurd_day_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        add_days(date(2026, 1, 1), 100_000, "business_days", "NV")
    with pytest.raises(ValueError):
        add_days(date(2026, 1, 1), 5, "fortnights", "NV")


states = st.sampled_from(["NV", "NY", "TX", "AK", "DC", "MA", "KS"])
days_ = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
counts = st.integers(min_value=0, max_value=40)


@given(state=states, received=days_, n=st.integers(min_value=1, max_value=40))
def test_business_day_due_dates_never_fall_on_a_weekend_or_holiday(
    state: str, received: date, n: int
) -> None:
    due = compute_deadline(LawTerms(state=state, unit="business_days", days=n), received).due
    assert due is not None
    assert is_business_day(due, state)
    assert due > received


@given(state=states, received=days_, n=counts, unit=st.sampled_from(["business_days", "calendar_days"]))
def test_due_date_is_monotonic_in_the_received_date(state: str, received: date, n: int, unit: str) -> None:
    terms = LawTerms(state=state, unit=unit, days=n)
    earlier = compute_deadline(terms, received).due
    later = compute_deadline(terms, received + timedelta(days=1)).due
    assert earlier is not None and later is not None
    assert later >= earlier


@given(
    state=states,
    received=days_,
    n=counts,
    unit=st.sampled_from(["business_days", "calendar_days"]),
    offset=st.integers(min_value=0, max_value=30),
    length=st.integers(min_value=0, max_value=30),
    extension=st.none() | st.integers(min_value=0, max_value=60),
)
def test_pausing_never_makes_the_due_date_earlier(
    state: str, received: date, n: int, unit: str, offset: int, length: int, extension: int | None
) -> None:
    terms = LawTerms(state=state, unit=unit, days=n)
    extended_to = received + timedelta(days=extension) if extension is not None else None
    start = received + timedelta(days=offset)
    plain = compute_deadline(terms, received, extended_to=extended_to).due
    paused = compute_deadline(
        terms, received, extended_to=extended_to, pauses=[Pause(start, start + timedelta(days=length))]
    ).due
    assert plain is not None and paused is not None
    assert paused >= plain


def test_statutory_extension_counts_from_the_law_s_deadline_not_the_agency_s() -> None:
    ca = LawTerms(
        state="CA",
        unit="calendar_days",
        days=10,
        last_day="next_business_day",
        extension_days=14,
        extension_unit="calendar_days",
    )
    moved = compute_deadline(ca, date(2025, 11, 24), extended_to=date(2026, 2, 1))
    assert moved.due == date(2026, 2, 1)  # the date the agency gave
    assert moved.extension_due == date(2025, 12, 18)
