"""A real Celery worker SIGKILLed in the middle of the overdue sweep, then a second worker started.

The sweep is held mid-statement: another connection has inserted, and not committed, the overdue reminder
of one of the requests, so the sweep's INSERT waits on the reminders' unique key for that transaction. The
worker is killed while it waits.
Both brokers are tried: the filesystem broker (the default), which drops a message once it is read, so
the sweep comes back through the ledger (`records_requests.sweep_ledger`); and Redis, which redelivers
the killed task itself after its visibility timeout.
"""

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from records_requests.models import RecordsRequest, RequestReminder, SweepRun
from tests.faults.test_sweep_concurrency import TODAY, in_thread, overdue_requests, reminders_per_request

__all__ = ["overdue_requests"]  # the fixture, shared with the concurrency tests
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
TASK = "records_requests.tasks.flag_overdue_requests"
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")
VISIBILITY_TIMEOUT = 3


def database_url_for_workers() -> str:
    """A DATABASE_URL for the test database, whether it lives on a TCP server or the embedded socket."""
    params = connection.get_connection_params()
    host = params.get("host") or "127.0.0.1"
    user, name = params.get("user") or "postgres", params["dbname"]
    if str(host).startswith("/"):
        return f"postgresql://{user}@/{name}?host={host}"
    return f"postgresql://{user}@{host}:{params.get('port') or 5432}/{name}"


