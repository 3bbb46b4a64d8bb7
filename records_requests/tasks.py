"""Celery tasks: thin, take ids, safe to run twice (the reminder table's unique key guards duplicates)."""

import logging
from datetime import date
from typing import Any

from celery import shared_task
from celery.signals import worker_ready
from django.db import DatabaseError, connection

from records_requests.reminders import reminders_send
from records_requests.sweep_ledger import interrupted_days, recorded_sweep

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def flag_overdue_requests(self, today: str | None = None) -> str:
    """The daily sweep (see overdue.py); queues one `send_requester_reminders` per requester after commit."""
    day = date.fromisoformat(today) if today else None
    return str(recorded_sweep(today=day, enqueue=send_requester_reminders.delay))


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def send_requester_reminders(self, user_id: int) -> int:
    return reminders_send(user_id=user_id)


@worker_ready.connect
def resume_interrupted_sweeps(**kwargs: Any) -> None:
    """A worker starting up re-queues any sweep that died part-way (see sweep_ledger.py).

    Redis would also redeliver the killed task after its visibility timeout; the filesystem broker
    never does. Both running is harmless. The connection is closed so no forked child inherits it.
    """
    try:
        days = interrupted_days()
    except DatabaseError:
        logger.exception("could not read the overdue-sweep ledger; interrupted sweeps wait for the beat")
        return
    finally:
        connection.close()
    for day in days:
        logger.warning("the overdue sweep for %s was interrupted; queuing it again", day)
        flag_overdue_requests.delay(today=day.isoformat())
