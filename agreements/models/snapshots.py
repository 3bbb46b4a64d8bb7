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


class DateSource(models.TextChoices):
    FILENAME = "filename", _("ICE's file name")
    CAPTURE = "capture", _("when the file was first captured")
    LAST_MODIFIED = "last_modified", _("the server's Last-Modified date")
    OPERATOR = "operator", _("given by whoever imported it")


class SnapshotQuerySet(models.QuerySet["Snapshot"]):
    def accepted(self) -> SnapshotQuerySet:
        return self.filter(status=SnapshotStatus.ACCEPTED)

    def in_order(self) -> SnapshotQuerySet:
        """Oldest first; same day: am < (no part, mid) < pm < pm2/pmB, a `_b` copy after its base, then
        in the order the copies were imported."""
        return self.order_by("published", "part_order", "imported_at", "pk")

    def newest_first(self) -> SnapshotQuerySet:
        return self.order_by("-published", "-part_order", "-imported_at", "-pk")

    def public(self) -> SnapshotQuerySet:
        return self.accepted().newest_first()


class Snapshot(models.Model):
    """One ICE spreadsheet as downloaded, identified by the SHA-256 of its bytes (file names repeat)."""

    kind = models.CharField(_("list"), max_length=20, choices=SnapshotKind.choices)
    published = models.DateField(_("published"), db_index=True)
    published_part = models.CharField(
        _("time of day"),
        max_length=8,
        blank=True,
        help_text=_("As in ICE's file name: am, mid, pm, pm2, pmb; _b for a second copy (pm_b)."),
    )
    part_order = models.PositiveSmallIntegerField(
        _("order within the day"),
        default=20,
        help_text=_("am 10, none 20, mid 30, pm 40, pm2/pmB 50; +1 for _b."),
    )
    date_source = models.CharField(
        _("date from"), max_length=20, choices=DateSource.choices, default=DateSource.FILENAME
    )
    captured_on = models.DateField(
        _("captured on"), null=True, blank=True, help_text=_("When the file was downloaded, if known.")
    )
    republished = models.BooleanField(
        _("republished"),
        default=False,
        help_text=_(
            "ICE published other bytes under a file name already imported; dated no earlier than its capture."
        ),
    )
    agreement_count = models.PositiveIntegerField(
        _("agreements"),
        null=True,
        blank=True,
        help_text=_("Distinct agreements listed (duplicate rows count once)."),
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
        ordering = ["-published", "-part_order", "-pk"]
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
