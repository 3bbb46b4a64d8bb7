"""Every task Celery beat sends is one a freshly started worker knows, found by plain autodiscovery."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from config.celery_app import app


@pytest.mark.slow
def test_a_fresh_worker_registers_every_task_beat_schedules():
    # A separate process, as a worker starts: only Celery's autodiscovery can register the tasks there.
    code = (
        "import django, json; django.setup(); from config.celery_app import app; "
        "app.loader.import_default_modules(); print(json.dumps(sorted(app.tasks)))"
    )
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    registered = set(json.loads(found.stdout.strip().splitlines()[-1]))
    scheduled = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert scheduled - registered == set()
    assert "documents.tasks.fetch_moa_documents" in registered
