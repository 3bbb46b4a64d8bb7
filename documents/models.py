"""287(g) MOA documents: the stored PDF, its extracted text (searchable) and fields for an editor to review."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from agreements.models.agreements import Agreement, SupportModel
from jurisdictions.models import Agency

SEARCH_CONFIG = "english"


class DocumentKind(models.TextChoices):
    MOA = "moa", _("Memorandum of agreement")
    ADDENDUM = "addendum", _("Addendum")


class ExtractionStatus(models.TextChoices):
    OK = "ok", _("Text extracted")
    FAILED = "failed", _("Extraction failed")
    NEEDS_PASSWORD = "needs_password", _("Encrypted: needs a password")


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", _("Not reviewed")
    CONFIRMED = "confirmed", _("Confirmed by an editor")
    CORRECTED = "corrected", _("Corrected by an editor")


class FetchStatus(models.TextChoices):
    OK = "ok", _("Stored")
    FAILED = "failed", _("Failed")


class MoaDocumentQuerySet(models.QuerySet["MoaDocument"]):
    def listed(self) -> MoaDocumentQuerySet:
        """Without the text and search vector (tens of kilobytes each): for lists and links."""
        return self.defer("text", "search_vector")

    def for_agency(self, agency: Agency | int) -> MoaDocumentQuerySet:
        """One agency's documents, newest signature first; one query with the agreement joined."""
        return (
            self.listed()
            .filter(agency=agency)
            .select_related("agreement")
            .order_by(models.F("extracted_signed").desc(nulls_last=True), "-fetched_at")
        )

    def public(self) -> MoaDocumentQuerySet:
        return self.listed().select_related("agency__state", "agreement")


class MoaDocument(models.Model):
    """One MOA or addendum PDF, identified by the SHA-256 of its bytes (the same file twice is one row).

    `text` is what pypdf extracted (scanned MOAs come with OCR noise); `search_vector` is computed by
    PostgreSQL from it on every write. The `extracted_*` fields start as the machine's guess and become
    the editor's answer once `review_status` is confirmed or corrected; `extraction_notes` keeps the
    machine's evidence either way.
    """

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        related_name="documents",
        null=True,
        blank=True,
        verbose_name=_("agreement"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        related_name="moa_documents",
        null=True,
        blank=True,
        verbose_name=_("agency"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices, default=DocumentKind.MOA)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="moa/", max_length=200)
    file_name = models.CharField(_("original file name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=100, default="application/pdf")
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    encrypted = models.BooleanField(_("encrypted"), default=False)
    text = models.TextField(_("extracted text"), blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("text", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    extraction_status = models.CharField(
        _("extraction"), max_length=20, choices=ExtractionStatus.choices, default=ExtractionStatus.OK
    )
    extraction_error = models.TextField(_("extraction error"), blank=True)
    fetched_at = models.DateTimeField(_("stored at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("uploaded by"),
    )
    extracted_signed = models.DateField(_("signing date"), null=True, blank=True)
    extracted_model = models.CharField(
        _("287(g) model"), max_length=3, choices=SupportModel.choices, blank=True
    )
    extracted_contacts = models.JSONField(
        _("agency points of contact"),
        default=list,
        blank=True,
        help_text=_('A list of {"name", "title", "organization", "phones", "emails", "address", "section"}.'),
    )
    extraction_notes = models.JSONField(_("extraction evidence"), default=dict, blank=True)
    review_status = models.CharField(
        _("review"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = MoaDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-fetched_at"]
        verbose_name = _("MOA document")
        verbose_name_plural = _("MOA documents")
        indexes = [GinIndex(fields=["search_vector"], name="moa_document_search")]

    def __str__(self) -> str:
        return self.file_name or self.sha256[:12]

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"pk": self.pk})

    @property
    def is_reviewed(self) -> bool:
        return self.review_status != ReviewStatus.UNREVIEWED


class MoaFetch(models.Model):
    """One attempt to download an agreement's MOA or addendum link; failures are kept, not skipped."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="moa_fetches", null=True, blank=True
    )
    url = models.URLField(_("URL"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices, default=DocumentKind.MOA)
    status = models.CharField(_("status"), max_length=10, choices=FetchStatus.choices)
    error = models.TextField(_("error"), blank=True)
    document = models.ForeignKey(
        MoaDocument, on_delete=models.SET_NULL, related_name="fetches", null=True, blank=True
    )
    attempted_at = models.DateTimeField(_("attempted at"), auto_now_add=True)

    class Meta:
        ordering = ["-attempted_at"]
        verbose_name = _("MOA download")
        verbose_name_plural = _("MOA downloads")
        indexes = [models.Index(fields=["agreement", "-attempted_at"], name="moa_fetch_agreement_recent")]

    def __str__(self) -> str:
        return f"{self.url} · {self.status}"


__all__ = [
    "DocumentKind",
    "ExtractionStatus",
    "FetchStatus",
    "MoaDocument",
    "MoaDocumentQuerySet",
    "MoaFetch",
    "ReviewStatus",
]
