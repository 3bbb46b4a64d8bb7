from collections import defaultdict

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext

from core.uploads import attachment_response
from jurisdictions.models import State
from policies.models import Source, StateLaw, StateLawTopic
from policies.state_law_answers import Posture, state_postures
from policies.state_law_map import render_state_map

# ?view= on the state-laws page: which posture colours the map.
MAP_VIEWS = {"287g": StateLawTopic.AGREEMENTS_287G, "detainers": StateLawTopic.DETAINER_HOLDS}


def state_laws(request: HttpRequest) -> HttpResponse:
    """Every state's posture on 287(g) agreements and detainer holds, as a map and a table. Two queries."""
    view = request.GET.get("view", "287g")
    if view not in MAP_VIEWS:
        view = "287g"
    topic = MAP_VIEWS[view]
    today = timezone.localdate()
    by_state: dict[int, list[StateLaw]] = defaultdict(list)
    for law in StateLaw.objects.order_by("pk"):
        by_state[law.state_id].append(law)
    rows, fills, links, labels = [], {}, {}, {}
    for state in State.objects.for_directory().filter(is_territory=False):
        laws = by_state.get(state.pk, [])
        postures = state_postures(laws, today)
        shown = next(p for p in postures if p.topic == topic)
        url = state.get_absolute_url()
        fills[state.postal], links[state.postal] = shown.posture, url
        labels[state.postal] = f"{state.name}: {shown.label}"
        rows.append(
            {
                "state": state,
                "url": url,
                "postures": postures,
                "in_force": sum(law.is_in_force_on(today) for law in laws),
                "checked": max((law.checked for law in laws), default=None),
            }
        )
    title = {
        "287g": gettext("State law on 287(g) agreements"),
        "detainers": gettext("State law on holding people for ICE (detainers)"),
    }[view]
    svg = render_state_map(
        fills=fills,
        links=links,
        labels=labels,
        title=title,
        description=gettext(
            "Each state is shaded by what its law says and links to its page. The table below says the same."
        ),
    )
    return render(
        request,
        "policies/state_laws.html",
        {
            "view": view,
            "title": title,
            "map_svg": svg,
            "legend": Posture.choices,
            "rows": rows,
            "views": [("287g", gettext("287(g) agreements")), ("detainers", gettext("Detainer holds"))],
        },
    )


def source_file(request: HttpRequest, pk: int) -> FileResponse:
    """A source's stored copy, as a download (sources are public; MEDIA_ROOT itself is never served)."""
    source = get_object_or_404(Source.objects.exclude(file=""), pk=pk)
    try:
        return attachment_response(source.file)
    except FileNotFoundError as exc:
        raise Http404("file missing from storage") from exc