def worker_env(tmp_path: Path, redis_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    (tmp_path / "broker").mkdir()
    (tmp_path / "mail").mkdir()
    env.update(
        DATABASE_URL=database_url_for_workers(),
        CELERY_BROKER_DIR=str(tmp_path / "broker"),
        EMAIL_URL=f"filemail://{tmp_path / 'mail'}",
        SECRET_KEY="x",
        DEBUG="false",
    )
    if redis_url:
        env.update(REDIS_URL=redis_url, CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
    return env


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def send_sweep(env: dict[str, str]) -> str:
    """`celery call` puts the task on the broker; returns its task id."""
    done = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "config", "call", TASK, "--kwargs", f'{{"today": "{TODAY}"}}'],
        cwd=ROOT, env=env, check=True, timeout=60, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def wait_for(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


def sweep_waiting(params: dict[str, object]) -> bool:
    with psycopg.connect(**params, autocommit=True) as conn:  # type: ignore[arg-type]
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            " AND query LIKE %s AND datname = current_database()",
            ["%SELECT r.id, 'overdue'%"],
        ).fetchone()
    return bool(row and row[0])


def all_flagged(ids: list[int]) -> bool:
    """Every request owed its overdue reminder, once."""
    return in_thread(lambda: reminders_per_request(ids)) == dict.fromkeys(ids, 1)


def reminders_sent(ids: list[int]) -> bool:
    return not in_thread(lambda: RequestReminder.objects.filter(request_id__in=ids, sent_at=None).exists())


def emails_by_recipient(mail: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in mail.iterdir():
        for recipient in re.findall(r"^To: (\S+)$", path.read_text(), flags=re.MULTILINE):
            counts[recipient] = counts.get(recipient, 0) + 1
    return counts


def succeeded(log: Path) -> list[str]:
    """Ids of the sweep tasks the worker log shows finished."""
    return re.findall(rf"{re.escape(TASK)}\[([0-9a-f-]+)\] succeeded", log.read_text())


def kill_mid_sweep(env: dict[str, str], log: Path, ids: list[int]) -> str:
    """Send the sweep, let a worker take it and block on a locked row, SIGKILL it; returns the task id."""
    params = connection.get_connection_params()
    locker = psycopg.connect(**params)  # one reminder inserted, not committed: the sweep's INSERT waits on it
    due_on = RecordsRequest.objects.values_list("due_on", flat=True).get(pk=ids[0])
    locker.execute(
        f"INSERT INTO {RequestReminder._meta.db_table} (request_id, kind, due_on, created_at)"
        " VALUES (%s, 'overdue', %s, now())",
        [ids[0], due_on],
    )
    worker = start_worker(env, log)
    try:
        task_id = send_sweep(env)
        if not wait_for(lambda: sweep_waiting(params), 60):
            raise TimeoutError(f"the sweep never started:\n{log.read_text()[-2000:]}")
        stop(worker)
    finally:
        locker.rollback()
        locker.close()
        stop(worker)
    return task_id


@contextlib.contextmanager
def restart_and_finish(env: dict[str, str], log: Path, ids: list[int]) -> Iterator[None]:
    """Start a second worker and wait until every request is flagged and every reminder email sent."""
    second = start_worker(env, log)
    try:
        assert wait_for(lambda: all_flagged(ids), 60), (
            f"the sweep never ran again:\n{log.read_text()[-3000:]}"
        )
        assert wait_for(lambda: reminders_sent(ids), 30), (
            f"no reminder email was sent:\n{log.read_text()[-3000:]}"
        )
        yield
    finally:
        stop(second)


def assert_flagged_and_emailed_once(ids: list[int], mail: Path) -> None:
    assert reminders_per_request(ids) == dict.fromkeys(ids, 1)
    assert RequestReminder.objects.filter(request_id__in=ids).count() == len(ids)
    assert emails_by_recipient(mail) == {"sweep0@example.org": 1, "sweep1@example.org": 1}


def test_a_real_worker_runs_the_sweep_once(overdue_requests: list[int], tmp_path: Path) -> None:
    """End to end: a real worker runs the sweep sent twice; each overdue request is flagged, reminded and
    emailed once, and the ledger shows the day swept twice and finished."""
    env, log = worker_env(tmp_path), tmp_path / "worker.log"
    worker = start_worker(env, log)
    try:
        for _ in range(2):
            send_sweep(env)
        done = wait_for(lambda: len(succeeded(log)) >= 2 and reminders_sent(overdue_requests), 60)
    finally:
        stop(worker)
    assert done, log.read_text()[-2000:]
    assert all_flagged(overdue_requests)
    assert_flagged_and_emailed_once(overdue_requests, tmp_path / "mail")
    run = in_thread(lambda: SweepRun.objects.get(day=TODAY))
    assert (run.attempts, run.interrupted) == (2, False)


def test_sweep_survives_a_killed_worker(overdue_requests: list[int], tmp_path: Path) -> None:
    """Filesystem broker: the message is gone once read, so the second worker finds the unfinished sweep in
    the ledger when it starts, and queues it again."""
    env, log = worker_env(tmp_path), tmp_path / "worker.log"
    kill_mid_sweep(env, log, overdue_requests)
    time.sleep(1)
    # The killed sweep's transaction is rolled back by Postgres: nothing half-done, the ledger says so.
    assert reminders_per_request(overdue_requests) == dict.fromkeys(overdue_requests, 0)
    assert in_thread(lambda: SweepRun.objects.get(day=TODAY).interrupted)
    assert not list((tmp_path / "broker").glob("*.celery.msg")), "the filesystem broker kept the message"
    with restart_and_finish(env, log, overdue_requests):
        assert "the overdue sweep for 2026-06-01 was interrupted" in log.read_text()
    assert_flagged_and_emailed_once(overdue_requests, tmp_path / "mail")
    assert not in_thread(lambda: SweepRun.objects.get(day=TODAY).interrupted)


@pytest.fixture
def redis_url() -> Iterator[str]:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(
            f"no Redis at {REDIS_TEST_URL} (set REDIS_TEST_URL): the Redis redelivery path is untested"
        )
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()


def test_redis_redelivers_the_killed_sweep(
    overdue_requests: list[int], tmp_path: Path, redis_url: str
) -> None:
    """Redis: acks_late + reject_on_worker_lost keep the killed task unacknowledged, and the next worker
    restores it once the visibility timeout has passed: the same task id runs again."""
    env = worker_env(tmp_path, redis_url)
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    task_id = kill_mid_sweep(env, first_log, overdue_requests)
    time.sleep(VISIBILITY_TIMEOUT + 1)
    with restart_and_finish(env, second_log, overdue_requests):
        assert wait_for(lambda: task_id in succeeded(second_log), 30), second_log.read_text()[-3000:]
    assert_flagged_and_emailed_once(overdue_requests, tmp_path / "mail")
