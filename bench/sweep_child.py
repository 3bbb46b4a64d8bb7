"""One overdue sweep, run alone in this process so that its peak memory can be read (see bench/sweep.py).

Prints one JSON line: wall time, queries, what the sweep did, and ru_maxrss growth over the size of the
process after django.setup(). Imports nothing from Django before setup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import time


def main(day: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.db import connection

    from bench.measure import QueryCounter
    from records_requests.overdue import overdue_sweep

    queued: list[int] = []
    connection.ensure_connection()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        result = overdue_sweep(today=dt.date.fromisoformat(day), enqueue=queued.append)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {
        "seconds": round(seconds, 3),
        "queries": counter.count,
        "result": str(result),
        "flagged": result.flagged,
        "overdue_alerts": result.overdue_alerts,
        "reminders": result.reminders,
        "digests_queued": len(queued),
        "rss_base_mb": round(base / 1024, 1),
        "rss_growth_mb": round((peak - base) / 1024, 1),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
