from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from jurisdictions.models import Agency, AgencyKind, County, State
from pages.home import home_context
from pages.map import county_map_context, county_statuses
from pages.search import search as run_search


def _map_statuses(**county_filter: object) -> dict[str, str]:
    """One query: each county's agreement statuses, through the `agreements` reverse relation."""
    return county_statuses(
        Agency.objects.filter(county__isnull=False, agreements__isnull=False, **county_filter).values_list(
            "county__fips", "agreements__status"
        )
    )


def home(request: HttpRequest) -> HttpResponse:
    """Answers first, then a map of the states (the counties are on each state's page). Queries: 5 (see
    pages.home.home_context), 6 when the chart's cache is cold."""
    return render(request, "pages/home.html", home_context())


def search(request: HttpRequest) -> HttpResponse:
    results = run_search(request.GET.get("q", ""))
    if results.single_target and not results.error:
        return redirect(results.single_target)
    status = 200 if not results.error else 400
    return render(request, "pages/search.html", {"results": results}, status=status)


STATE_AGENCIES_PER_PAGE = 100


def state_detail(request: HttpRequest, state: str) -> HttpResponse:
    state_obj = get_object_or_404(State.objects.select_related("records_law"), slug=state)
    agencies = Paginator(
        Agency.objects.for_directory().filter(state=state_obj).with_summary(), STATE_AGENCIES_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "pages/state_detail.html",
        {
            "state": state_obj,
            "agencies": agencies,
            **county_map_context(
                counties=County.objects.filter(state=state_obj),
                statuses=_map_statuses(county__state=state_obj),
                title=gettext("287(g) agreements by county in %(state)s") % {"state": state_obj.name},
                state_postal=state_obj.postal,
            ),
        },
    )


def county_detail(request: HttpRequest, state: str, county: str) -> HttpResponse:
    """Local agencies first (sheriff, town and county police, then the rest), then the county units of
    state agencies, then the state's own agencies that hold or seek a 287(g) agreement. Queries: 4."""
    county_obj = get_object_or_404(County.objects.select_related("state"), state__slug=state, slug=county)
    serving = list(Agency.objects.for_directory().in_county(county_obj).with_summary().local_first())
    statewide = (
        Agency.objects.for_directory()
        .statewide_in(county_obj.state_id)
        .with_summary()
        .filter(agreements__isnull=False)
        .local_first()
    )
    state_kinds = AgencyKind.statewide()
    return render(
        request,
        "pages/county_detail.html",
        {
            "county": county_obj,
            "agencies": [a for a in serving if a.kind not in state_kinds and a.parent_id is None],
            "state_units": [a for a in serving if a.kind in state_kinds or a.parent_id is not None],
            "statewide": list(statewide),
        },
    )


def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Queries: the agency with its state, county, place and parent (1), aliases (1), counties (1), units (1)."""
    agency = get_object_or_404(
        Agency.objects.for_directory()
        .select_related("parent")
        .prefetch_related("aliases", "counties", Prefetch("units", Agency.objects.order_by("name"))),
        slug=slug,
    )
    return render(request, "pages/agency_detail.html", {"agency": agency})
