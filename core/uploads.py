"""Stored uploads: unguessable names, and served only as downloads typed from their first bytes.

MEDIA_ROOT is never served by URL (config/urls.py); each app serves its files through a view that checks
who may see them and answers with `attachment_response`.
"""

from __future__ import annotations

import secrets
from pathlib import PurePosixPath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse

SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def sniff_type(head: bytes) -> str | None:
    for magic, content_type in SIGNATURES.items():
        if head.startswith(magic):
            return content_type
    return None


def stored_name(folder: str, filename: str) -> str:
    """`folder/<32 random hex>/<original name>`: the random part makes stored paths unguessable (a path
    is never a permission), the original name is kept for the download."""
    name = PurePosixPath(filename.replace("\\", "/")).name or "document"
    return f"{folder}/{secrets.token_hex(16)}/{name}"


def attachment_response(document: FieldFile) -> FileResponse:
    """Serve a stored upload as a download whose type comes from its first bytes (PDF, PNG, JPEG, or
    application/octet-stream for anything else, HTML included), never from its name. Opens the file;
    raises FileNotFoundError when storage lost it."""
    handle = document.open("rb")
    content_type = sniff_type(handle.read(8)) or "application/octet-stream"
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePosixPath(document.name or "document").name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
