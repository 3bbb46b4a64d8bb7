"""The daily sweep: owe one reminder per newly overdue or soon-due request, and queue one email per requester.

Set-based: a fixed number of SQL statements whatever the number of requests (no Python loop over rows).
Whether a request is overdue is not stored (`RecordsRequest.is_overdue` compares `due_on` with today), so
the sweep writes no request row: it inserts `RequestReminder` rows, each request once per overdue period
(kind, due date: an extension opens a new period). Sweeps take one advisory lock, so two never insert the
same reminder; the table's unique key stays as the last guard. The emails themselves: `reminders.py`.

Why no flag column: at 1,000,000 open requests a first sweep after an outage flags ~780,000 at once, and
updating a wide row with five indexes cost 11-15 s of the sweep's 22 s on the benchmark machine (each row
rewritten with its index entries and WAL); the reminder rows alone are ~3 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jurisdictions.models import State
from records_requests.deadlines import BUSINESS_DAYS, add_days
from records_requests.models import RecordsRequest, RequestReminder
from records_requests.timeline import CLOCK_RUNNING

DEFAULT_REMINDER_DAYS = 2


@dataclass
class SweepResult:
    flagged: int = 0  # requests newly overdue: each owed its overdue reminder
    reminders: int = 0
    requesters: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"flagged {self.flagged} overdue, {self.reminders} reminders, "
            f"{len(self.requesters)} reminder emails queued"
        )


def _tables() -> dict[str, str]:
    return {
        "request": RecordsRequest._meta.db_table,
        "reminder": RequestReminder._meta.db_table,
        "agency": RecordsRequest._meta.get_field("agency").related_model._meta.db_table,  # type: ignore[union-attr]
    }


# pg_advisory_xact_lock's first key for the sweep (reminders.py uses 2870 for its senders).
SWEEP_LOCK = (2871, 0)

# Newly overdue: on the clock, past due, and not yet reminded for this due date. A plain INSERT after the
# anti-join (the lock above keeps sweeps apart): ON CONFLICT's speculative insertion cost 2.5 s more at
# 780,000 rows. ORDER BY makes the whole anti-join run before the first row is written, whatever plan the
# statistics pick (a nested loop re-reading the table it fills ran for minutes on a freshly emptied
# one), and feeds the unique index in key order.
OVERDUE_SQL = """
INSERT INTO {reminder} (request_id, kind, due_on, created_at)
SELECT r.id, 'overdue', r.due_on, now()
FROM {request} r
WHERE r.status = ANY(%(running)s) AND r.due_on < %(today)s
  AND NOT EXISTS (
      SELECT 1 FROM {reminder} o WHERE o.request_id = r.id AND o.kind = 'overdue' AND o.due_on = r.due_on
  )
ORDER BY r.id
"""

REMIND_SQL = """
INSERT INTO {reminder} (request_id, kind, due_on, created_at)
SELECT r.id, 'reminder', r.due_on, now()
FROM {request} r
JOIN {agency} a ON a.id = r.agency_id
JOIN unnest(%(state_ids)s::bigint[], %(horizons)s::date[]) AS h(state_id, horizon) ON h.state_id = a.state_id
WHERE r.status = ANY(%(running)s)
  AND r.due_on >= %(today)s AND r.due_on <= %(last_horizon)s AND r.due_on <= h.horizon
  AND NOT EXISTS (
      SELECT 1 FROM {reminder} o WHERE o.request_id = r.id AND o.kind = 'reminder' AND o.due_on = r.due_on
  )
ORDER BY r.id
"""


def reminder_horizons(today: date, days: int) -> dict[int, date]:
    """For each state id, the last due date that is at most `days` business days away (one query)."""
    horizons = {}
    for state_id, postal in State.objects.values_list("id", "postal"):
        horizon, _skipped = add_days(today, days, BUSINESS_DAYS, postal)
        horizons[state_id] = horizon or today
    return horizons


def overdue_sweep(
    *,
    today: date | None = None,
    reminder_days: int | None = None,
    enqueue: Callable[[int], object] | None = None,
) -> SweepResult:
    """One pass: five statements whatever the volume, then one enqueue per requester after commit.

    `flagged` counts the requests newly overdue (reminded for the first time for their due date)."""
    today = today or timezone.localdate()
    if reminder_days is None:
        reminder_days = getattr(settings, "RECORDS_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    running = list(CLOCK_RUNNING)
    tables = _tables()
    result = SweepResult()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", list(SWEEP_LOCK))
            cursor.execute(OVERDUE_SQL.format(**tables), {"today": today, "running": running})
            result.flagged = cursor.rowcount
            horizons = reminder_horizons(today, reminder_days)
            cursor.execute(
                REMIND_SQL.format(**tables),
                {
                    "today": today,
                    "running": running,
                    "state_ids": list(horizons),
                    "horizons": list(horizons.values()),
                    "last_horizon": max(horizons.values(), default=today),
                },
            )
            result.reminders = cursor.rowcount
        result.requesters = list(
            RequestReminder.objects.filter(sent_at=None)
            .values_list("request__requester_id", flat=True)
            .distinct()
            .order_by()
        )
        if enqueue is not None:
            for user_id in result.requesters:
                transaction.on_commit(partial(enqueue, user_id))
    return result
