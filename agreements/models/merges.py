from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency


class AgencyMerge(models.Model):
    """A spelling on an ICE list judged to be an existing agency. Reviewable: set `overridden` to refuse it."""

    class Reason(models.TextChoices):
        SAME_KEY = "same_key", _("Same name once case, apostrophes and spaces are unified")
        LOOSE_KEY = "loose_key", _("Same name once punctuation and abbreviations are unified")
        ALIAS = "alias", _("Known alias")
        SIMILAR = "similar", _("Nearly the same name, in the same county")
        SAME_AGREEMENT = (
            "same_agreement",
            _("A similar name listing the same model and signed date as this agency's agreement"),
        )
        EDITOR = "editor", _("Merged by an editor")

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="ice_merges")
    spelling = models.CharField(_("spelling on the list"), max_length=200)
    reason = models.CharField(_("why"), max_length=20, choices=Reason.choices)
    snapshot = models.ForeignKey(
        "agreements.Snapshot", on_delete=models.SET_NULL, related_name="agency_merges", null=True, blank=True
    )
    row_number = models.PositiveIntegerField(_("sheet row"), null=True, blank=True)
    overridden = models.BooleanField(
        _("overridden"), default=False, help_text=_("An editor judged this spelling a different agency.")
    )
    note = models.TextField(_("editor's note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("agency merge")
        verbose_name_plural = _("agency merges")
        constraints = [
            models.UniqueConstraint(fields=["agency", "spelling"], name="agency_merge_unique_spelling")
        ]

    def __str__(self) -> str:
        return f"{self.spelling} → {self.agency.name}"


class AgreementMerge(models.Model):
    """Two listings judged to be one agreement, with the rule that decided it. Rebuilt on every recompute."""

    class Reason(models.TextChoices):
        DUPLICATE_ROW = "duplicate_row", _("The same row appears twice on one list")
        NEAR_DUPLICATE = (
            "near_duplicate",
            _("The same agency and model appear twice on one list with signed dates a few days apart"),
        )
        SIGNED_CORRECTION = (
            "signed_correction",
            _("ICE changed the signed date of a listing that never had an MOA link (within 90 days)"),
        )

    agreement = models.ForeignKey("agreements.Agreement", on_delete=models.CASCADE, related_name="merges")
    listing = models.ForeignKey("agreements.Listing", on_delete=models.CASCADE, related_name="merges")
    reason = models.CharField(_("why"), max_length=20, choices=Reason.choices)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        ordering = ["listing__snapshot__published", "listing__row_number"]
        verbose_name = _("agreement merge")
        verbose_name_plural = _("agreement merges")

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.listing}"
