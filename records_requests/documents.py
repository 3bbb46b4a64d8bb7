"""Checks for uploaded documents: the type is read from the first bytes, never from the name."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils.translation import gettext_lazy as _

from core.uploads import SIGNATURES, attachment_response, sniff_type, stored_name

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
__all__ = ["SIGNATURES", "attachment_response", "sniff_type", "stored_name", "validate_document"]


def validate_document(upload: File) -> None:
    """Accept PDF, PNG or JPEG up to 20 MB. Reads 8 bytes and rewinds."""
    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)s MB."),
            code="too_large",
            params={"mb": MAX_DOCUMENT_BYTES // 2**20},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if sniff_type(head) is None:
        raise ValidationError(_("Upload a PDF, PNG or JPEG file."), code="bad_type")
