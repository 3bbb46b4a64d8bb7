"""Celery tasks: thin, take ids, safe to run twice (the alert table's unique key guards duplicates)."""

from celery import shared_task

from records_requests.overdue import digest_send, overdue_sweep


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def flag_overdue_requests(self, today: str | None = None) -> str:
    """The daily sweep (see overdue.py); queues one `send_requester_digest` per requester after commit."""
    from datetime import date

    day = date.fromisoformat(today) if today else None
    return str(overdue_sweep(today=day, enqueue=send_requester_digest.delay))


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def send_requester_digest(self, user_id: int) -> int:
    return digest_send(user_id=user_id)
