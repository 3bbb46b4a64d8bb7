from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from core.api.ids import as_id
from jurisdictions.models import Agency
from records_requests.calculator import calculate
from records_requests.documents import attachment_response
from records_requests.follow_through import LETTER_KINDS, dashboard_action, next_steps
from records_requests.forms import (
    DeadlineForm,
    EventForm,
    RequestCreateForm,
    RequestEditForm,
    RequestListFilterForm,
)
from records_requests.letters import letter_compose, records_sought
from records_requests.models import RecordsRequest
from records_requests.services import event_add, request_create, request_update
from records_requests.timeline import derive

LOGIN_URL = reverse_lazy("records_requests:login")
PAGE_SIZE = 50


def deadline_calculator(request: HttpRequest) -> HttpResponse:
    """A GET form: bookmarkable, works without JavaScript. Two queries (state list, the law).
    `?state=NV` alone (the link on agency pages) pre-fills the state and today's date, and asks nothing yet."""
    if "received" in request.GET:
        form = DeadlineForm(request.GET)
    else:
        state = request.GET.get("state", "").strip().upper()[:2]
        form = DeadlineForm(initial={"state": state, "received": timezone.localdate()})
    calc = None
    if form.is_bound and form.is_valid():
        calc = calculate(form.cleaned_data["state"], form.cleaned_data["received"])
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "records_requests/deadline.html", {"form": form, "calc": calc}, status=status)


def request_list(request: HttpRequest) -> HttpResponse:
    """Requests the viewer may see, filtered. Three queries: state choices, count, one page."""
    form = RequestListFilterForm(request.GET or None)
    requests = RecordsRequest.objects.visible_to(request.user).for_list()
    filters: dict[str, str] = {}
    if form.is_valid():
        data = form.cleaned_data
        if data["state"]:
            requests = requests.filter(agency__state__postal=data["state"])
            filters["state"] = data["state"]
        if data["status"]:
            requests = requests.filter(status=data["status"])
            filters["status"] = data["status"]
        if data["overdue"]:
            requests = requests.overdue()
            filters["overdue"] = "true"
        if data["agency"]:
            requests = requests.filter(agency_id=data["agency"])
            filters["agency"] = str(data["agency"])
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    csv_url = f"{reverse('api:records-request-list')}?{urlencode({**filters, 'format': 'csv'})}"
    return render(
        request,
        "records_requests/request_list.html",
        {
            "form": form,
            "page": page,
            "csv_url": csv_url,
            "query": urlencode(filters),
            "today": timezone.localdate(),
        },
    )


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request and its timeline: two queries (request with agency and law, events)."""
    records_request = get_object_or_404(
        RecordsRequest.objects.visible_to(request.user).select_related("agency__state__records_law"), pk=pk
    )
    events = list(records_request.events.all())
    law = getattr(records_request.agency.state, "records_law", None)
    today = timezone.localdate()
    derived = derive(events, law.terms() if law else None, today=today)
    is_owner = request.user.is_authenticated and request.user.pk == records_request.requester_id
    steps = next_steps(
        derived, law, events, today, reminder_days=getattr(settings, "RECORDS_REMINDER_DAYS", 2)
    )
    return render(
        request,
        "records_requests/request_detail.html",
        {
            "rr": records_request,
            "events": events,
            "derived": derived,
            "deadline": derived.deadline,
            "law": law,
            "today": today,
            "days_elapsed": derived.deadline.days_elapsed(today) if derived.deadline else None,
            "is_owner": is_owner,
            "steps": steps,
            "letters": [(kind, LETTER_KINDS[kind]) for kind in steps.letters] if is_owner else [],
        },
    )


@login_required(login_url=LOGIN_URL)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The organizer's own requests, latest first, each with what to do next. One query (the requests
    joined with agency, state and law) after the session's two."""
    today = timezone.localdate()
    reminder_days = getattr(settings, "RECORDS_REMINDER_DAYS", 2)
    requests = list(
        RecordsRequest.objects.filter(requester_id=request.user.pk)
        .for_list()
        .select_related("agency__state__records_law")
    )
    actions = [(rr, dashboard_action(rr, today, reminder_days=reminder_days)) for rr in requests]
    return render(
        request,
        "records_requests/dashboard.html",
        {"requests": requests, "actions": actions, "today": today},
    )


