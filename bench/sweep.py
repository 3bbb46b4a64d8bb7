"""The overdue sweep at 1,000,000 open requests: fill up, then time it in a child process for clean memory.

`open_requests_fill` tops the generated requests up to a million open ones inside PostgreSQL (one
INSERT … SELECT, each with its "sent" event), received in the last 120 days and due 10 to 39 days later, none
flagged yet: the worst case, a first sweep over a large backlog. The child (`python -m bench.sweep_child`)
runs `overdue_sweep` exactly as the Celery task does, with a counting stand-in for the reminder-email enqueue,
and reports wall time and the growth of its peak resident size (VmHWM, reset after django.setup()).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from django.db import connection

from bench.bulk import bulk_load
from bench.generate import LAST_PUBLISHED
from bench.measure import Result, failed
from records_requests.timeline import CLOCK_RUNNING, OPEN_STATUSES, RequestStatus

OPEN_REQUESTS = 1_000_000
TARGET_MS = 8_000.0  # issue #18 (DESIGN.md: 10 s)
SWEEP_DAY = LAST_PUBLISHED + dt.timedelta(days=3)  # a Monday: the next day is a business day too
ROOT = Path(__file__).resolve().parent.parent

FILL_SQL = """
WITH agencies AS (SELECT array_agg(id ORDER BY id) AS ids FROM jurisdictions_agency),
     people AS (SELECT array_agg(id ORDER BY id) AS ids FROM auth_user WHERE username LIKE 'bench-%%'),
     statuses AS (SELECT %(statuses)s::text[] AS s),
     drawn AS (
         SELECT g, floor(random() * 120)::int AS age, floor(random() * 30)::int AS days,
                random() AS a, random() AS p, random() AS s
         FROM generate_series(1, %(count)s) AS g
     )
INSERT INTO records_requests_recordsrequest (agency_id, requester_id, title, records_sought, letter,
    visibility, embargo_until, tracking_number, created_at, updated_at, status, received_on, due_on,
    return_address)
SELECT agencies.ids[1 + floor(drawn.a * cardinality(agencies.ids))::int],
       people.ids[1 + floor(drawn.p * cardinality(people.ids))::int],
       'Detainer requests received from ICE (backlog ' || g || ')',
       'All I-247 detainer requests received, and the agency''s responses.',
       '', 'public', NULL, '', now(), now(),
       statuses.s[1 + floor(drawn.s * cardinality(statuses.s))::int],
       %(day)s::date - drawn.age,
       %(day)s::date - drawn.age + 10 + drawn.days,
       ''
FROM drawn, agencies, people, statuses
"""
EVENTS_SQL = """
INSERT INTO records_requests_requestevent (request_id, kind, date, text, extended_to, document, author_id,
    created_at)
SELECT id, 'sent', received_on, '', NULL, '', NULL, now()
FROM records_requests_recordsrequest WHERE id > %(after)s
"""


def open_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM records_requests_recordsrequest WHERE status = ANY(%s)",
            [list(OPEN_STATUSES)],
        )
        return int(cursor.fetchone()[0])


def open_requests_fill(total: int) -> dict[str, Any]:
    """Add open requests until `total` are open; returns how many were added and how long it took."""
    start = time.perf_counter()
    missing = max(0, total - open_count())
    with bulk_load(), connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(max(id), 0) FROM records_requests_recordsrequest")
        after = cursor.fetchone()[0]
        # Clock-running statuses only: the ones whose due date the sweep compares.
        statuses = sorted(CLOCK_RUNNING - {RequestStatus.AWAITING_CLARIFICATION, RequestStatus.FEE_REQUESTED})
        cursor.execute("SELECT setseed(0.287)")  # the same million every run
        cursor.execute(FILL_SQL, {"statuses": statuses, "day": SWEEP_DAY, "count": missing})
        cursor.execute(EVENTS_SQL, {"after": after})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE records_requests_recordsrequest")
    return {"added": missing, "seconds": round(time.perf_counter() - start, 1), "open": open_count()}


def reminders_mark_sent() -> None:
    """What the reminder emails would have done after a sweep: every reminder sent (one UPDATE)."""
    from records_requests.models import RequestReminder

    with bulk_load(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {RequestReminder._meta.db_table} SET sent_at = now() WHERE sent_at IS NULL")


def run_child(env: dict[str, str], day: dt.date, timeout: float = 300) -> dict[str, Any]:
    """Run one sweep in a fresh process; returns its JSON report (or an `error`)."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.sweep_child", day.isoformat()],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["failed"]}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def as_result(name: str, report: dict[str, Any], target_ms: float | None) -> Result:
    if "error" in report:
        return failed(name, target_ms, f"sweep failed: {report['error']}")
    ms = report["seconds"] * 1000
    met = None if target_ms is None else ms < target_ms
    note = (
        f"{report['result']}; peak RSS +{report['rss_growth_mb']} MB over {report['rss_base_mb']} MB at start"
    )
    result = Result(name, round(ms, 1), round(ms, 1), target_ms, report["queries"], met, note)
    result.extra.update(report)
    return result
