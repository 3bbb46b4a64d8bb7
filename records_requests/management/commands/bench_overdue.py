"""Time the overdue sweep on N synthetic open requests. Writes to the configured database: scratch DBs only.

    DATABASE_URL=postgres://…/scratch .venv/bin/python manage.py bench_overdue --requests 100000 --confirm

Due dates are spread uniformly over today ± 20 days, so the first sweep flags a backlog of about half the
requests; the later runs show the steady state (a rerun the same day, then the next day's sweep).
"""

import time
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from jurisdictions.models import Agency, AgencyKind, State
from records_requests.models import RecordsRequest, RequestEvent, RequestReminder, RequestRevision
from records_requests.overdue import overdue_sweep

PREFIX = "bench-overdue"

SEED_SQL = """
INSERT INTO {table} (agency_id, requester_id, title, records_sought, letter, visibility, tracking_number,
                     created_at, updated_at, status, received_on, due_on, return_address)
SELECT (%(agencies)s::bigint[])[1 + i %% %(n_agencies)s], (%(users)s::int[])[1 + i %% %(n_users)s],
       %(prefix)s || ' ' || i, '287(g) records', '', 'public', '', now(), now(), 'sent',
       %(today)s::date - 30, %(today)s::date + (floor(random() * 41) - 20)::int, ''
FROM generate_series(0, %(n)s - 1) AS i
"""


class Command(BaseCommand):
    help = "Create N open requests (half overdue), then time the sweep: backlog, rerun, next day."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--requests", type=int, default=100_000)
        parser.add_argument("--requesters", type=int, default=200)
        parser.add_argument("--confirm", action="store_true", help="Yes, write synthetic rows here.")
        parser.add_argument("--cleanup", action="store_true", help="Delete the synthetic rows afterwards.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["confirm"]:
            raise CommandError("This writes synthetic rows to the configured database; pass --confirm.")
        today = timezone.localdate()
        self._cleanup()
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
            # As if the reminder emails went out, and autovacuum ran, between daily sweeps.
            RequestReminder.objects.filter(sent_at=None).update(sent_at=timezone.now())
            with connection.cursor() as cursor:
                for model in (RecordsRequest, RequestReminder):
                    cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
        if options["cleanup"]:
            self._cleanup()

    @transaction.atomic
    def _seed(self, n: int, requesters: int, today: Any) -> None:
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
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(0.42)")
            cursor.execute(
                SEED_SQL.format(table=RecordsRequest._meta.db_table),
                {
                    "agencies": [a.pk for a in agencies],
                    "n_agencies": len(agencies),
                    "users": [u.pk for u in users],
                    "n_users": len(users),
                    "prefix": PREFIX,
                    "today": today,
                    "n": n,
                },
            )
            cursor.execute(f"ANALYZE {RecordsRequest._meta.db_table}")
        self.stdout.write(f"seeded {n} open requests in {time.perf_counter() - started:.1f} s")

    def _cleanup(self) -> None:
        bench = RecordsRequest.objects.filter(title__startswith=PREFIX).values("pk")
        for model in (RequestReminder, RequestEvent, RequestRevision):
            model.objects.filter(request__in=bench)._raw_delete(connection.alias)
        RecordsRequest.objects.filter(title__startswith=PREFIX)._raw_delete(connection.alias)
        Agency.objects.filter(slug__startswith=PREFIX).delete()
        User.objects.filter(username__startswith=PREFIX).delete()
