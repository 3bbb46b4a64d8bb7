"""An email address following one agency, county or state, after confirming by email (double opt-in)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, County, State


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def active(self) -> SubscriptionQuerySet:
        """Not unsubscribed (confirmed or still waiting for confirmation)."""
        return self.filter(unsubscribed_at=None)

    def receiving(self) -> SubscriptionQuerySet:
        """Confirmed and not unsubscribed: the only ones ever sent an alert."""
        return self.active().exclude(confirmed_at=None)


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


class Subscription(models.Model):
    """One address following one target: exactly one of `agency`, `county` and `state` is set.

    `confirm_nonce` is part of the signed confirmation link and is cleared on confirmation, so a link
    confirms once. Unsubscribing keeps the row (with `unsubscribed_at`), so deliveries stay explained.
    """

    email = models.EmailField(_("email"), max_length=254)
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="alert_subscriptions", null=True, blank=True
    )
    county = models.ForeignKey(
        County, on_delete=models.CASCADE, related_name="alert_subscriptions", null=True, blank=True
    )
    state = models.ForeignKey(
        State, on_delete=models.CASCADE, related_name="alert_subscriptions", null=True, blank=True
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    confirm_nonce = models.CharField(max_length=32, default=new_nonce, blank=True, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        indexes = [models.Index(fields=["email"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=False, county__isnull=True, state__isnull=True)
                | Q(agency__isnull=True, county__isnull=False, state__isnull=True)
                | Q(agency__isnull=True, county__isnull=True, state__isnull=False),
                name="subscription_one_target",
                violation_error_message=_("A subscription follows one agency, county or state."),
            ),
            *(
                models.UniqueConstraint(
                    fields=["email", field],
                    condition=Q(unsubscribed_at__isnull=True, **{f"{field}__isnull": False}),
                    name=f"subscription_one_active_per_{field}",
                )
                for field in ("agency", "county", "state")
            ),
        ]

    def __str__(self) -> str:
        target = self.agency_id or self.county_id or self.state_id
        return f"{self.email} → {self.target_kind} {target}"

    @property
    def target_kind(self) -> str:
        if self.agency_id is not None:
            return "agency"
        return "county" if self.county_id is not None else "state"

    @property
    def is_receiving(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def confirm(self) -> None:
        """Marks confirmed and spends the nonce; the caller saves."""
        self.confirmed_at = self.confirmed_at or timezone.now()
        self.confirm_nonce = ""
