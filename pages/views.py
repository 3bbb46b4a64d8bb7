from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from jurisdictions.models import Agency, AgencyKind, County, Place, State, ZipCode
from pages.agency import agency_page, latest_list
from pages.answer import ANSWER_TOPICS, build_answer
from pages.directory import with_summary
from pages.home import home_context
from pages.map import county_map_context, county_statuses
from pages.search import search as run_search
from policies.models import Policy, StateLaw
from policies.sections import state_policies


def _map_statuses(state: State) -> dict[str, str]:
    """One query: each county's agreement statuses, through the `agreements` reverse relation. Filtered on
    the agency's own state (indexed; an agency's county is in its state), unordered: 15 -> ~3 ms for TX."""
    return county_statuses(
        Agency.objects.filter(state=state, county__isnull=False, agreements__isnull=False)
        .order_by()
        .values_list("county__fips", "agreements__status")
    )


def home(request: HttpRequest) -> HttpResponse:
    """Answers first, then a map of the states (the counties are on each state's page). Queries: 5 (see
    pages.home.home_context), 6 when the chart's cache is cold."""
    return render(request, "pages/home.html", home_context())


def search(request: HttpRequest) -> HttpResponse:
    results = run_search(request.GET.get("q", ""), page=request.GET.get("page"))
    if results.single_target and not results.error:
        return redirect(results.single_target)
    status = 200 if not results.error else 400
    return render(request, "pages/search.html", {"results": results}, status=status)


STATE_AGENCIES_PER_PAGE = 100


def state_detail(request: HttpRequest, state: str) -> HttpResponse:
    """Queries, whatever the number of agencies and counties: the state with its records law (1); its
    agencies counted (1); the page's agency ids (1); those agencies with their roll-up (1); the map's
    statuses (1) and counties (1); the state's policies, their sources and its laws (3)."""
    state_obj = get_object_or_404(State.objects.select_related("records_law"), slug=state)
    # Page through bare ids, then roll up only the page's agencies: the roll-up's GROUP BY over every
    # agency of a big state was the slowest query on the page.
    pager = Paginator(
        Agency.objects.filter(state=state_obj).order_by("name", "id").values_list("pk", flat=True),
        STATE_AGENCIES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    # Only what the table shows (name, link, kind, county): 200 model instances a page rather than 500.
    agencies = with_summary(
        Agency.objects.filter(pk__in=list(pager.object_list))
        .select_related("county")
        .only("name", "slug", "kind", "county__name")
        .order_by("name", "id")
    )
    return render(
        request,
        "pages/state_detail.html",
        {
            "state": state_obj,
            "agencies": list(agencies),
            "pager": pager,
            "policies": state_policies(state_obj),
            **county_map_context(
                counties=County.objects.filter(state=state_obj),
                statuses=_map_statuses(state_obj),
                title=gettext("287(g) agreements by county in %(state)s") % {"state": state_obj.name},
                state_postal=state_obj.postal,
            ),
        },
    )


def _answer_policies(agencies: list[Agency]) -> list[Policy]:
    """One query: the agencies' own published answers on detainers and 287(g), for the answer box."""
    return list(Policy.objects.published().filter(agency__in=agencies, topic__in=ANSWER_TOPICS))


def _zip_in_county(raw: str, county: County) -> ZipCode | None:
    """One query (none without `?zip=`): the ZIP code when it reaches into this county."""
    if not (raw.isdigit() and len(raw) == 5):
        return None
    return (
        ZipCode.objects.select_related("place")
        .filter(code=raw)
        .filter(Q(county=county) | Q(county_shares__county=county))
        .distinct()
        .first()
    )


def _town_in_county(raw: str, county: County) -> str:
    """One query (none without `?town=`, from a town in the search results): the town's name when it is
    in this county."""
    name = raw.strip()[:100]
    if not name:
        return ""
    found = (
        Place.objects.filter(Q(county=county) | Q(counties=county), name=name)
        .values_list("name", flat=True)
        .first()
    )
    return found or ""


def county_detail(request: HttpRequest, state: str, county: str) -> HttpResponse:
    """The answer first, then the local agencies (sheriff, town and county police, then the rest), the
    county units of state agencies, and the state's own agencies that hold or seek a 287(g) agreement.
    `?zip=` (from a ZIP search) names the ZIP's town and puts its police first; `?town=` (a town in the
    search results) does the same for the town.

    Queries: county (1), serving agencies (1), statewide agencies (1), ICE's latest list (1), the answer's
    policies (1), the state's laws (1), the ZIP code or the town (1, with `?zip=` or `?town=`)."""
    county_obj = get_object_or_404(County.objects.select_related("state"), state__slug=state, slug=county)
    serving = list(with_summary(Agency.objects.for_directory().in_county(county_obj)).local_first())
    statewide = list(
        with_summary(Agency.objects.for_directory().statewide_in(county_obj.state_id))
        .filter(agreements__isnull=False)
        .local_first()
    )
    state_kinds = AgencyKind.statewide()
    local = [a for a in serving if a.kind not in state_kinds and a.parent_id is None]
    state_units = [a for a in serving if a.kind in state_kinds or a.parent_id is not None]
    zip_code = _zip_in_county(request.GET.get("zip", ""), county_obj)
    town = zip_code.place.name if zip_code is not None and zip_code.place is not None else ""
    if not zip_code:
        town = _town_in_county(request.GET.get("town", ""), county_obj)
    latest = latest_list()
    answer = build_answer(
        place=f"{county_obj.name}, {county_obj.state.name}",
        local_agencies=local,
        statewide_agencies=[*state_units, *statewide],
        policies=_answer_policies([*local, *state_units, *statewide]),
        laws=StateLaw.objects.for_state(county_obj.state_id),
        list_date=latest.published if latest else None,
        list_url=latest.get_absolute_url() if latest else "",
        today=timezone.localdate(),
        town=town,
    )
    return render(
        request,
        "pages/county_detail.html",
        {
            "county": county_obj,
            "answer": answer,
            "zip_code": zip_code.code if zip_code else "",
            "town": town,
            "agencies": local,
            "state_units": state_units,
            "statewide": statewide,
        },
    )


def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The answer, then the agency's agreements, policies, documents and records requests: `pages.agency`."""
    context = agency_page(slug, user=request.user, today=timezone.localdate())
    return render(request, "pages/agency_detail.html", context)
