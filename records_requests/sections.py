"""The records-requests section of an agency's page: its latest requests the viewer may see and its record.

Called by the page's view (`pages.agency`), which renders
`records_requests/includes/_agency_requests_list.html` with what this returns.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from jurisdictions.models import Agency
from records_requests.models import RecordsRequest
from records_requests.timeline import CLOCK_RUNNING, OPEN_STATUSES

AGENCY_PAGE_LIMIT = 10
ANSWERED = ["released", "partial", "no_records", "denied"]


def agency_record(requests: QuerySet[RecordsRequest], today: date) -> dict[str, int]:
    """Counts of an agency's visible requests by outcome, in one aggregate query."""
    return requests.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=CLOCK_RUNNING, due_on__lt=today)),
        answered=Count("pk", filter=Q(status__in=ANSWERED)),
    )


def agency_requests(agency: Agency, *, user: Any, today: date) -> dict[str, Any]:
    """Two queries, whatever the count: the latest requests, and the record."""
    visible = RecordsRequest.objects.visible_to(user).filter(agency=agency)
    return {
        "requests": list(visible.order_by("-created_at", "-pk")[:AGENCY_PAGE_LIMIT]),
        "record": agency_record(visible, today),
        "limit": AGENCY_PAGE_LIMIT,
        "today": today,
    }
