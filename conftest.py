"""Markers by where a test lives, so `make test-fast` can leave the slow lanes out (`make test` runs all).

- browser: the real-Chromium tests in e2e/
- faults: killed workers, dropped connections (tests/faults/)
- fuzz: schemathesis over the OpenAPI schema
- realdata: reads ../shared/data (the existing `real_data` marker)
- slow: starts processes (Celery workers, pg_dump) or walks the whole real series
"""

from pathlib import Path

import pytest

_SLOW_FILES = {"test_backup.py", "test_real_series.py", "test_tasks.py"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(config.rootpath)
    for item in items:
        parts = item.path.relative_to(root).parts if item.path.is_relative_to(root) else ()
        if parts[:1] == ("e2e",):
            item.add_marker(pytest.mark.browser)
        if parts[:2] == ("tests", "faults"):
            item.add_marker(pytest.mark.faults)
        if item.path.name == "test_fuzz.py":
            item.add_marker(pytest.mark.fuzz)
        if item.get_closest_marker("real_data"):
            item.add_marker(pytest.mark.realdata)
        if item.get_closest_marker("worker") or item.path.name in _SLOW_FILES:
            item.add_marker(pytest.mark.slow)
