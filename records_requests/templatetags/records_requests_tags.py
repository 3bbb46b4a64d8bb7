from datetime import date
from typing import Any

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from jurisdictions.models import Agency
from records_requests.models import RecordsRequest
from records_requests.timeline import CLOCK_RUNNING, OPEN_STATUSES

register = template.Library()
AGENCY_PAGE_LIMIT = 10


def agency_record(requests: Any, today: date) -> dict[str, int]:
    """Counts of an agency's visible requests by outcome, in one aggregate query."""
    return requests.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=CLOCK_RUNNING, due_on__lt=today)),
        answered=Count("pk", filter=Q(status__in=["released", "partial", "no_records", "denied"])),
    )


@register.inclusion_tag("records_requests/includes/_agency_requests_list.html", takes_context=True)
def agency_requests(context: template.Context, agency: Agency) -> dict[str, Any]:
    """The agency's latest requests the viewer may see and its record: two queries, whatever the count."""
    request = context.get("request")
    user = getattr(request, "user", None)
    today = timezone.localdate()
    visible = RecordsRequest.objects.visible_to(user).filter(agency=agency)
    return {
        "agency": agency,
        "requests": list(visible.order_by("-created_at", "-pk")[:AGENCY_PAGE_LIMIT]),
        "record": agency_record(visible, today),
        "limit": AGENCY_PAGE_LIMIT,
        "today": today,
    }
