"""Plain-language pages: what 287(g) and its three models are, what a detainer is, a glossary, and where
each fact on the site comes from (with the dates of the data it was read from)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from agreements.models import Snapshot
from jurisdictions.models import Agency
from policies.models import StateLaw

EXPLAINERS = {
    "287g": "pages/explainers/287g.html",
    "jail-enforcement-model": "pages/explainers/jail_enforcement_model.html",
    "task-force-model": "pages/explainers/task_force_model.html",
    "warrant-service-officer": "pages/explainers/warrant_service_officer.html",
    "detainers": "pages/explainers/detainers.html",
}


def explainer(request: HttpRequest, slug: str) -> HttpResponse:
    template = EXPLAINERS.get(slug)
    if template is None:
        raise Http404
    return render(request, template, {"slug": slug})


def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/explainers/glossary.html")


def methodology(request: HttpRequest) -> HttpResponse:
    """Queries: the latest ICE list (1), the count of agencies from the FBI roster (1), the newest state-law
    check (1)."""
    latest = Snapshot.objects.public().filter(kind="participating").first()
    pending = Snapshot.objects.public().filter(kind="pending").first()
    roster_agencies = Agency.objects.filter(ori__isnull=False).count()
    law_checked = StateLaw.objects.order_by("-checked").values_list("checked", flat=True).first()
    return render(
        request,
        "pages/explainers/methodology.html",
        {
            "latest": latest,
            "pending": pending,
            "roster_agencies": roster_agencies,
            "law_checked": law_checked,
        },
    )
