"""Celery tasks: fetch and store agreements' MOA and addendum PDFs."""

from __future__ import annotations

from celery import shared_task

from agreements.models import Agreement
from documents.fetch import FetchError
from documents.services import agreement_links, agreements_to_fetch, moa_fetch

RETRY_BACKOFF_SECONDS = 120
BATCH_SIZE = 100
MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_RETRIES)
def fetch_moa_documents(self, agreement_ids: list[int]) -> list[str]:
    """Fetch each agreement's links; every attempt is recorded as a MoaFetch.

    Stored bytes are deduplicated by SHA-256, so running twice is harmless. Agreements with a transient
    failure (network, 5xx) are retried alone, with exponential backoff.
    """
    outcomes: list[str] = []
    to_retry: list[int] = []
    for agreement in Agreement.objects.filter(pk__in=agreement_ids).order_by("pk"):
        for url, kind in agreement_links(agreement):
            try:
                attempt = moa_fetch(url=url, agreement=agreement, kind=kind)
            except FetchError as exc:
                outcomes.append(f"{agreement.pk} {kind}: retry ({exc})")
                if agreement.pk not in to_retry:
                    to_retry.append(agreement.pk)
                continue
            outcomes.append(f"{agreement.pk} {kind}: {attempt.status} {attempt.error}".strip())
    if to_retry and self.request.retries < MAX_RETRIES:
        countdown = RETRY_BACKOFF_SECONDS * 2**self.request.retries
        raise self.retry(args=[to_retry], countdown=countdown)
    return outcomes


@shared_task
def fetch_missing_moa_documents(limit: int = 1000) -> int:
    """Queue the agreements whose links are not stored yet, in batches; for Celery beat after each import."""
    ids = list(agreements_to_fetch().values_list("pk", flat=True)[:limit])
    for start in range(0, len(ids), BATCH_SIZE):
        fetch_moa_documents.delay(ids[start : start + BATCH_SIZE])
    return len(ids)
