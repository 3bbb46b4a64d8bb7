import datetime as dt
import hashlib

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement
from documents.fetch import FetchError
from documents.models import MoaDocument, MoaFetch
from documents.services import document_review, document_store, moa_fetch
from tests.documents.conftest import Routes
from tests.documents.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def test_store_keeps_the_file_its_hash_and_the_extracted_fields(moa_pdf: bytes) -> None:
    document = document_store(
        content=moa_pdf, source_url="https://www.ice.gov/doclib/287gMOA/Esm_JEM_MOA.pdf"
    )
    assert document.sha256 == hashlib.sha256(moa_pdf).hexdigest()
    assert document.file.read() == moa_pdf
    assert (document.file_name, document.size, document.page_count) == ("Esm_JEM_MOA.pdf", len(moa_pdf), 1)
    assert (document.extraction_status, document.extracted_model) == ("ok", "JEM")
    assert document.extracted_signed == dt.date(2025, 3, 5)
    assert document.extracted_contacts[0]["name"] == "Ana Lopez"
    assert document.review_status == "unreviewed"


def test_the_same_bytes_are_one_document(moa_pdf: bytes, agreement: Agreement) -> None:
    first = document_store(content=moa_pdf, source_url="")
    second = document_store(content=moa_pdf, source_url="https://example.org/copy.pdf", agreement=agreement)
    assert second.pk == first.pk
    assert MoaDocument.objects.count() == 1
    second.refresh_from_db()
    assert (second.agreement, second.agency) == (agreement, agreement.agency)
    assert second.source_url == ""  # the first source is kept


def test_bytes_that_are_not_a_pdf_are_never_stored() -> None:
    with pytest.raises(ValueError, match="not a PDF"):
        document_store(content=b"GIF89a...", source_url="")
    assert not MoaDocument.objects.exists()


def test_a_locked_pdf_is_stored_and_opened_later_with_its_password() -> None:
    content = make_pdf("287(g) Task Force Model\nDate: 6/18/2025", user_password="s3cret")
    locked = document_store(content=content, source_url="")
    assert (locked.extraction_status, locked.encrypted, locked.text) == ("needs_password", True, "")
    opened = document_store(content=content, source_url="", password="s3cret")
    assert opened.pk == locked.pk
    opened.refresh_from_db()
    assert (opened.extraction_status, opened.extracted_model) == ("ok", "TFM")


def test_fetch_records_success_with_the_document(web: Routes, moa_pdf: bytes, agreement: Agreement) -> None:
    web["/a.pdf"] = (200, "application/pdf", moa_pdf)
    attempt = moa_fetch(url=web.url("/a.pdf"), agreement=agreement)
    assert attempt.status == "ok"
    assert attempt.document is not None
    assert attempt.document.agreement == agreement


def test_fetch_records_a_permanent_failure_and_returns(web: Routes, agreement: Agreement) -> None:
    attempt = moa_fetch(url=web.url("/missing.pdf"), agreement=agreement)
    assert (attempt.status, attempt.document) == ("failed", None)
    assert "HTTP 404" in attempt.error


def test_fetch_records_a_transient_failure_then_raises(web: Routes, agreement: Agreement) -> None:
    web["/busy.pdf"] = (502, "text/plain", b"")
    with pytest.raises(FetchError):
        moa_fetch(url=web.url("/busy.pdf"), agreement=agreement)
    assert MoaFetch.objects.get().error.endswith("HTTP 502 Bad Gateway")


def test_review_unchanged_is_confirmed(moa_pdf: bytes) -> None:
    editor = User.objects.create_user("editor")
    document = document_store(content=moa_pdf, source_url="")
    document_review(
        document=document,
        reviewer=editor,
        signed=document.extracted_signed,
        model=document.extracted_model,
        contacts=document.extracted_contacts,
    )
    document.refresh_from_db()
    assert (document.review_status, document.reviewed_by) == ("confirmed", editor)
    assert document.reviewed_at is not None


def test_review_with_changes_is_corrected_and_keeps_the_machines_evidence(moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    document_review(
        document=document,
        reviewer=User.objects.create_user("editor"),
        signed=dt.date(2025, 3, 4),
        model="JEM",
        contacts=[],
    )
    document.refresh_from_db()
    assert (document.review_status, document.extracted_signed) == ("corrected", dt.date(2025, 3, 4))
    assert document.extraction_notes["signed"]["value"] == "2025-03-05"


def test_extracting_again_never_overwrites_an_editors_answer(moa_pdf: bytes) -> None:
    from documents.services import document_extract

    document = document_store(content=moa_pdf, source_url="")
    document_review(
        document=document,
        reviewer=User.objects.create_user("editor"),
        signed=dt.date(2025, 3, 4),
        model="TFM",
        contacts=[],
    )
    document_extract(document=document)
    document.refresh_from_db()
    assert (document.extracted_signed, document.extracted_model) == (dt.date(2025, 3, 4), "TFM")
