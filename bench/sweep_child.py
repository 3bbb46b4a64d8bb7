"""One overdue sweep, run alone in this process so that its peak memory can be read (see bench/sweep.py).

Prints one JSON line: wall time, queries, what the sweep did, and the growth of the peak resident size
over the resident size after django.setup(). Imports nothing from Django before setup.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import time
from pathlib import Path


def _rss_kb(field: str) -> int:
    """VmRSS (now) or VmHWM (peak) from /proc, in kB; ru_maxrss where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux ≥ 4.0), so that setup's own peak does not hide the sweep's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def main(day: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.db import connection

    from bench.measure import QueryCounter
    from records_requests.overdue import overdue_sweep

    queued: list[int] = []
    connection.ensure_connection()
    base = _rss_kb("VmRSS")
    hwm_reset = _reset_peak()
    start = time.perf_counter()
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        result = overdue_sweep(today=dt.date.fromisoformat(day), enqueue=queued.append)
    seconds = time.perf_counter() - start
    peak = _rss_kb("VmHWM") if hwm_reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {
        "seconds": round(seconds, 3),
        "queries": counter.count,
        "result": str(result),
        "flagged": result.flagged,
        "reminders": result.reminders,
        "digests_queued": len(queued),
        "rss_base_mb": round(base / 1024, 1),
        "rss_growth_mb": round(max(0, peak - base) / 1024, 1),
        "peak_measure": "VmHWM after reset" if hwm_reset else "ru_maxrss (includes setup)",
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
