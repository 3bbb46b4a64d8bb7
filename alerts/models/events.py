"""What alerts and feeds report (`Event`), who has been told (`Delivery`), and how far the scans got."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, County, State


class AlertKind(models.TextChoices):
    AGREEMENT_ADDED = "agreement_added", _("New agreement")
    AGREEMENT_PENDING = "agreement_pending", _("New pending agreement")
    AGREEMENT_ENDED = "agreement_ended", _("Agreement ended")
    POLICY_PUBLISHED = "policy_published", _("Policy published")
    POLICY_CHANGED = "policy_changed", _("Policy changed")
    MOA_POSTED = "moa_posted", _("Agreement document posted")
    STATE_LAW_ADDED = "state_law_added", _("State law added")
    STATE_LAW_CHANGED = "state_law_changed", _("State law changed")


AGREEMENT_KINDS = {AlertKind.AGREEMENT_ADDED, AlertKind.AGREEMENT_PENDING, AlertKind.AGREEMENT_ENDED}
POLICY_KINDS = {AlertKind.POLICY_PUBLISHED, AlertKind.POLICY_CHANGED}
STATE_LAW_KINDS = {AlertKind.STATE_LAW_ADDED, AlertKind.STATE_LAW_CHANGED}


class EventQuerySet(models.QuerySet["Event"]):
    def for_agency(self, agency: Agency) -> EventQuerySet:
        """The agency's events and its state's state-wide policy events (as its page shows them)."""
        return self.filter(Q(agency=agency) | Q(agency=None, state=agency.state_id))

    def for_county(self, county: County) -> EventQuerySet:
        """Events of agencies placed in the county, and its state's state-wide ones (as `Agency.in_county`)."""
        return self.filter(Q(county=county) | Q(state=county.state_id, statewide=True))

    def for_state(self, state: State) -> EventQuerySet:
        return self.filter(state=state)

    def for_feed(self) -> EventQuerySet:
        """Newest first with what titles and links need joined (agency, state): one query."""
        return self.select_related("agency", "state").order_by("-created_at", "-pk")


class Event(models.Model):
    """One thing worth telling followers, recorded once (`key` is unique, so collecting twice is a no-op).

    Titles are rendered when read, from `kind`, `subject` and `details`, so each reader gets their language.
    `statewide` marks events that concern a whole state: state-wide policies and state agencies.
    """

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind.choices)
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="+")
    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    statewide = models.BooleanField(default=False)
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    policy = models.ForeignKey(
        "policies.Policy", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    subject = models.CharField(_("about"), max_length=300, help_text=_("The agency or state, as named then."))
    details = models.JSONField(_("details"), default=dict, blank=True)
    occurred_on = models.DateField(_("happened on"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alert event")
        verbose_name_plural = _("alert events")
        indexes = [
            models.Index(fields=["agency", "-created_at"]),
            models.Index(fields=["county", "-created_at"]),
            models.Index(fields=["state", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.title()

    def get_absolute_url(self) -> str:
        """The document's or the agreement's page, or the policy's place on its agency's or state's page.

        Uses `agency` and `state` (load them with `for_feed()`).
        """
        if self.kind == AlertKind.MOA_POSTED:
            try:
                return reverse("documents:detail", kwargs={"pk": self.details["document_id"]})
            except NoReverseMatch:  # the documents pages are not installed
                pass
        if self.agreement_id is not None:
            return reverse("agreements:detail", kwargs={"pk": self.agreement_id})
        if self.kind in STATE_LAW_KINDS:
            return self.state.get_absolute_url() + f"#state-law-{self.details['state_law_id']}"
        anchor = f"#policy-{self.details['topic']}" if self.kind in POLICY_KINDS else ""
        if self.agency is not None:
            return self.agency.get_absolute_url() + anchor
        return self.state.get_absolute_url() + anchor

    def title(self) -> str:
        """In the active language; reads no related row."""
        d = self.details
        if self.kind in STATE_LAW_KINDS:
            values = {"place": self.subject, "law": d.get("citation") or d.get("name", "")}
            if d.get("ended"):
                return gettext("%(place)s: state law blocked or ended: %(law)s") % values
            if self.kind == AlertKind.STATE_LAW_ADDED:
                return gettext("%(place)s: state law added: %(law)s") % values
            return gettext("%(place)s: state law changed: %(law)s") % values
        if self.kind in POLICY_KINDS:
            from policies.vocabulary import Topic, answer_label

            topic = d.get("topic", "")
            values = {
                "place": self.subject,
                "question": Topic(topic).label if topic in Topic.values else topic,
                "answer": answer_label(topic, d.get("answer", "")),
            }
            if self.kind == AlertKind.POLICY_PUBLISHED:
                return gettext("%(place)s: new answer to “%(question)s”: %(answer)s") % values
            return gettext("%(place)s: answer to “%(question)s” changed: %(answer)s") % values
        values = {"agency": self.subject, "model": d.get("model", "")}
        if self.kind == AlertKind.AGREEMENT_ADDED:
            if d.get("from_pending"):
                return gettext("%(agency)s: pending 287(g) agreement signed (%(model)s)") % values
            return gettext("%(agency)s: new 287(g) agreement (%(model)s)") % values
        if self.kind == AlertKind.AGREEMENT_PENDING:
            return gettext("%(agency)s: 287(g) agreement pending (%(model)s)") % values
        if self.kind == AlertKind.AGREEMENT_ENDED:
            return gettext("%(agency)s: 287(g) agreement ended (%(model)s)") % values
        if d.get("document_kind") == "addendum":
            return gettext("%(agency)s: 287(g) agreement addendum posted") % values
        return gettext("%(agency)s: 287(g) memorandum of agreement posted") % values

    def description(self) -> str:
        """One sentence of context in the active language; reads no related row."""
        d = self.details
        if self.kind in POLICY_KINDS or self.kind in STATE_LAW_KINDS:
            return d.get("summary_es" if _spanish() and d.get("summary_es") else "summary_en", "")
        parts = []
        if d.get("signed"):
            parts.append(gettext("Signed %(date)s.") % {"date": _day(d["signed"])})
        if self.kind == AlertKind.AGREEMENT_ENDED:
            parts.append(
                gettext("Missing from ICE's list published %(date)s and the two before it.")
                % {"date": _day(self.occurred_on)}
            )
        elif self.kind in AGREEMENT_KINDS:
            parts.append(gettext("On ICE's list published %(date)s.") % {"date": _day(self.occurred_on)})
        return " ".join(parts)


def _spanish() -> bool:
    return (get_language() or "en").startswith("es")


def _day(value: dt.date | str) -> str:
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return formats.date_format(day, "DATE_FORMAT")


class Delivery(models.Model):
    """One event reported to one subscription. Unique, so a rerun or a second worker never resends it."""

    subscription = models.ForeignKey(
        "alerts.Subscription", on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event"], name="delivery_once_per_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} → {self.subscription_id}"


class Checkpoint(models.Model):
    """How far an append-only table has been scanned for events (the last primary key read)."""

    name = models.CharField(max_length=40, unique=True)
    position = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("alert checkpoint")
        verbose_name_plural = _("alert checkpoints")

    def __str__(self) -> str:
        return f"{self.name}: {self.position}"
