import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from documents.models import MoaDocument
from documents.services import document_store
from tests.documents.pdfs import make_pdf

pytestmark = pytest.mark.django_db

ADD_URL = "admin:documents_moadocument_add"


@pytest.fixture
def editor(client: Client) -> User:
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def _upload(client: Client, content: bytes, name: str = "moa.pdf", **data: str):
    return client.post(
        reverse(ADD_URL), {"upload": SimpleUploadedFile(name, content), "kind": "moa", **data}, follow=True
    )


def test_upload_stores_and_extracts(client: Client, editor: User, moa_pdf: bytes) -> None:
    response = _upload(client, moa_pdf, "esmeralda.pdf")
    assert response.status_code == 200
    document = MoaDocument.objects.get()
    assert (document.file_name, document.uploaded_by, document.extracted_model) == (
        "esmeralda.pdf",
        editor,
        "JEM",
    )


def test_a_file_named_pdf_that_is_not_one_is_refused(client: Client, editor: User) -> None:
    response = _upload(client, b"MZ\x90\x00 an executable", "moa.pdf")
    assert "This file is not a PDF." in response.content.decode()
    assert not MoaDocument.objects.exists()


def test_a_file_over_the_size_cap_is_refused(
    client: Client, editor: User, moa_pdf: bytes, monkeypatch
) -> None:
    monkeypatch.setattr("documents.forms.MAX_BYTES", len(moa_pdf) - 1)
    response = _upload(client, moa_pdf)
    assert "The file is larger than" in response.content.decode()
    assert not MoaDocument.objects.exists()


def test_an_encrypted_upload_is_opened_with_the_password_given(client: Client, editor: User) -> None:
    _upload(client, make_pdf("287(g) Task Force Model", user_password="pw1"), password="pw1")
    assert MoaDocument.objects.get().extracted_model == "TFM"


def _review(client: Client, document: MoaDocument, **changes: object):
    data = {
        "kind": document.kind,
        "agreement": document.agreement_id or "",
        "agency": document.agency_id or "",
        "extracted_signed": document.extracted_signed.isoformat() if document.extracted_signed else "",
        "extracted_model": document.extracted_model,
        "extracted_contacts": json.dumps(document.extracted_contacts),
        "fetches-TOTAL_FORMS": "0",
        "fetches-INITIAL_FORMS": "0",
        "fetches-MIN_NUM_FORMS": "0",
        "fetches-MAX_NUM_FORMS": "0",
        **changes,
    }
    return client.post(reverse("admin:documents_moadocument_change", args=[document.pk]), data)


def test_saving_unchanged_fields_confirms_them(client: Client, editor: User, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    response = _review(client, document)
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert (document.review_status, document.reviewed_by) == ("confirmed", editor)


def test_saving_a_correction_marks_it_corrected(client: Client, editor: User, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    contacts = [{"name": "Ana López", "title": "Sheriff", "phones": ["775-485-0000"]}]
    response = _review(
        client, document, extracted_signed="2025-03-04", extracted_contacts=json.dumps(contacts)
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.review_status, document.extracted_signed) == ("corrected", dt.date(2025, 3, 4))
    assert document.extracted_contacts == contacts


def test_contacts_with_unknown_keys_are_refused(client: Client, editor: User, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    response = _review(client, document, extracted_contacts=json.dumps([{"nmae": "typo"}]))
    assert response.status_code == 200
    assert "Unknown keys: nmae." in response.content.decode()
    document.refresh_from_db()
    assert document.review_status == "unreviewed"


def test_bulk_confirm_action(client: Client, editor: User, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    client.post(
        reverse("admin:documents_moadocument_changelist"),
        {"action": "confirm_extracted", "_selected_action": [document.pk]},
    )
    document.refresh_from_db()
    assert document.review_status == "confirmed"


def test_changelist_and_change_pages_render(client: Client, editor: User, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    assert client.get(reverse("admin:documents_moadocument_changelist")).status_code == 200
    page = client.get(reverse("admin:documents_moadocument_change", args=[document.pk]))
    assert page.status_code == 200
    assert "Review what was read from the PDF" in page.content.decode()
    assert client.get(reverse(ADD_URL)).status_code == 200
    assert client.get(reverse("admin:documents_moafetch_changelist")).status_code == 200
