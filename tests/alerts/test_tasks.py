import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from alerts.models import Delivery
from alerts.tasks import DigestsFailed, send_alerts
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row
from tests.alerts.factories import event, subscribe


def test_running_twice_sends_one_email(agency, mailoutbox):
    subscribe(agency)
    event(agency)
    send_alerts()
    send_alerts()
    assert len(mailoutbox) == 1


def test_after_an_import(county, mailoutbox):
    subscribe(county)
    snapshot = import_list([row()], "2025-05-16", filler=False).snapshot
    assert snapshot is not None
    outcome = send_alerts(snapshot_id=snapshot.pk)
    assert outcome.startswith("1 new events, 1 emails sent")
    assert "Clark County Sheriff's Office: new 287(g) agreement (TFM)" in mailoutbox[0].body
    assert (
        f"https://directory.example/agreements/{snapshot.listings.get().agreement_id}/" in mailoutbox[0].body
    )


def test_failed_digests_raise_for_a_retry(agency, monkeypatch):
    subscribe(agency)
    event(agency)

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError

    monkeypatch.setattr(mail.EmailMessage, "send", refuse)
    with pytest.raises(DigestsFailed):
        send_alerts()
    assert not Delivery.objects.exists()


@pytest.mark.slow
def test_a_fresh_worker_process_finds_the_task_by_the_name_beat_uses():
    # A separate process, as a worker starts: only Celery's autodiscovery can register the task there.
    code = (
        "import django; django.setup(); from config.celery_app import app; "
        "app.loader.import_default_modules(); print('alerts.tasks.send_alerts' in app.tasks)"
    )
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert found.stdout.strip().splitlines()[-1] == "True"
