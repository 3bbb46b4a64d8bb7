"""Plain functions that make documents rows for tests (PDF bytes to store: pdfs.py)."""

import datetime as dt

from agreements.models import Agreement
from documents.models import MoaDocument
from jurisdictions.models import Agency


def moa_document(
    agency: Agency | None, *, agreement: Agreement | None = None, kind: str = "moa", n: int = 1
) -> MoaDocument:
    """A stored MOA row as extraction leaves it (no file behind it: for tests that never open one)."""
    return MoaDocument.objects.create(
        agency=agency,
        agreement=agreement,
        kind=kind,
        file=f"moa/test-{n}.pdf",
        sha256=f"{n:064d}",
        size=100,
        extracted_signed=dt.date(2025, 3, 4),
        extracted_model="JEM",
    )
