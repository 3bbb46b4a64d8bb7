from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from jurisdictions.models import Agency


class SupportModel(models.TextChoices):
    JEM = "JEM", _("Jail Enforcement Model")
    TFM = "TFM", _("Task Force Model")
    WSO = "WSO", _("Warrant Service Officer")


class AgreementStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    MISSING = "missing", _("Missing from the latest list")
    SUPERSEDED = "superseded", _("Superseded by a renewal")
    ENDED = "ended", _("Ended")

    @classmethod
    def in_force(cls) -> list[str]:
        """Active, or missing from the latest list but not yet ended: what a resident should be told about."""
        return [cls.ACTIVE, cls.MISSING]


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def public(self) -> AgreementQuerySet:
        """Every agreement ever seen, with agency, state and county loaded (one query, joins)."""
        return self.select_related("agency__state", "agency__county").order_by(
            "agency__state__name", "agency__name", "model", "-signed"
        )

    def active(self) -> AgreementQuerySet:
        """On the latest accepted participating list."""
        return self.filter(status=AgreementStatus.ACTIVE)

    def current(self) -> AgreementQuerySet:
        """Active, or missing from the latest list but not yet ended: what a resident should be told about."""
        return self.filter(status__in=AgreementStatus.in_force())

    def pending(self) -> AgreementQuerySet:
        return self.filter(status=AgreementStatus.PENDING)

    def for_agency(self, agency: Agency | int) -> AgreementQuerySet:
        return self.filter(agency=agency).order_by("model", "-signed", "-first_listed")


class Agreement(models.Model):
    """A 287(g) agreement: one agency, one model, one signed date, derived from ICE's list snapshots.

    Every field below except the agency is recomputed by the importer from the listings; edit the
    listings' snapshots (accept, hold) rather than these fields.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="agreements")
    model = models.CharField(_("model"), max_length=3, choices=SupportModel.choices)
    signed = models.DateField(_("signed"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=AgreementStatus.choices)
    pending_since = models.DateField(_("first on the pending list"), null=True, blank=True)
    first_listed = models.DateField(_("first listed"), null=True, blank=True)
    last_listed = models.DateField(_("last listed"), null=True, blank=True)
    first_missing_snapshot = models.ForeignKey(
        "agreements.Snapshot",
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("first list without it"),
    )
    missing_count = models.PositiveSmallIntegerField(
        _("consecutive lists without it"),
        default=0,
        help_text=_("Counted up to 3, when it is ended; 0 while it is on the latest list."),
    )
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Once ended: the date of the first list it was missing from."),
    )
    moa_url = models.URLField(_("MOA"), max_length=500, blank=True)
    addendum_url = models.URLField(_("addendum"), max_length=500, blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, related_name="supersedes", null=True, blank=True
    )
    model_switch = models.BooleanField(
        _("model switch"),
        default=False,
        help_text=_("Another model was first listed for this agency when this one left the list."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["agency", "model", "-signed"]
        verbose_name = _("287(g) agreement")
        verbose_name_plural = _("287(g) agreements")
        indexes = [
            models.Index(fields=["status", "model"]),
            models.Index(fields=["agency", "model", "signed"]),
        ]

    def __str__(self) -> str:
        signed = f"{self.signed:%Y-%m-%d}" if self.signed else _("not signed")
        return f"{self.agency.name} · {self.model} · {signed}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"pk": self.pk})

    def get_model_display(self) -> str:  # type: ignore[no-redef]
        return choice_label(SupportModel, self.model)

    def get_status_display(self) -> str:  # type: ignore[no-redef]
        return choice_label(AgreementStatus, self.status)

    @property
    def is_missing(self) -> bool:
        return self.status == AgreementStatus.MISSING
