"""Where an answer comes from: a `Source` (article, policy document, law) cited by policies via `Citation`."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

MAX_SOURCE_FILE_BYTES = 20 * 1024 * 1024
SOURCE_FILE_EXTENSIONS = ["pdf", "html", "htm", "txt", "png", "jpg", "jpeg"]


def validate_file_size(upload: UploadedFile) -> None:
    if upload.size is not None and upload.size > MAX_SOURCE_FILE_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."), code="file_too_large")


class DatePrecision(models.TextChoices):
    """Many articles give only a month or a year; the date is stored as its first day and shown as given."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Source(models.Model):
    """A document an answer relies on. Without a web address, `reference` says where its text is kept.

    Seed sources (the articles the project started from, which came without an address) use
    `reference = "seed:<file name>"` and `sha256` of that text, so the exact text read can be checked.
    """

    url = models.URLField(_("web address"), max_length=500, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where to find the source when it has no web address: a seed file (seed:…), an archive "
            "identifier or a records-request number."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the publication date the source gives."),
    )
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    file = models.FileField(
        _("stored copy"),
        upload_to="policy-sources/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(SOURCE_FILE_EXTENSIONS), validate_file_size],
    )
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, blank=True, help_text=_("Of the stored copy, or of the text we read.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_unique_url"),
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="source_unique_reference"
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(reference="") | ~Q(file=""),
                name="source_is_findable",
                violation_error_message=_("Give a web address, a reference or a stored copy."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title

    def save(self, *args: object, **kwargs: object) -> None:
        if self.published_on is not None:
            self.published_on = self.normalized_date(self.published_on, self.published_precision)
        if self.file and not self.sha256:
            self.sha256 = self.hash_file()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.published_on is not None:
            self.published_on = self.normalized_date(self.published_on, self.published_precision)

    def hash_file(self) -> str:
        """Reads the whole stored copy (up to 20 MB)."""
        digest = hashlib.sha256()
        self.file.open("rb")
        try:
            for chunk in self.file.chunks():
                digest.update(chunk)
        finally:
            self.file.seek(0)
        return digest.hexdigest()

    @staticmethod
    def normalized_date(value: dt.date, precision: str) -> dt.date:
        if precision == DatePrecision.YEAR:
            return value.replace(month=1, day=1)
        if precision == DatePrecision.MONTH:
            return value.replace(day=1)
        return value

    def published_display(self) -> str:
        """The publication date as precisely as the source gives it, in the current language."""
        if self.published_on is None:
            return ""
        formats_by_precision: dict[str, str] = {"year": "Y", "month": "YEAR_MONTH_FORMAT"}
        fmt = formats_by_precision.get(self.published_precision, "DATE_FORMAT")
        return formats.date_format(self.published_on, fmt)


class Citation(models.Model):
    """A policy relying on a source, with the passage that supports the answer."""

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(
        _("quoted passage"), blank=True, help_text=_("The words that support the answer.")
    )
    locator = models.CharField(
        _("where in the source"), max_length=200, blank=True, help_text=_("Page, section or paragraph.")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(fields=["policy", "source"], name="citation_unique_source_per_policy")
        ]

    def __str__(self) -> str:
        return str(self.source)

    def as_history(self) -> dict[str, object]:
        """What a revision records of a citation (uses `source` — a query unless loaded)."""
        return {
            "source": self.source_id,
            "title": self.source.title,
            "quote": self.quote,
            "locator": self.locator,
        }
