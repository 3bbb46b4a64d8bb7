"""Deadline arithmetic for public-records laws. Pure: no database, no clock, no Django.

Choices this module makes, each one the common reading of the statutes compiled in `data/`:

- The day the agency receives the request is never counted; day 1 is the next day.
- Business days exclude Saturdays, Sundays and the state's own legal holidays from the `holidays`
  package (`subdiv=` the state's postal code), so Nevada's Family Day and Alaska's Seward's Day count.
  Office-specific closures (Alabama) and local holidays (Kansas) are not known and not skipped.
- A calendar-day deadline that lands on a closed day follows the state's own last-day statute
  (`LawTerms.last_day`): CA (Code Civ. Proc. § 12a), PA (1 Pa.C.S. § 1908) and others move it to the
  next business day; AL (§ 1-1-4) moves it past a Sunday or holiday only; where no such statute was
  found it stays. Business-day counts always end on a business day.
- A pause (clarification asked → answered, fee requested → paid) stops the clock from the day after it
  starts through the day it ends; counting resumes the next day. An open pause leaves no due date.
- An extension to a date replaces the due date when it is later; pauses shift it like any clock.
- A second clock (NY: 20 business days after the acknowledgment) counts from receipt, from the actual
  acknowledgment, or from the first deadline. Until an acknowledgment is logged it is projected from the
  first deadline, the latest lawful acknowledgment.
- A statutory extension (`extension_due`) is counted from the first deadline (or from receipt where
  the law says "N days after receipt"), in the law's unit, with the same last-day rule.
- Laws with no fixed deadline ("promptly", "reasonable time") give no due date; they get a suggested
  follow-up date counted from receipt (the span is in the law's data) and, where the statute makes
  silence a denial, that consequence.
- An acknowledgment logged after the first deadline is late (`acknowledged_late`): the second clock
  still counts from it, but the missed deadline stands (NY: a constructive denial).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

BUSINESS_DAYS = "business_days"
CALENDAR_DAYS = "calendar_days"
NO_DEADLINE = "none"
# Last-day rules for calendar-day clocks (see `RecordsLaw.last_day_rule`).
STAYS = "stays"
NEXT_BUSINESS_DAY = "next_business_day"
NEXT_DAY_NOT_SUNDAY_OR_HOLIDAY = "next_day_not_sunday_or_holiday"
FROM_DEADLINE = "deadline"
FROM_RECEIPT = "receipt"
FROM_ACKNOWLEDGMENT = "acknowledgment"
FROM_INITIAL_DEADLINE = "initial_deadline"
# For laws with no fixed deadline and no span of their own in the data: when to suggest a follow-up.
FOLLOW_UP_BUSINESS_DAYS = 10
# Beyond this many days the arithmetic is surely a typo (and `holidays` would build huge calendars).
MAX_SPAN_DAYS = 3660
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class LawTerms:
    """The parts of a records law that the arithmetic needs (see `RecordsLaw.terms()`)."""

    state: str
    unit: str
    days: int | None
    followon_days: int | None = None
    followon_unit: str = ""
    followon_from: str = ""
    last_day: str = STAYS
    extension_days: int | None = None
    extension_unit: str = ""
    extension_from: str = FROM_DEADLINE
    follow_up_days: int | None = None
    follow_up_unit: str = ""
    deemed_denial: bool = False

    @property
    def has_extension(self) -> bool:
        return bool(self.extension_days and self.extension_unit in (BUSINESS_DAYS, CALENDAR_DAYS))

    @property
    def has_deadline(self) -> bool:
        return self.unit != NO_DEADLINE and self.days is not None

    @property
    def has_second_clock(self) -> bool:
        return bool(self.followon_days and self.followon_unit in (BUSINESS_DAYS, CALENDAR_DAYS))


PAUSED = "Clock paused"


@dataclass(frozen=True)
class SkippedDay:
    date: date
    name: str

    @property
    def is_weekend(self) -> bool:
        return self.name in WEEKDAY_NAMES

    @property
    def is_pause(self) -> bool:
        return self.name == PAUSED


@dataclass(frozen=True)
class Pause:
    """The clock stops after `start` and resumes the day after `end` (None: still paused)."""

    start: date
    end: date | None = None


@dataclass(frozen=True)
class Clock:
    due: date | None
    days: int
    unit: str
    counts_from: date
    skipped: tuple[SkippedDay, ...] = ()
    projected: bool = False


@dataclass(frozen=True)
class Deadline:
    """The answer for one request. `due` is the clock that binds now (see `compute_deadline`)."""

    terms: LawTerms
    received: date
    first: Clock | None
    second: Clock | None = None
    extended_to: date | None = None
    paused: bool = False
    suggested_follow_up: date | None = None
    reason: str = ""
    acknowledged: date | None = None
    skipped: tuple[SkippedDay, ...] = field(default=())
    extension_due: date | None = None

    @property
    def acknowledged_late(self) -> bool:
        """The acknowledgment came after the first deadline had passed (NY: a constructive denial)."""
        first_due = self.first.due if self.first else None
        return self.acknowledged is not None and first_due is not None and self.acknowledged > first_due

    @property
    def deemed_denied_on(self) -> date | None:
        """The day silence becomes a denial, where the statute says so and sets a deadline. A late
        acknowledgment does not undo it: the first deadline was missed."""
        due = self.first.due if self.acknowledged_late and self.first else self.due
        if not self.terms.deemed_denial or due is None:
            return None
        return due + timedelta(days=1)

    @property
    def has_deadline(self) -> bool:
        return self.first is not None

    @property
    def due(self) -> date | None:
        """The first clock until the agency acknowledges, then the second clock where there is one."""
        if self.first is None:
            return None
        if self.second is not None and self.acknowledged is not None:
            return self.second.due
        return self.first.due

    def days_elapsed(self, today: date) -> int:
        return max((today - self.received).days, 0)

    def is_overdue(self, today: date) -> bool:
        due = self.due
        return due is not None and today > due


@lru_cache(maxsize=512)
def _holiday_calendar(state: str, year: int) -> dict[date, str]:
    try:
        calendar = holidays.country_holidays("US", subdiv=state or None, years=year)
    except NotImplementedError:
        calendar = holidays.country_holidays("US", years=year)
    return dict(calendar.items())


def holiday_name(day: date, state: str) -> str | None:
    """The state legal holiday on `day`, if any (federal holidays included)."""
    return _holiday_calendar(state, day.year).get(day)


def closed_reason(day: date, state: str) -> str | None:
    """Why `day` is not a business day in `state` (holiday name first), or None on a business day."""
    name = holiday_name(day, state)
    if name:
        return name
    if day.weekday() >= 5:
        return WEEKDAY_NAMES[day.weekday()]
    return None


def is_business_day(day: date, state: str) -> bool:
    return closed_reason(day, state) is None


def _in_pause(day: date, pauses: Sequence[Pause]) -> bool:
    return any(p.start < day and (p.end is None or day <= p.end) for p in pauses)


def add_days(
    start: date,
    days: int,
    unit: str,
    state: str,
    *,
    pauses: Sequence[Pause] = (),
    last_day: str = STAYS,
) -> tuple[date | None, tuple[SkippedDay, ...]]:
    """Count `days` after `start` (not counted), skipping closed days and paused days.

    Returns the due date (None while a pause is open across it) and the days not counted, named.
    """
    if unit not in (BUSINESS_DAYS, CALENDAR_DAYS):
        raise ValueError(f"cannot count days in unit {unit!r}")
    if days < 0 or days > MAX_SPAN_DAYS:
        raise ValueError(f"day count out of range: {days}")
    skipped: list[SkippedDay] = []
    day, counted = start, 0
    limit = start + timedelta(days=MAX_SPAN_DAYS * 2)
    while counted < days:
        day += timedelta(days=1)
        if day > limit:
            return None, tuple(skipped)
        if _in_pause(day, pauses):
            if any(p.end is None and p.start < day for p in pauses):
                return None, tuple(skipped)
            skipped.append(SkippedDay(day, PAUSED))
            continue
        reason = closed_reason(day, state) if unit == BUSINESS_DAYS else None
        if reason:
            skipped.append(SkippedDay(day, reason))
            continue
        counted += 1
    if unit == CALENDAR_DAYS and last_day != STAYS:
        while (reason := _closed_for_last_day(day, state, last_day)) is not None:
            skipped.append(SkippedDay(day, reason))
            day += timedelta(days=1)
    return day, tuple(skipped)


def _closed_for_last_day(day: date, state: str, last_day: str) -> str | None:
    if last_day == NEXT_DAY_NOT_SUNDAY_OR_HOLIDAY:
        return holiday_name(day, state) or (WEEKDAY_NAMES[6] if day.weekday() == 6 else None)
    return closed_reason(day, state)


def count_days(start: date, end: date, unit: str, state: str) -> int:
    """How many countable days lie after `start` up to and including `end`."""
    if end <= start:
        return 0
    total = (end - start).days
    if unit == CALENDAR_DAYS:
        return total
    return sum(1 for n in range(1, total + 1) if is_business_day(start + timedelta(days=n), state))


def _clock(
    start: date,
    days: int,
    unit: str,
    terms: LawTerms,
    pauses: Sequence[Pause],
    extended_to: date | None = None,
    projected: bool = False,
) -> Clock:
    due, skipped = add_days(start, days, unit, terms.state, pauses=pauses, last_day=terms.last_day)
    if extended_to is not None and due is not None and extended_to > due:
        # Turn the extension into a budget of countable days so that pauses shift it too.
        budget = count_days(start, extended_to, unit, terms.state)
        shifted, skipped = add_days(start, budget, unit, terms.state, pauses=pauses)
        due = max(extended_to, shifted) if shifted is not None else None
    return Clock(due=due, days=days, unit=unit, counts_from=start, skipped=skipped, projected=projected)


def compute_deadline(
    terms: LawTerms,
    received: date,
    *,
    acknowledged: date | None = None,
    extended_to: date | None = None,
    pauses: Iterable[Pause] = (),
    today: date | None = None,
) -> Deadline:
    """Due date(s) for a request the agency received on `received`.

    `extended_to` applies to the clock that binds once the request is acknowledged (the second clock
    where the law has one, else the first). `today` changes nothing: every date, the suggested
    follow-up included, is counted from receipt (the parameter stays for callers).
    """
    pause_list = tuple(sorted(pauses, key=lambda p: p.start))
    paused = any(p.end is None for p in pause_list)
    if not terms.has_deadline:
        follow_up, _ = add_days(
            received,
            terms.follow_up_days or FOLLOW_UP_BUSINESS_DAYS,
            terms.follow_up_unit or BUSINESS_DAYS,
            terms.state,
            pauses=pause_list,
            last_day=terms.last_day,
        )
        return Deadline(
            terms=terms,
            received=received,
            first=None,
            paused=paused,
            suggested_follow_up=follow_up,
            acknowledged=acknowledged,
            reason=(
                "This law sets no fixed number of days: agencies must respond promptly or within a "
                "reasonable time. The suggested follow-up date is counted from receipt."
            ),
        )
    assert terms.days is not None
    first_extension = None if terms.has_second_clock else extended_to
    first = _clock(received, terms.days, terms.unit, terms, pause_list, first_extension)
    # The law's extension counts from the statutory deadline, not from one the agency already moved.
    statutory_first = (
        first.due
        if first_extension is None
        else add_days(
            received, terms.days, terms.unit, terms.state, pauses=pause_list, last_day=terms.last_day
        )[0]
    )
    second = None
    if terms.has_second_clock:
        assert terms.followon_days is not None
        projected = False
        if terms.followon_from == FROM_RECEIPT:
            start: date | None = received
        elif terms.followon_from == FROM_ACKNOWLEDGMENT and acknowledged is not None:
            start = acknowledged
        else:
            start, projected = first.due, terms.followon_from == FROM_ACKNOWLEDGMENT
        if start is not None:
            second = _clock(
                start, terms.followon_days, terms.followon_unit, terms, pause_list, extended_to, projected
            )
    return Deadline(
        terms=terms,
        received=received,
        first=first,
        second=second,
        extended_to=extended_to,
        paused=paused,
        acknowledged=acknowledged,
        skipped=first.skipped,
        extension_due=statutory_extension(terms, received, statutory_first, pause_list),
    )


def statutory_extension(
    terms: LawTerms, received: date, first_due: date | None, pauses: Sequence[Pause] = ()
) -> date | None:
    """The latest date the law's own extension allows (None where it sets no fixed length)."""
    if not terms.has_extension or first_due is None:
        return None
    assert terms.extension_days is not None
    start = received if terms.extension_from == FROM_RECEIPT else first_due
    due, _ = add_days(
        start, terms.extension_days, terms.extension_unit, terms.state, pauses=pauses, last_day=terms.last_day
    )
    return due
