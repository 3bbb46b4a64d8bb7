"""Multi-step writes for MOA documents: store (dedup by SHA-256), fetch an agreement's links, review."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from agreements.models import Agreement
from documents.extract import Extracted, PdfText, fields_extract, looks_like_pdf, pdf_text
from documents.fetch import FetchError, pdf_fetch
from documents.models import DocumentKind, ExtractionStatus, FetchStatus, MoaDocument, MoaFetch, ReviewStatus


def file_name_from_url(url: str) -> str:
    return unquote(PurePosixPath(urlsplit(url).path).name)


def _apply_extraction(document: MoaDocument, pdf: PdfText, fields: Extracted) -> None:
    document.text = pdf.text
    document.page_count = pdf.page_count
    document.encrypted = pdf.encrypted
    document.extraction_status = pdf.status
    document.extraction_error = pdf.error
    document.extraction_notes = fields.notes
    if document.review_status == ReviewStatus.UNREVIEWED:
        # An editor's answers are never overwritten by a machine's second guess.
        document.extracted_signed = fields.signed
        document.extracted_model = fields.model
        document.extracted_contacts = fields.contacts


def document_store(
    *,
    content: bytes,
    source_url: str,
    agreement: Agreement | None = None,
    uploaded_by: User | None = None,
    file_name: str = "",
    kind: str = DocumentKind.MOA,
    password: str = "",
) -> MoaDocument:
    """Store a PDF once per SHA-256 and extract its text and fields; the same bytes again return the same row.

    Extraction (pypdf, ~0.2 s a page) runs before the transaction so no lock is held meanwhile. A known
    document gains the agreement (and agency) it lacked; a password re-extracts one that needed it.
    Raises ValueError for bytes that are not a PDF: nothing else is ever stored.
    """
    if not looks_like_pdf(content):
        raise ValueError("not a PDF (no %PDF- header in the first 1024 bytes)")
    sha256 = hashlib.sha256(content).hexdigest()
    file_name = file_name or file_name_from_url(source_url) or f"{sha256[:12]}.pdf"
    existing = MoaDocument.objects.filter(sha256=sha256).first()
    if existing is not None:
        return _update_existing(existing, agreement=agreement, password=password)
    pdf = pdf_text(content, password=password)
    fields = fields_extract(pdf.text, file_name=file_name)
    document = MoaDocument(
        agreement=agreement,
        agency_id=agreement.agency_id if agreement else None,
        kind=kind,
        source_url=source_url,
        file_name=file_name[:255],
        sha256=sha256,
        size=len(content),
        content_type="application/pdf",
        uploaded_by=uploaded_by,
    )
    _apply_extraction(document, pdf, fields)
    # A random stored name: the path says nothing about the document (downloads go through a view).
    document.file.save(f"{secrets.token_hex(16)}.pdf", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Another worker stored the same bytes between our check and our insert.
        document.file.storage.delete(document.file.name)
        return _update_existing(
            MoaDocument.objects.get(sha256=sha256), agreement=agreement, password=password
        )
    return document


def _update_existing(document: MoaDocument, *, agreement: Agreement | None, password: str) -> MoaDocument:
    changed: list[str] = []
    if agreement is not None and document.agreement_id is None:
        document.agreement = agreement
        document.agency_id = agreement.agency_id
        changed += ["agreement", "agency"]
    if password and document.extraction_status == ExtractionStatus.NEEDS_PASSWORD:
        return document_extract(document=document, password=password)
    if changed:
        document.save(update_fields=changed)
    return document


@transaction.atomic
def document_extract(*, document: MoaDocument, password: str = "") -> MoaDocument:
    """Extract again from the stored file (after a rule change, or with a password). Reads the whole file."""
    with document.file.open("rb") as handle:
        content = handle.read()
    pdf = pdf_text(content, password=password)
    _apply_extraction(document, pdf, fields_extract(pdf.text, file_name=document.file_name))
    document.save()
    return document


def moa_fetch(*, url: str, agreement: Agreement | None = None, kind: str = DocumentKind.MOA) -> MoaFetch:
    """Download one link, store the PDF, and record the attempt whatever happens.

    Raises FetchError only for transient failures (after recording them) so a task can retry;
    permanent ones (404, not a PDF, too large) are recorded and returned.
    """
    try:
        fetched = pdf_fetch(url)
    except FetchError as exc:
        attempt = MoaFetch.objects.create(
            agreement=agreement, url=url, kind=kind, status=FetchStatus.FAILED, error=str(exc)
        )
        if exc.transient:
            raise
        return attempt
    with transaction.atomic():
        document = document_store(
            content=fetched.content,
            source_url=url,
            agreement=agreement,
            file_name=file_name_from_url(fetched.url) or file_name_from_url(url),
            kind=kind,
        )
        return MoaFetch.objects.create(
            agreement=agreement, url=url, kind=kind, status=FetchStatus.OK, document=document
        )


MAX_FAILED_ATTEMPTS = 3


def agreements_to_fetch() -> QuerySet[Agreement]:
    """Agreements with a MOA or addendum link not yet stored, skipping links that failed 3 times.

    One query with four correlated EXISTS subqueries (index moa_fetch_agreement_recent).
    """

    def stored(field: str) -> Exists:
        return Exists(
            MoaFetch.objects.filter(agreement=OuterRef("pk"), url=OuterRef(field), status=FetchStatus.OK)
        )

    def given_up(field: str) -> Exists:
        failures = (
            MoaFetch.objects.filter(agreement=OuterRef("pk"), url=OuterRef(field), status=FetchStatus.FAILED)
            .order_by()
            .values("agreement")
            .annotate(n=Count("pk"))
            .filter(n__gte=MAX_FAILED_ATTEMPTS)
        )
        return Exists(failures)

    moa_missing = ~Q(moa_url="") & ~stored("moa_url") & ~given_up("moa_url")
    addendum_missing = ~Q(addendum_url="") & ~stored("addendum_url") & ~given_up("addendum_url")
    return Agreement.objects.filter(moa_missing | addendum_missing).order_by("pk")


def agreement_links(agreement: Agreement) -> list[tuple[str, str]]:
    return [
        (url, kind)
        for url, kind in (
            (agreement.moa_url, DocumentKind.MOA),
            (agreement.addendum_url, DocumentKind.ADDENDUM),
        )
        if url
    ]


@transaction.atomic
def document_review(
    *,
    document: MoaDocument,
    reviewer: User,
    signed: Any,
    model: str,
    contacts: list[dict[str, Any]],
) -> MoaDocument:
    """Record an editor's answer: "confirmed" when it equals what was extracted, "corrected" otherwise."""
    unchanged = (
        signed == document.extracted_signed
        and model == document.extracted_model
        and contacts == document.extracted_contacts
    )
    if document.review_status == ReviewStatus.CORRECTED and unchanged:
        status = ReviewStatus.CORRECTED  # confirming an earlier correction keeps it a correction
    else:
        status = ReviewStatus.CONFIRMED if unchanged else ReviewStatus.CORRECTED
    document.extracted_signed = signed
    document.extracted_model = model
    document.extracted_contacts = contacts
    document.review_status = status
    document.reviewed_by = reviewer
    document.reviewed_at = timezone.now()
    document.save(
        update_fields=[
            "extracted_signed",
            "extracted_model",
            "extracted_contacts",
            "review_status",
            "reviewed_by",
            "reviewed_at",
        ]
    )
    return document
