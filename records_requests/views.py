from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from records_requests.calculator import calculate
from records_requests.deadlines import LawTerms
from records_requests.forms import DeadlineForm
from records_requests.models import RecordsRequest
from records_requests.timeline import derive


def deadline_calculator(request: HttpRequest) -> HttpResponse:
    """A GET form: bookmarkable, works without JavaScript. Two queries (state list, the law)."""
    form = DeadlineForm(request.GET or None)
    calc = None
    if form.is_bound and form.is_valid():
        calc = calculate(form.cleaned_data["state"], form.cleaned_data["received"])
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "records_requests/deadline.html", {"form": form, "calc": calc}, status=status)


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request and its timeline: 3 queries (request with agency and law, events, revisions count)."""
    records_request = get_object_or_404(
        RecordsRequest.objects.visible_to(request.user).select_related(
            "agency__state__records_law", "agency__county", "requester"
        ),
        pk=pk,
    )
    events = list(records_request.events.all())
    derived = derive(events, _terms(records_request), today=timezone.localdate())
    return render(
        request,
        "records_requests/request_detail.html",
        {
            "rr": records_request,
            "events": events,
            "derived": derived,
            "law": getattr(records_request.agency.state, "records_law", None),
            "is_owner": request.user.is_authenticated and request.user.pk == records_request.requester_id,
        },
    )


def _terms(records_request: RecordsRequest) -> LawTerms | None:
    law = getattr(records_request.agency.state, "records_law", None)
    return law.terms() if law else None
