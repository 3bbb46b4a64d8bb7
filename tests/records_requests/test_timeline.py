"""Status and due date derived from an event log, without a database."""

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from records_requests.deadlines import LawTerms
from records_requests.timeline import RequestEventKind, RequestStatus, derive

NV = LawTerms(state="NV", unit="business_days", days=5)
NY = LawTerms(
    state="NY",
    unit="business_days",
    days=5,
    followon_days=20,
    followon_unit="business_days",
    followon_from="acknowledgment",
)


@dataclass
class E:
    kind: str
    date: dt.date
    extended_to: dt.date | None = None


def test_no_events_is_a_draft_without_due_date() -> None:
    derived = derive([], NV)
    assert derived.status == RequestStatus.DRAFT
    assert derived.due is None


def test_sent_starts_the_clock() -> None:
    derived = derive([E("sent", date(2026, 11, 20))], NV)
    assert derived.status == RequestStatus.SENT
    assert derived.due == date(2026, 12, 1)


def test_receipt_date_wins_over_sent_date() -> None:
    derived = derive([E("sent", date(2026, 11, 19)), E("received", date(2026, 11, 20))], NV)
    assert derived.received == date(2026, 11, 20)
    assert derived.due == date(2026, 12, 1)


def test_extension_moves_the_due_date() -> None:
    log = [E("sent", date(2026, 3, 2)), E("extension", date(2026, 3, 6), date(2026, 4, 6))]
    derived = derive(log, NV)
    assert derived.status == RequestStatus.EXTENDED
    assert derived.due == date(2026, 4, 6)


def test_open_clarification_pauses_and_answer_resumes() -> None:
    asked = [E("sent", date(2026, 3, 2)), E("clarification_asked", date(2026, 3, 3))]
    assert derive(asked, NV).status == RequestStatus.AWAITING_CLARIFICATION
    assert derive(asked, NV).due is None
    answered = [*asked, E("clarification_answered", date(2026, 3, 6))]
    derived = derive(answered, NV)
    assert derived.status == RequestStatus.SENT
    assert derived.due == date(2026, 3, 12)


def test_fee_pause_resumes_on_payment() -> None:
    log = [E("sent", date(2026, 3, 2)), E("fee_requested", date(2026, 3, 3)), E("fee_paid", date(2026, 3, 6))]
    assert derive(log, NV).due == date(2026, 3, 12)


def test_release_closes_the_request() -> None:
    derived = derive([E("sent", date(2026, 3, 2)), E("released", date(2026, 3, 5))], NV)
    assert derived.status == RequestStatus.RELEASED
    assert not derived.is_open
    assert derived.due is None
    assert not derived.is_overdue(date(2027, 1, 1))


def test_appeal_reopens_without_a_statutory_clock() -> None:
    log = [E("sent", date(2026, 3, 2)), E("denied", date(2026, 3, 5)), E("appeal_filed", date(2026, 3, 9))]
    derived = derive(log, NV)
    assert derived.status == RequestStatus.APPEALED
    assert derived.is_open
    assert derived.due is None


def test_new_york_acknowledgment_switches_to_the_second_clock() -> None:
    sent = [E("sent", date(2026, 3, 2))]
    assert derive(sent, NY).due == date(2026, 3, 9)
    acked = [*sent, E("acknowledged", date(2026, 3, 4))]
    assert derive(acked, NY).due == date(2026, 4, 1)


def test_notes_change_nothing() -> None:
    log = [E("sent", date(2026, 11, 20)), E("note", date(2026, 11, 23))]
    assert derive(log, NV).status == RequestStatus.SENT


def test_overdue_the_day_after_due() -> None:
    derived = derive([E("sent", date(2026, 11, 20))], NV)
    assert not derived.is_overdue(date(2026, 12, 1))
    assert derived.is_overdue(date(2026, 12, 2))


def test_no_law_means_no_due_date() -> None:
    assert derive([E("sent", date(2026, 11, 20))], None).due is None


log_days = st.integers(min_value=0, max_value=60)
kinds = st.sampled_from([k.value for k in RequestEventKind])


@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    offsets=st.lists(st.tuples(kinds, log_days, log_days), max_size=8),
)
def test_any_log_derives_without_error_and_notes_change_nothing(
    start: date, offsets: list[tuple[str, int, int]]
) -> None:
    log = [E("sent", start)] + [
        E(
            kind,
            start + timedelta(days=at),
            start + timedelta(days=at + extra) if kind == "extension" else None,
        )
        for kind, at, extra in sorted(offsets, key=lambda o: o[1])
    ]
    derived = derive(log, NY)
    with_note = derive([*log, E("note", start + timedelta(days=61))], NY)
    assert (with_note.status, with_note.due) == (derived.status, derived.due)
    if derived.due is not None:
        assert derived.due > start
    if not derived.is_open:
        assert derived.due is None


@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    at=log_days,
    extra=st.integers(min_value=-30, max_value=60),
)
def test_an_extension_never_makes_the_due_date_earlier(start: date, at: int, extra: int) -> None:
    sent = [E("sent", start)]
    extension = E("extension", start + timedelta(days=at), start + timedelta(days=at + extra))
    before, after = derive(sent, NV).due, derive([*sent, extension], NV).due
    assert before is not None and after is not None
    assert after >= before
