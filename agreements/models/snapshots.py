from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, County, State


class SnapshotKind(models.TextChoices):
    PARTICIPATING = "participating", _("Participating agencies")
    PENDING = "pending", _("Pending agencies")


class SnapshotStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    HELD = "held", _("Held for review")
    REJECTED = "rejected", _("Rejected")


class SnapshotQuerySet(models.QuerySet["Snapshot"]):
    def accepted(self) -> SnapshotQuerySet:
        return self.filter(status=SnapshotStatus.ACCEPTED)

    def in_order(self) -> SnapshotQuerySet:
        """Oldest first; a morning list comes before the afternoon one of the same day."""
        return self.order_by("published", "published_part", "imported_at", "pk")

    def public(self) -> SnapshotQuerySet:
        return self.accepted().order_by("-published", "-published_part", "-pk")


class Snapshot(models.Model):
    """One ICE spreadsheet as downloaded, identified by the SHA-256 of its bytes (file names repeat)."""

    kind = models.CharField(_("list"), max_length=20, choices=SnapshotKind.choices)
    published = models.DateField(_("published"), db_index=True)
    published_part = models.CharField(
        _("time of day"), max_length=2, blank=True, choices=[("am", "am"), ("pm", "pm")]
    )
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SnapshotStatus.choices, default=SnapshotStatus.ACCEPTED
    )
    status_reason = models.TextField(_("reason"), blank=True)
    report = models.JSONField(_("problems found"), default=list, blank=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-published_part", "-pk"]
        verbose_name = _("ICE list snapshot")
        verbose_name_plural = _("ICE list snapshots")

    def __str__(self) -> str:
        part = f" {self.published_part}" if self.published_part else ""
        return f"{self.get_kind_display()} {self.published:%Y-%m-%d}{part}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:changes", kwargs={"pk": self.pk})


class Listing(models.Model):
    """One row of one snapshot: the raw cells as ICE wrote them and what the importer made of them."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="listings")
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.SET_NULL, related_name="listings", null=True, blank=True
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="ice_listings")
    row_number = models.PositiveIntegerField(_("sheet row"))
    raw = models.JSONField(_("raw row"), help_text=_("Cell values as written, with hyperlink targets."))
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")
    agency_name = models.CharField(_("agency as listed"), max_length=200)
    agency_type = models.CharField(_("type"), max_length=40, blank=True)
    county_name = models.CharField(_("county as listed"), max_length=100, blank=True)
    county = models.ForeignKey(County, on_delete=models.SET_NULL, related_name="+", null=True, blank=True)
    model = models.CharField(_("model"), max_length=3)
    signed = models.DateField(_("signed"), null=True, blank=True)
    moa_url = models.URLField(_("MOA"), max_length=500, blank=True)
    addendum_url = models.URLField(_("addendum"), max_length=500, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        ordering = ["snapshot", "row_number"]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "row_number"], name="listing_unique_row"),
        ]

    def __str__(self) -> str:
        return f"{self.snapshot} row {self.row_number}"

    RAW_ORDER = [
        "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "MOA_hyperlink",
        "ADDENDUM", "ADDENDUM_hyperlink",
    ]  # fmt: skip

    def raw_cells(self) -> list[tuple[str, object]]:
        """The raw row in sheet order (JSONB does not keep key order)."""
        order = {key: i for i, key in enumerate(self.RAW_ORDER)}
        return sorted(self.raw.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
