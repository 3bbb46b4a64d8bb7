from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from jurisdictions.models import Agency, AgencyKind, County, State
from pages.directory import with_summary
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
    context = {
        "states": State.objects.for_directory(),
        **county_map_context(
            counties=County.objects.all(),
            statuses=_map_statuses(),
            title=gettext("287(g) agreements by county"),
            table_every_county=False,
        ),
    }
    return render(request, "pages/home.html", context)


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
        with_summary(Agency.objects.for_directory().filter(state=state_obj)), STATE_AGENCIES_PER_PAGE
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
    serving = list(with_summary(Agency.objects.for_directory().in_county(county_obj)).local_first())
    statewide = (
        with_summary(Agency.objects.for_directory().statewide_in(county_obj.state_id))
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