@login_required(login_url=LOGIN_URL)
def request_create_view(request: HttpRequest) -> HttpResponse:
    """Choose an agency (?agency=ID, or search ?q=), tick questions, preview the letter, save."""
    agency_id = as_id(request.POST.get("agency") or request.GET.get("agency") or "")
    if agency_id is None:
        query = request.GET.get("q", "").strip()[:100]
        matches = Agency.objects.for_directory().search(query)[:25] if query else []
        return render(request, "records_requests/choose_agency.html", {"q": query, "matches": matches})
    agency = get_object_or_404(Agency.objects.select_related("state__records_law"), pk=agency_id)
    law = getattr(agency.state, "records_law", None)
    name = request.user.get_full_name() or request.user.get_username()  # type: ignore[union-attr]
    if request.method != "POST":
        form = RequestCreateForm(initial={"agency": agency.pk, "requester_name": name})
        return render(
            request, "records_requests/request_create.html", {"form": form, "agency": agency, "law": law}
        )
    form = RequestCreateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        sought = records_sought(data["questions"], data["other_records"], data["language"])
        letter = data["letter"].strip() or letter_compose(
            agency=agency,
            law=law,
            sought=sought,
            requester_name=data["requester_name"],
            language=data["language"],
            return_address=data["return_address"],
        )
        if "preview" in request.POST:
            post = request.POST.copy()
            post["letter"] = letter
            form = RequestCreateForm(post)
            form.is_valid()
        else:
            records_request = request_create(
                requester=request.user,  # type: ignore[arg-type]
                agency=agency,
                title=data["title"],
                records_sought=sought,
                letter=letter,
                visibility=data["visibility"],
                embargo_until=data["embargo_until"],
                sent_on=data["sent_on"],
                return_address=data["return_address"],
            )
            messages.success(request, _("Request saved. Log each reply from the agency on this page."))
            return redirect(records_request)
    return render(
        request,
        "records_requests/request_create.html",
        {"form": form, "agency": agency, "law": law},
        status=200 if form.is_valid() else 400,
    )


@login_required(login_url=LOGIN_URL)
def event_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Log what happened on one's own request (staff may log on any)."""
    records_request = get_object_or_404(RecordsRequest.objects.select_related("agency"), pk=pk)
    if records_request.requester_id != request.user.pk and not request.user.is_staff:
        raise Http404
    form = EventForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event_add(
                records_request=records_request,
                kind=data["kind"],
                date=data["date"],
                text=data["text"],
                extended_to=data["extended_to"],
                document=data["document"],
                author=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Logged."))
            return redirect(records_request)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "records_requests/event_form.html", {"form": form, "rr": records_request}, status=status
    )


@login_required(login_url=LOGIN_URL)
def request_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit one's own request; the old values are kept (RequestRevision)."""
    records_request = get_object_or_404(RecordsRequest, pk=pk, requester_id=request.user.pk)
    # A second copy for the form: ModelForm writes the new values into its instance, and request_update
    # must compare them with the old ones.
    form = RequestEditForm(request.POST or None, instance=RecordsRequest.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        request_update(records_request=records_request, editor=request.user, **changed)  # type: ignore[arg-type]
        messages.success(request, _("Saved. The previous version is kept in the request's history."))
        return redirect(records_request)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "records_requests/request_edit.html",
        {
            "form": form,
            "rr": records_request,
            "revisions": records_request.revisions.select_related("editor"),
        },
        status=status,
    )


def event_document(request: HttpRequest, pk: int, event_pk: int) -> FileResponse:
    """An event's document, for whoever may see its request (files are never served straight from
    MEDIA_ROOT, where a private request's documents would be readable by anyone who knew the name)."""
    records_request = get_object_or_404(RecordsRequest.objects.visible_to(request.user), pk=pk)
    event = get_object_or_404(records_request.events.exclude(document=""), pk=event_pk)
    return attachment_response(event.document)
