"""Uploads are judged by their first bytes and size, never by their name or declared type."""

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from documents.fetch import MAX_BYTES as MOA_MAX
from documents.forms import DocumentUploadForm
from records_requests.documents import MAX_DOCUMENT_BYTES
from records_requests.forms import EventForm
from records_requests.models import RequestEvent
from records_requests.services import request_create
from tests.jurisdictions import factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DISGUISED = {
    "html.pdf": b"<html><script>alert(document.cookie)</script></html>",
    "svg.pdf": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "js.pdf": b"alert(1)//%PDF-1.4",
    "exe.pdf": b"MZ\x90\x00\x03\x00\x00\x00",
    "bom.pdf": b"\xef\xbb\xbf%PDF-1.4",
    "empty.pdf": b"",
}


def upload(name: str, content: bytes, size: int | None = None) -> SimpleUploadedFile:
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    if size is not None:
        file.size = size
    return file


def event_errors(file: SimpleUploadedFile) -> list[str]:
    form = EventForm(
        {"kind": "note", "date": "2026-01-06", "text": "t"}, MultiValueDict({"document": [file]})
    )
    form.is_valid()
    return [str(e) for e in form.errors.get("document", [])]


@pytest.mark.parametrize("name", sorted(DISGUISED))
def test_event_document_rejects_disguised_files(name: str) -> None:
    errors = event_errors(upload(name, DISGUISED[name]))
    assert errors, name


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("reply.pdf", PDF),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 16),
        ("scan.jpg", b"\xff\xd8\xff\xe0rest"),
    ],
)
def test_event_document_accepts_pdf_png_jpeg(name: str, content: bytes) -> None:
    assert event_errors(upload(name, content)) == []


def test_event_document_rejects_oversize() -> None:
    assert event_errors(upload("big.pdf", PDF, size=MAX_DOCUMENT_BYTES + 1)) == [
        "The file is larger than 20 MB."
    ]


@pytest.mark.django_db
def test_log_event_view_refuses_html_as_pdf(client: Any, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    user = User.objects.create(username="uploader")
    rr = request_create(requester=user, agency=factories.agency(), title="t", records_sought="r")
    client.force_login(user)
    url = reverse("records_requests:add_event", kwargs={"pk": rr.pk})
    data = {
        "kind": "note",
        "date": "2026-01-06",
        "text": "t",
        "document": upload("x.pdf", DISGUISED["html.pdf"]),
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert not RequestEvent.objects.filter(request=rr).exists()
    assert not list(tmp_path.rglob("*"))  # nothing written to disk


def moa_errors(file: SimpleUploadedFile) -> list[str]:
    form = DocumentUploadForm({"kind": "moa"}, MultiValueDict({"upload": [file]}))
    form.is_valid()
    return [str(e) for e in form.errors.get("upload", [])]


# The MOA check follows the PDF spec (a header anywhere in the first 1024 bytes), stricter checks being
# the event documents'; these two are accepted there, see the next test.
LEADING_JUNK = {"bom.pdf", "js.pdf"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(DISGUISED) - LEADING_JUNK))
def test_moa_upload_rejects_non_pdf(name: str) -> None:
    assert moa_errors(upload(name, DISGUISED[name])), name


@pytest.mark.django_db
def test_moa_polyglot_is_accepted_but_never_sniffed(settings: Any) -> None:
    """A file with junk before `%PDF-` passes; it is served as application/pdf with nosniff, so a
    browser never runs it as HTML or script."""
    assert moa_errors(upload("js.pdf", DISGUISED["js.pdf"])) == []
    assert settings.SECURE_CONTENT_TYPE_NOSNIFF
    assert "django.middleware.security.SecurityMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_moa_upload_accepts_pdf_and_rejects_oversize() -> None:
    assert moa_errors(upload("moa.pdf", PDF)) == []
    assert moa_errors(upload("moa.pdf", PDF, size=MOA_MAX + 1))


# Served only through permission-checked views, as attachments typed from the bytes; stored under random names.


@pytest.mark.django_db
def test_media_root_is_not_served_even_with_debug_on(settings: Any, tmp_path: Any, client: Any) -> None:
    """config/urls.py is read with DEBUG on (as `make run` does), and a file put under MEDIA_ROOT is a 404."""
    import importlib

    from django.urls import clear_url_caches

    import config.urls

    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "requests" / "2").mkdir(parents=True)
    (tmp_path / "requests" / "2" / "private-reply.pdf").write_bytes(PDF)
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        response = client.get("/media/requests/2/private-reply.pdf")
        assert response.status_code == 404
        assert b"%PDF" not in response.content
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
        clear_url_caches()


@pytest.mark.django_db
def test_event_documents_get_random_stored_names(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    organizer = User.objects.create_user("o")
    rr = request_create(
        requester=organizer, agency=factories.agency("Clark County Sheriff"), title="t", records_sought="r"
    )
    from records_requests.services import event_add

    day = datetime.date(2026, 1, 7)
    names = {
        event_add(
            records_request=rr, kind="note", date=day, text="d", document=upload("reply.pdf", PDF)
        ).document.name
        for _ in range(2)
    }
    assert len(names) == 2
    for name in names:
        folder, token, file_name = name.rsplit("/", 2)
        assert folder == f"requests/{rr.pk}"
        assert len(token) == 32 and file_name == "reply.pdf"


@pytest.mark.django_db
def test_a_document_is_typed_from_its_bytes_and_downloaded(settings: Any, tmp_path: Any) -> None:
    """An upload named .html (or anything) is never served as a page: the content type comes from the
    first bytes, and the answer is an attachment."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from core.uploads import attachment_response
    from records_requests.models import RequestEvent

    settings.MEDIA_ROOT = tmp_path
    for name, content, expected in [
        ("page.html", b"%PDF-1.4 <html><script>alert(1)</script>", "application/pdf"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "application/octet-stream"),
    ]:
        field = RequestEvent(document=default_storage.save(name, ContentFile(content))).document
        response = attachment_response(field)
        assert response["Content-Type"] == expected
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        response.close()
