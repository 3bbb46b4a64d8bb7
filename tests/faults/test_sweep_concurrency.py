"""The overdue sweep when its database connection dies mid-run, or two run at once: each request reminded
exactly once.

These tests reproduce what Postgres sees when a worker dies: the sweep's connection terminated inside its
transaction, and two sweeps (and two reminder-email senders) racing on committed rows. A real worker SIGKILLed
mid-sweep, then restarted, is in test_worker_killed.py.

The rows must be committed for other connections to see them, so each step runs in a thread with its
own connection (outside the test's transaction), and the test deletes what it made.
"""

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, TypeVar

import psycopg
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import InterfaceError, OperationalError, connection, connections

from jurisdictions.models import Agency
from records_requests import overdue, reminders
from records_requests.models import RecordsRequest, RequestReminder, SweepRun
from records_requests.services import request_create
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)
PER_USER = 5
T = TypeVar("T")


def in_thread(fn: Callable[[], T]) -> T:
    """Run `fn` on a fresh connection (committing for real); re-raise its exception here."""
    out: list[Any] = []

    def target() -> None:
        try:
            out.append(("ok", fn()))
        except BaseException as exc:
            out.append(("error", exc))
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    assert out, "thread timed out"
    kind, value = out[0]
    if kind == "error":
        raise value
    return value


def parallel(*fns: Callable[[], object]) -> list[object]:
    barrier = threading.Barrier(len(fns))
    results: list[object] = [None] * len(fns)

    def run(i: int, fn: Callable[[], object]) -> None:
        barrier.wait(timeout=30)
        results[i] = in_thread(fn)

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(fns)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    return results


@pytest.fixture
def overdue_requests() -> Iterator[list[int]]:
    def make() -> tuple[list[int], list[int], int]:
        agency = factories.agency()
        users = [User.objects.create(username=f"sweep{n}", email=f"sweep{n}@example.org") for n in range(2)]
        ids = [
            request_create(
                requester=user, agency=agency, title="t", records_sought="r", sent_on=date(2026, 1, 5)
            ).pk
            for user in users
            for _ in range(PER_USER)
        ]
        return ids, [u.pk for u in users], agency.pk

    ids, user_ids, agency_id = in_thread(make)
    yield ids

    def clean() -> None:
        RequestReminder.objects.filter(request_id__in=ids).delete()
        RecordsRequest.objects.filter(pk__in=ids).delete()
        User.objects.filter(pk__in=user_ids).delete()
        Agency.objects.filter(pk=agency_id).delete()
        SweepRun.objects.filter(day=TODAY).delete()  # written by a real worker's sweep

    in_thread(clean)


def sweep() -> overdue.SweepResult:
    return overdue.overdue_sweep(today=TODAY)


def reminders_per_request(ids: list[int]) -> dict[int, int]:
    counts = dict.fromkeys(ids, 0)
    for request_id in RequestReminder.objects.filter(request_id__in=ids, kind="overdue").values_list(
        "request_id", flat=True
    ):
        counts[request_id] += 1
    return counts


def test_requests_are_due_before_the_sweep_day(overdue_requests: list[int]) -> None:
    due = RecordsRequest.objects.filter(pk__in=overdue_requests).values_list("due_on", flat=True)
    assert all(d is not None and d < TODAY for d in due)
    assert reminders_per_request(overdue_requests) == dict.fromkeys(overdue_requests, 0)


def test_sweep_killed_mid_transaction_then_rerun(
    overdue_requests: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backend dies after the overdue statement (as when the worker is SIGKILLed): nothing is kept."""
    original = overdue.reminder_horizons
    params = connection.get_connection_params()

    def die(today: date, days: int) -> dict[int, date]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {RequestReminder._meta.db_table} WHERE kind = 'overdue'")
            assert cursor.fetchone()[0] >= len(overdue_requests)  # owed in this transaction
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with psycopg.connect(**params, autocommit=True) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", [pid])
        return original(today, days)

    monkeypatch.setattr(overdue, "reminder_horizons", die)
    with pytest.raises((OperationalError, InterfaceError)):
        in_thread(sweep)
    assert reminders_per_request(overdue_requests) == dict.fromkeys(overdue_requests, 0)
    monkeypatch.undo()
    assert in_thread(sweep).flagged == len(overdue_requests)
    assert in_thread(sweep).flagged == 0  # a redelivered task finds nothing left to do
    assert reminders_per_request(overdue_requests) == dict.fromkeys(overdue_requests, 1)


def test_two_sweeps_at_once_remind_each_request_once(overdue_requests: list[int]) -> None:
    first, second = parallel(sweep, sweep)
    assert isinstance(first, overdue.SweepResult) and isinstance(second, overdue.SweepResult)
    assert first.flagged + second.flagged == len(overdue_requests)
    assert reminders_per_request(overdue_requests) == dict.fromkeys(overdue_requests, 1)


def test_two_reminder_senders_at_once_send_one_email_each(overdue_requests: list[int]) -> None:
    in_thread(sweep)
    requesters = sorted(
        set(RecordsRequest.objects.filter(pk__in=overdue_requests).values_list("requester_id", flat=True))
    )
    mail.outbox = []
    senders = [lambda uid=uid: reminders.reminders_send(user_id=uid) for uid in requesters for _ in range(2)]
    covered = parallel(*senders)
    assert sum(c for c in covered if isinstance(c, int)) == len(overdue_requests)
    assert sorted(m.to[0] for m in mail.outbox) == ["sweep0@example.org", "sweep1@example.org"]
    assert not RequestReminder.objects.filter(request_id__in=overdue_requests, sent_at=None).exists()
