"""The documents section of an agency's page: its stored MOAs with date and model, newest first.

Called by the page's view (`pages.agency`), which renders `documents/includes/_agency_documents.html`.
"""

from __future__ import annotations

from typing import Any

from documents.models import MoaDocument
from jurisdictions.models import Agency


def agency_documents(agency: Agency) -> dict[str, Any]:
    """One query (the agreement joined)."""
    return {"documents": list(MoaDocument.objects.for_agency(agency))}
