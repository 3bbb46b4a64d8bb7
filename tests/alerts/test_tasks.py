import pytest
from django.core import mail

from alerts.models import Delivery
from alerts.tasks import DigestsFailed, send_alerts
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row
from tests.alerts.helpers import event, subscribe

pytestmark = pytest.mark.urls("tests.alerts.urls")


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
