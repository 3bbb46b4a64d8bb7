"""Send each confirmed address one email listing every event it has not been told about yet."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts.emails import DigestSection, digest_message
from alerts.models import Delivery, Event, Subscription
from alerts.targets import Target, matches, subscriptions_possibly_matching

log = logging.getLogger(__name__)

# Events older than this are never emailed (after a long outage, old news stays in the feeds only).
DIGEST_LOOKBACK = dt.timedelta(days=30)
TARGET_ORDER = {"agency": 0, "county": 1, "state": 2}


@dataclass
class DigestResult:
    sent: int = 0
    skipped: int = 0  # another run delivered some of the same events first
    failed: int = 0  # the mail server refused; retried on the next run


def _sections(
    subscriptions: list[Subscription], events: list[Event], delivered: set[tuple[int, int]]
) -> list[DigestSection]:
    """Each event appears once per email, under the most local place the address follows."""
    sections = []
    for subscription in sorted(subscriptions, key=lambda s: (TARGET_ORDER[s.target_kind], s.pk)):
        assert subscription.confirmed_at is not None
        due = [
            event
            for event in events
            if event.created_at > subscription.confirmed_at
            and (subscription.pk, event.pk) not in delivered
            and matches(subscription, event)
        ]
        if due:
            sections.append(DigestSection(subscription, Target.of(subscription), due))
    return sections


def _send(email: str, sections: list[DigestSection]) -> None:
    """Records the deliveries and sends in one transaction: if sending fails, nothing is recorded."""
    language = max(sections, key=lambda s: s.subscription.created_at).subscription.language
    deliveries = [Delivery(subscription=s.subscription, event=e) for s in sections for e in s.events]
    shown: set[int] = set()
    for section in sections:
        section.events = [e for e in section.events if e.pk not in shown]
        shown.update(e.pk for e in section.events)
    with transaction.atomic():
        Delivery.objects.bulk_create(deliveries)  # IntegrityError if another run recorded one first
        message = digest_message(email=email, language=language, sections=[s for s in sections if s.events])
        message.send()


def digests_send(*, now: dt.datetime | None = None) -> DigestResult:
    """One email per address with undelivered events. Safe to run twice or in two workers at once: the
    unique delivery rows make the second run skip what the first sent.

    Queries: 3 to find who is due, then 1 transaction (insert) per email.
    """
    now = now or timezone.now()
    result = DigestResult()
    events = list(
        Event.objects.filter(created_at__gte=now - DIGEST_LOOKBACK, created_at__lte=now)
        .select_related("agency", "state")
        .order_by("created_at", "pk")
    )
    if not events:
        return result
    subscriptions = (
        Subscription.objects.receiving()
        .filter(subscriptions_possibly_matching(events))
        .select_related("agency__state", "county__state", "state")
        .order_by("email", "pk")
    )
    by_email: dict[str, list[Subscription]] = defaultdict(list)
    for subscription in subscriptions:
        by_email[subscription.email].append(subscription)
    delivered = set(
        Delivery.objects.filter(event__in=[e.pk for e in events]).values_list("subscription_id", "event_id")
    )
    for email, subs in by_email.items():
        sections = _sections(subs, events, delivered)
        if not sections:
            continue
        try:
            _send(email, sections)
        except IntegrityError:
            result.skipped += 1
        except (OSError, smtplib.SMTPException):
            log.exception("alerts: digest to subscription %s failed", sections[0].subscription.pk)
            result.failed += 1
        else:
            result.sent += 1
    return result
