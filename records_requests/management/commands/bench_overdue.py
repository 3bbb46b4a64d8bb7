"""Time the overdue sweep on N synthetic open requests. Writes to the configured database: scratch DBs only.

DATABASE_URL=postgres://…/scratch .venv/bin/python manage.py bench_overdue --requests 100000 --confirm
"""

import random
import time
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from jurisdictions.models import Agency, AgencyKind, State
from records_requests.models import RecordsRequest, RequestAlert, RequestStatus
from records_requests.overdue import overdue_sweep

PREFIX = "bench-overdue"


class Command(BaseCommand):
    help = "Create N open requests in bulk (half overdue), then time the sweep: backlog, rerun, next day."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--requests", type=int, default=100_000)
        parser.add_argument("--requesters", type=int, default=200)
        parser.add_argument("--confirm", action="store_true", help="Yes, write synthetic rows here.")
        parser.add_argument("--cleanup", action="store_true", help="Delete the synthetic rows afterwards.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["confirm"]:
            raise CommandError("This writes synthetic rows to the configured database; pass --confirm.")
        today = timezone.localdate()
        self._seed(options["requests"], options["requesters"], today)
        runs = [
            ("first sweep, whole backlog", today),
            ("same day again", today),
            ("next day", today + timedelta(days=1)),
        ]
        for label, day in runs:
            started = time.perf_counter()
            result = overdue_sweep(today=day)
            elapsed = time.perf_counter() - started
            self.stdout.write(f"{label}: {elapsed:.2f} s — {result}")
        if options["cleanup"]:
            self._cleanup()

    @transaction.atomic
    def _seed(self, n: int, requesters: int, today: date) -> None:
        self._cleanup()
        started = time.perf_counter()
        users = User.objects.bulk_create(User(username=f"{PREFIX}-{i}") for i in range(requesters))
        states = list(State.objects.filter(records_law__isnull=False))
        agencies = Agency.objects.bulk_create(
            Agency(
                name=f"{PREFIX} agency {i}",
                name_key=f"{PREFIX} agency {i}",
                slug=f"{PREFIX}-agency-{i}",
                state=states[i % len(states)],
                kind=AgencyKind.SHERIFF,
            )
            for i in range(500)
        )
        rng = random.Random(42)
        batch = []
        for i in range(n):
            batch.append(
                RecordsRequest(
                    agency=agencies[i % len(agencies)],
                    requester=users[i % len(users)],
                    title=f"{PREFIX} {i}",
                    records_sought="287(g) records",
                    status=RequestStatus.SENT,
                    received_on=today - timedelta(days=30),
                    due_on=today + timedelta(days=rng.randint(-20, 20)),
                )
            )
            if len(batch) == 10_000:
                RecordsRequest.objects.bulk_create(batch)
                batch = []
        RecordsRequest.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {RecordsRequest._meta.db_table}")
        self.stdout.write(f"seeded {n} open requests in {time.perf_counter() - started:.1f} s")

    def _cleanup(self) -> None:
        RequestAlert.objects.filter(request__title__startswith=PREFIX).delete()
        RecordsRequest.objects.filter(title__startswith=PREFIX).delete()
        Agency.objects.filter(slug__startswith=PREFIX).delete()
        User.objects.filter(username__startswith=PREFIX).delete()
