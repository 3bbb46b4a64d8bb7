"""Subscribing (double opt-in), confirming and unsubscribing. Responses never reveal whether an address is known."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts.emails import confirmation_message
from alerts.models import Subscription
from alerts.targets import Target
from alerts.tokens import BadToken, confirm_token_read, unsubscribe_token_read

log = logging.getLogger(__name__)

# Confirmation links last 7 days; a request still unconfirmed after this is deleted with its address.
UNCONFIRMED_KEPT = dt.timedelta(days=30)


class UsedToken(BadToken):
    """A genuine confirmation link that was already used (or whose subscription ended)."""


def normalize_email(email: str) -> str:
    # Addresses are compared without case so one inbox cannot hold two subscriptions to one place.
    return email.strip().lower()


def subscription_request(*, email: str, target: Target, language: str) -> Subscription | None:
    """Start a subscription (or resend its confirmation); a confirmed one is left alone, silently.

    Sends at most one email, after the transaction: the confirmation. Returns the subscription waiting
    for confirmation, or None when the address already receives alerts for this target.
    """
    email = normalize_email(email)
    with transaction.atomic():
        existing = (
            Subscription.objects.active().select_for_update().filter(email=email, **target.fields()).first()
        )
        if existing is not None and existing.confirmed_at is not None:
            return None
        if existing is None:
            try:
                with transaction.atomic():
                    existing = Subscription.objects.create(email=email, language=language, **target.fields())
            except IntegrityError:  # a simultaneous request created it: treat as a resend
                existing = Subscription.objects.active().get(email=email, **target.fields())
                if existing.confirmed_at is not None:
                    return None
        elif existing.language != language:
            existing.language = language
            existing.save(update_fields=["language"])
    try:
        confirmation_message(existing, target).send()
    except (OSError, smtplib.SMTPException):
        # The visitor sees the same page either way; asking again resends the link.
        log.exception("alerts: confirmation email to subscription %s failed", existing.pk)
    return existing


def subscription_to_confirm(*, token: str) -> Subscription:
    """The subscription a confirmation link is for; raises BadToken, ExpiredToken or UsedToken. One query."""
    subscription_id, nonce = confirm_token_read(token)
    subscription = (
        Subscription.objects.active()
        .select_related("agency__state", "county__state", "state")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None or not subscription.confirm_nonce or subscription.confirm_nonce != nonce:
        raise UsedToken
    return subscription


def subscription_confirm(*, token: str) -> Subscription:
    """Confirms once: the link's nonce is spent, so using it again raises UsedToken."""
    with transaction.atomic():
        subscription = subscription_to_confirm(token=token)
        updated = Subscription.objects.filter(
            pk=subscription.pk, confirm_nonce=subscription.confirm_nonce
        ).update(confirm_nonce="", confirmed_at=timezone.now())
        if not updated:  # another request confirmed it in between
            raise UsedToken
    subscription.confirm()
    return subscription


def subscriptions_to_unsubscribe(*, token: str) -> list[Subscription]:
    """What an unsubscribe link covers (empty when already unsubscribed); raises BadToken. Two queries at most."""
    request = unsubscribe_token_read(token)
    related = ("agency__state", "county__state", "state")
    if not request.everything:
        return list(Subscription.objects.active().select_related(*related).filter(pk=request.subscription_id))
    email = Subscription.objects.filter(pk=request.subscription_id).values_list("email", flat=True).first()
    if email is None:
        return []
    return list(Subscription.objects.active().select_related(*related).filter(email=email).order_by("pk"))


def subscription_unsubscribe(*, token: str) -> list[Subscription]:
    """Ends what the link covers; doing it twice is harmless. Raises BadToken."""
    subscriptions = subscriptions_to_unsubscribe(token=token)
    now = timezone.now()
    Subscription.objects.filter(pk__in=[s.pk for s in subscriptions], unsubscribed_at=None).update(
        unsubscribed_at=now
    )
    for subscription in subscriptions:
        subscription.unsubscribed_at = now
    return subscriptions


def subscriptions_purge_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete requests never confirmed within UNCONFIRMED_KEPT: an address that did not consent is not kept.

    One query.
    """
    now = now or timezone.now()
    deleted, _ = Subscription.objects.filter(
        confirmed_at=None, created_at__lt=now - UNCONFIRMED_KEPT
    ).delete()
    return deleted
