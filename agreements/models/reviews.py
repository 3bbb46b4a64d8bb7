"""Identity questions the importer could not settle alone: an editor decides, nothing merges silently."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency, State


class AgencyReviewQuerySet(models.QuerySet["AgencyReview"]):
    def open(self) -> AgencyReviewQuerySet:
        return self.filter(status=AgencyReview.Status.OPEN)


class AgencyReview(models.Model):
    """A spelling on an ICE list that may be an agency we already know. Its rows are filed under `agency`
    (an identity of its own, so history never waits) until an editor merges it into a candidate or keeps it.
    """

    class Problem(models.TextChoices):
        SIMILAR = "similar", _("Similar to agencies we know, not certain enough to merge")
        AMBIGUOUS = "ambiguous", _("Several agencies in the state share this name")
        COUNTY = "county", _("The COUNTY cell and the county in the agency's name disagree")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MERGED = "merged", _("Merged into a candidate")
        SEPARATE = "separate", _("Kept as its own agency")

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="+")
    spelling = models.CharField(_("spelling on the list"), max_length=200)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        related_name="identity_reviews",
        verbose_name=_("filed under"),
        help_text=_("The identity the rows are filed under while the question is open."),
    )
    problem = models.CharField(_("question"), max_length=12, choices=Problem.choices)
    candidates = models.JSONField(
        _("candidates"), default=list, help_text=_("Agencies it may be, best first, with their scores.")
    )
    snapshot = models.ForeignKey(
        "agreements.Snapshot", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    row_number = models.PositiveIntegerField(_("sheet row"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    merged_into = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("merged into"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.TextField(_("editor's note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgencyReviewQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("agency identity review")
        verbose_name_plural = _("agency identity reviews")
        constraints = [
            models.UniqueConstraint(fields=["agency", "spelling", "problem"], name="agency_review_unique")
        ]

    def __str__(self) -> str:
        return f"{self.spelling} ({self.state_id}): {self.get_problem_display()}"
