"""Test lanes. `make test` runs every test; `make test-fast` leaves out the five lanes below.

- browser: the real-Chromium tests, everything in e2e/ (marked here, by folder)
- faults: killed workers, dropped connections, everything in tests/faults/ (marked here, by folder)
- realdata: reads ../shared/data; marked here on every test that uses the `shared_data` fixture
- fuzz: schemathesis over the OpenAPI schema (`pytestmark` in tests/api/test_fuzz.py)
- slow: starts a process (a Celery worker, pg_dump, manage.py, a fresh interpreter) or reloads the
  reference data; marked on the test itself
"""

from pathlib import Path

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(config.rootpath)
    for item in items:
        parts = item.path.relative_to(root).parts if item.path.is_relative_to(root) else ()
        if parts[:1] == ("e2e",):
            item.add_marker(pytest.mark.browser)
        if parts[:2] == ("tests", "faults"):
            item.add_marker(pytest.mark.faults)
        if "shared_data" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.realdata)
