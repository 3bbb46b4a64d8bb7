"""The daily sweep: flag newly overdue requests, owe reminders, and queue one reminder email per requester.

Set-based: a fixed number of SQL statements whatever the number of requests (no Python loop over rows).
`RequestReminder`'s unique (request, kind, due date) makes a second run the same day a no-op, and a request
is reminded once per overdue period: a new due date (an extension) opens a new period. The emails
themselves: `reminders.py`.
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
    flagged: int = 0
    overdue_reminders: int = 0
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


FLAG_SQL = """
WITH flagged AS (
    UPDATE {request} SET is_overdue = true, overdue_since = due_on + 1
    WHERE NOT is_overdue AND due_on < %(today)s AND status = ANY(%(running)s)
    RETURNING id, due_on
), reminded AS (
    INSERT INTO {reminder} (request_id, kind, due_on, created_at)
    SELECT id, 'overdue', due_on, now() FROM flagged
    ON CONFLICT (request_id, kind, due_on) DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM flagged), (SELECT count(*) FROM reminded)
"""

REMIND_SQL = """
INSERT INTO {reminder} (request_id, kind, due_on, created_at)
SELECT r.id, 'reminder', r.due_on, now()
FROM {request} r
JOIN {agency} a ON a.id = r.agency_id
JOIN unnest(%(state_ids)s::bigint[], %(horizons)s::date[]) AS h(state_id, horizon) ON h.state_id = a.state_id
WHERE NOT r.is_overdue AND r.status = ANY(%(running)s)
  AND r.due_on >= %(today)s AND r.due_on <= %(last_horizon)s AND r.due_on <= h.horizon
ON CONFLICT (request_id, kind, due_on) DO NOTHING
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
    """One pass: four statements whatever the volume, then one enqueue per requester after commit.

    Flags are only ever set here; `RecordsRequest.refresh_derived()` clears them whenever an event
    changes the due date or closes the request (the derived columns are not editable elsewhere).
    """
    today = today or timezone.localdate()
    if reminder_days is None:
        reminder_days = getattr(settings, "RECORDS_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    running = list(CLOCK_RUNNING)
    tables = _tables()
    result = SweepResult()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(FLAG_SQL.format(**tables), {"today": today, "running": running})
            result.flagged, result.overdue_reminders = cursor.fetchone()
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
