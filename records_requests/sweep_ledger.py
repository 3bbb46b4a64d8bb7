"""The overdue sweep with a ledger, so that a sweep killed part-way is run again when a worker starts.

`recorded_sweep` commits "started" for the day, then runs the sweep and "finished" in one transaction:
if the worker dies in between, PostgreSQL rolls the sweep back and the ledger row stays unfinished.
`interrupted_days` lists those days (only ones after the last finished sweep: a later sweep has already
flagged everything an earlier one would have). Running a day twice is harmless: the sweep only flags
unflagged requests and the alert table's unique key drops a second alert.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from records_requests.models import SweepRun
from records_requests.overdue import SweepResult, overdue_sweep


def recorded_sweep(
    *, today: date | None = None, enqueue: Callable[[int], object] | None = None
) -> SweepResult:
    day = today or timezone.localdate()
    with transaction.atomic():
        run, created = SweepRun.objects.get_or_create(
            day=day, defaults={"started_at": timezone.now(), "attempts": 1}
        )
        if not created:
            SweepRun.objects.filter(pk=run.pk).update(
                started_at=timezone.now(), finished_at=None, attempts=F("attempts") + 1
            )
    with transaction.atomic():
        result = overdue_sweep(today=day, enqueue=enqueue)
        SweepRun.objects.filter(pk=run.pk).update(
            finished_at=timezone.now(),
            flagged=result.flagged,
            reminders=result.reminders,
            digests=len(result.requesters),
        )
    return result


def interrupted_days() -> list[date]:
    """Days whose last sweep started and never finished, newer than the newest finished sweep."""
    last_finished = SweepRun.objects.filter(finished_at__isnull=False).aggregate(day=Max("day"))["day"]
    unfinished = SweepRun.objects.filter(finished_at__isnull=True)
    if last_finished is not None:
        unfinished = unfinished.filter(day__gt=last_finished)
    return list(unfinished.order_by("day").values_list("day", flat=True))
