from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from jurisdictions.models import Agency
from records_requests.timeline import CLOCK_RUNNING, OPEN_STATUSES, Derived, RequestStatus, derive

__all__ = ["RecordsRequest", "RecordsRequestQuerySet", "RequestRevision", "RequestStatus", "Visibility"]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    EMBARGOED = "embargoed", _("private until a date, then public")
    PRIVATE = "private", _("private")


class RecordsRequestQuerySet(models.QuerySet["RecordsRequest"]):
    def public(self, today: date | None = None) -> RecordsRequestQuerySet:
        """Requests anyone may see: public ones, and embargoed ones whose embargo has ended; a draft
        (not yet sent) stays private whatever its visibility, until its sending is logged."""
        today = today or timezone.localdate()
        return self.filter(
            Q(visibility=Visibility.PUBLIC) | Q(visibility=Visibility.EMBARGOED, embargo_until__lte=today)
        ).exclude(status=RequestStatus.DRAFT)

    def visible_to(self, user: object) -> RecordsRequestQuerySet:
        """Public requests for everyone, plus an organizer's own; staff see all."""
        if getattr(user, "is_staff", False):
            return self.all()
        if getattr(user, "is_authenticated", False):
            today = timezone.localdate()
            public = Q(visibility=Visibility.PUBLIC) | Q(
                visibility=Visibility.EMBARGOED, embargo_until__lte=today
            )
            return self.filter((public & ~Q(status=RequestStatus.DRAFT)) | Q(requester=user))
        return self.public()

    def open(self) -> RecordsRequestQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date | None = None) -> RecordsRequestQuerySet:
        """On the statutory clock and past `due_on`: the one test `RecordsRequest.is_overdue` and the sweep
        also apply (a request under appeal is open but has no statutory due date)."""
        return self.filter(status__in=CLOCK_RUNNING, due_on__lt=today or timezone.localdate())

    def for_list(self) -> RecordsRequestQuerySet:
        return self.select_related("agency", "agency__state").order_by("-created_at", "-pk")


class RecordsRequest(models.Model):
    """An open-records request to one agency. Its history is the append-only `events` log.

    `status`, `received_on` and `due_on` are caches derived from the log (and the state's law) by
    `refresh_derived()`. Never edit them by hand: append an event instead. Whether a request is overdue is
    not stored: it is `due_on` against today (`is_overdue`), so it is true from the first day a response
    is late, whether or not the daily sweep has run; the sweep (`overdue.py`) only owes the reminders.
    """

    # No single-column FK indexes: the (agency, -created_at) and (requester, -created_at) indexes below
    # cover those lookups, and every index is one more write for each row the sweep updates.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="records_requests", db_index=False
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="records_requests", db_index=False
    )
    title = models.CharField(_("title"), max_length=200)
    records_sought = models.TextField(_("records sought"))
    letter = models.TextField(_("letter"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    embargo_until = models.DateField(_("private until"), null=True, blank=True)
    tracking_number = models.CharField(_("agency tracking number"), max_length=100, blank=True)
    return_address = models.TextField(
        _("your postal address"),
        blank=True,
        help_text=_(
            "Optional. Printed at the top of the letters generated for this request; never shown publicly."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Derived from the event log; see the class docstring.
    status = models.CharField(
        _("status"), max_length=24, choices=RequestStatus.choices, default=RequestStatus.DRAFT, editable=False
    )
    received_on = models.DateField(_("received by the agency"), null=True, editable=False)
    due_on = models.DateField(_("response due"), null=True, editable=False)

    objects = RecordsRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("records request")
        verbose_name_plural = _("records requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(visibility=Visibility.EMBARGOED) | Q(embargo_until__isnull=False),
                name="records_request_embargo_has_date",
            )
        ]
        indexes = [
            # The sweep's scans (overdue, due soon) and "which requests are late": requests on the
            # statutory clock by due date. No column the sweep writes is indexed: it writes no request row.
            models.Index(
                fields=["due_on"],
                condition=Q(status__in=sorted(CLOCK_RUNNING)),
                name="records_request_running_due",
            ),
            models.Index(fields=["agency", "-created_at"], name="records_request_by_agency"),
            models.Index(fields=["requester", "-created_at"], name="records_request_by_requester"),
            # Lists (pages, API) show the newest first: without it, 100,000 rows are sorted per page.
            models.Index(fields=["-created_at", "-id"], name="records_request_newest"),
            # Counting what the public may see (every list's `count`) as an index-only scan: 18 -> 8 ms
            # at 100,000 requests. Partial on `public()`'s own "not a draft" (drafts are private until
            # sent), or the count falls back to a scan of the whole table.
            models.Index(
                fields=["visibility", "embargo_until"],
                name="records_request_public_sent",
                condition=~Q(status="draft"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("records_requests:detail", kwargs={"pk": self.pk})

    def is_public(self, today: date | None = None) -> bool:
        """As `public()`: a draft is private until it is sent."""
        today = today or timezone.localdate()
        if self.status == RequestStatus.DRAFT:
            return False
        if self.visibility == Visibility.EMBARGOED:
            return self.embargo_until is not None and self.embargo_until <= today
        return self.visibility == Visibility.PUBLIC

    def get_status_display(self) -> str:  # type: ignore[no-redef]
        return choice_label(RequestStatus, self.status)

    @property
    def is_overdue(self) -> bool:
        """On the statutory clock and past `due_on` today."""
        return bool(self.due_on and self.status in CLOCK_RUNNING and self.due_on < timezone.localdate())

    @property
    def overdue_since(self) -> date | None:
        """The first day the response was late, while it is."""
        return self.due_on + timedelta(days=1) if self.due_on and self.is_overdue else None

    def derive(self, today: date | None = None) -> Derived:
        """Status and deadline from the log. Two queries (events; the agency's state law) unless cached."""
        law = getattr(self.agency.state, "records_law", None)
        events = sorted(self.events.all(), key=lambda e: (e.date, e.pk or 0))
        return derive(events, law.terms() if law else None, today=today or timezone.localdate())

    def refresh_derived(self, today: date | None = None) -> Derived:
        """Recompute the cached columns from the log and save them (an UPDATE of six columns)."""
        today = today or timezone.localdate()
        derived = self.derive(today)
        self.status = derived.status
        self.received_on = derived.received
        self.due_on = derived.due
        self.save(update_fields=["status", "received_on", "due_on", "updated_at"])
        return derived


class RequestRevision(models.Model):
    """One edit of a request's own fields (title, letter…), with the old and new values."""

    request = models.ForeignKey(RecordsRequest, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(_("changes"), help_text=_("{field: [old, new]}"))

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("request revision")
        verbose_name_plural = _("request revisions")

    def __str__(self) -> str:
        return f"{self.request_id} @ {self.changed_at:%Y-%m-%d %H:%M}"
