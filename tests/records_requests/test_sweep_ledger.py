"""The overdue sweep's ledger: what a starting worker re-queues, and what editors see in the admin."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from records_requests import overdue, sweep_ledger, tasks
from records_requests.models import RecordsRequest, RequestReminder, SweepAttempt, SweepRun

pytestmark = pytest.mark.django_db
DAY = date(2025, 12, 3)


def run(day: date, *, finished: bool) -> SweepRun:
    now = timezone.now()
    return SweepRun.objects.create(day=day, started_at=now, finished_at=now if finished else None, attempts=1)


def test_a_sweep_records_its_day_counts_and_attempts(make_request: Callable[..., RecordsRequest]) -> None:
    make_request("NV", sent_on=date(2025, 11, 21))  # due 2025-12-02
    sweep_ledger.recorded_sweep(today=DAY)
    sweep_ledger.recorded_sweep(today=DAY)
    ledger = SweepRun.objects.get()
    assert (ledger.day, ledger.attempts, ledger.interrupted) == (DAY, 2, False)
    assert ledger.flagged == 1  # the total: the first run flagged the request, the rerun found nothing new
    # Every attempt keeps its own counts: the rerun did not overwrite the first run's.
    attempts = list(ledger.attempt_log.values_list("flagged", flat=True))
    assert attempts == [1, 0]
    assert all(a.finished_at for a in ledger.attempt_log.all())
    assert RequestReminder.objects.filter(kind="overdue").count() == 1
    assert sweep_ledger.interrupted_days() == []


def test_a_sweep_that_fails_is_rolled_back_and_left_unfinished(
    make_request: Callable[..., RecordsRequest], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_request("NV", sent_on=date(2025, 11, 21))

    def fail(today: date, days: int) -> dict[int, date]:
        raise ConnectionError("the database went away")

    monkeypatch.setattr(overdue, "reminder_horizons", fail)
    with pytest.raises(ConnectionError):
        sweep_ledger.recorded_sweep(today=DAY)
    assert not RequestReminder.objects.exists()  # the overdue statement was rolled back
    assert SweepRun.objects.get(day=DAY).interrupted
    assert SweepAttempt.objects.get().finished_at is None  # the failed attempt is on record
    assert sweep_ledger.interrupted_days() == [DAY]


def test_only_days_after_the_last_finished_sweep_are_resumed() -> None:
    run(DAY - timedelta(days=3), finished=False)  # superseded: a later sweep flagged everything since
    run(DAY - timedelta(days=2), finished=True)
    run(DAY - timedelta(days=1), finished=False)
    run(DAY, finished=False)
    assert sweep_ledger.interrupted_days() == [DAY - timedelta(days=1), DAY]


def test_a_starting_worker_queues_each_interrupted_day(monkeypatch: pytest.MonkeyPatch) -> None:
    run(DAY, finished=False)
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(tasks.flag_overdue_requests, "delay", lambda **kwargs: sent.append(kwargs))
    tasks.resume_interrupted_sweeps()
    assert sent == [{"today": "2025-12-03"}]


def test_nothing_is_queued_when_every_sweep_finished(monkeypatch: pytest.MonkeyPatch) -> None:
    run(DAY, finished=True)
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(tasks.flag_overdue_requests, "delay", lambda **kwargs: sent.append(kwargs))
    tasks.resume_interrupted_sweeps()
    assert sent == []


def test_editors_see_the_ledger_read_only(client: Client) -> None:
    run(DAY, finished=False)
    admin = User.objects.create_superuser("root", "root@example.org", "pw-for-tests-only")
    client.force_login(admin)
    page = client.get("/admin/records_requests/sweeprun/")
    assert page.status_code == 200
    assert "Dec. 3, 2025" in page.content.decode()
    assert client.get("/admin/records_requests/sweeprun/add/").status_code == 403
