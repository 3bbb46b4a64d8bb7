"""The overdue sweep with a ledger, so that a sweep killed part-way is run again when a worker starts.

`recorded_sweep` commits "started" for the day, then runs the sweep and "finished" in one transaction:
if the worker dies in between, PostgreSQL rolls the sweep back and the ledger row stays unfinished.
`interrupted_days` lists those days (only ones after the last finished sweep: a later sweep has already
flagged everything an earlier one would have). Running a day twice is harmless: the sweep only flags
unflagged requests and the reminder table's unique key drops a second reminder. Each attempt's counts are kept
(SweepAttempt); the day's row adds them up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from records_requests.models import SweepAttempt, SweepRun
from records_requests.overdue import SweepResult, overdue_sweep


def recorded_sweep(
    *, today: date | None = None, enqueue: Callable[[int], object] | None = None
) -> SweepResult:
    """Run the sweep for `today`, recording the attempt. The day's row keeps totals over its attempts
    (a rerun adds to them, never overwrites); each attempt has its own SweepAttempt row."""
    day = today or timezone.localdate()
    started_at = timezone.now()
    with transaction.atomic():
        run, created = SweepRun.objects.get_or_create(
            day=day, defaults={"started_at": started_at, "attempts": 1}
        )
        if not created:
            SweepRun.objects.filter(pk=run.pk).update(
                started_at=started_at, finished_at=None, attempts=F("attempts") + 1
            )
        attempt = SweepAttempt.objects.create(run=run, started_at=started_at)
    with transaction.atomic():
        result = overdue_sweep(today=day, enqueue=enqueue)
        finished_at = timezone.now()
        counts = {"flagged": result.flagged, "reminders": result.reminders, "digests": len(result.requesters)}
        SweepAttempt.objects.filter(pk=attempt.pk).update(finished_at=finished_at, **counts)
        SweepRun.objects.filter(pk=run.pk).update(
            finished_at=finished_at, **{name: F(name) + value for name, value in counts.items()}
        )
    return result


def interrupted_days() -> list[date]:
    """Days whose last sweep started and never finished, newer than the newest finished sweep."""
    last_finished = SweepRun.objects.filter(finished_at__isnull=False).aggregate(day=Max("day"))["day"]
    unfinished = SweepRun.objects.filter(finished_at__isnull=True)
    if last_finished is not None:
        unfinished = unfinished.filter(day__gt=last_finished)
    return list(unfinished.order_by("day").values_list("day", flat=True))
