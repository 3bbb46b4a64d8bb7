from celery import shared_task
from django.db import OperationalError

from alerts.digests import digests_send
from alerts.events import alerts_for_snapshot, events_collect
from alerts.subscriptions import subscriptions_purge_unconfirmed


class DigestsFailed(Exception):
    """Some digests could not be sent; a retry sends only those (deliveries mark the rest)."""


@shared_task(
    autoretry_for=(DigestsFailed, OperationalError),
    retry_backoff=120,
    retry_backoff_max=3600,
    max_retries=5,
)
def send_alerts(snapshot_id: int | None = None) -> str:
    """Collect new events (this ICE list first, when given), send one digest per address, forget addresses
    never confirmed. Safe to repeat."""
    created = alerts_for_snapshot(snapshot_id=snapshot_id) if snapshot_id else 0
    created += events_collect()
    result = digests_send()
    subscriptions_purge_unconfirmed()
    if result.failed:
        raise DigestsFailed(f"{result.failed} digests failed")
    return f"{created} new events, {result.sent} emails sent, {result.skipped} skipped"
