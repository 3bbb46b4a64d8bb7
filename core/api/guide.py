"""The API's human guide: what is there, how to filter and download, with curl and Python examples.

`JOURNALIST_EXAMPLES` are the worked examples for ICE list history (what ended and when, counts, the
time series, changes between two dates, strict parameters): one per endpoint or filter, each with the
request and the shape of its answer. They are rendered by `api/includes/_journalist_examples.html`.
"""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Example:
    title: str | Promise
    path: str  # under the API root
    answer: str  # the shape of the answer, abridged
    note: str | Promise = ""


JOURNALIST_EXAMPLES = [
    Example(
        _("Agreements that ended between two dates"),
        "agreements/?ended_after=2025-07-10&ended_before=2025-07-12",
        '{"count": 1, "results": [{"id": 812, "agency": {"id": 77, "name": "Jackson County Sheriff\'s Office"}, '
        '"status": "ended", "last_listed": "2025-07-10", "ended_on": "2025-07-11", …}]}',
        _(
            "ended_on is the date of the first list an ended agreement was missing from; an agreement missing "
            "from one or two lists is “missing”, not ended, and has no ended_on."
        ),
    ),
    Example(
        _("Agreements last seen on a list before a date, as CSV"),
        "agreements/?last_listed_before=2025-06-30&format=csv",
        "url,html_url,id,agency.url,agency.id,…,last_listed,missing_count,ended_on,…",
        _("last_listed_after and last_listed_before take the date of the last participating list it was on."),
    ),
    Example(
        _("How many agreements are active, by model"),
        "agreements/counts/?group_by=model&status=active",
        '[{"model": "JEM", "count": 117}, {"model": "TFM", "count": 415}, {"model": "WSO", "count": 300}]',
        _(
            "group_by takes state, county, model and status, comma-separated; every agreement filter applies. "
            "Add format=csv for a spreadsheet."
        ),
    ),
    Example(
        _("Agreements by state and model, as CSV"),
        "agreements/counts/?group_by=state,model&format=csv",
        "state,model,count\nAL,JEM,4\nAL,TFM,12\n…",
    ),
    Example(
        _("A time series of the program's size: every participating list in one call"),
        "snapshots/?kind=participating&ordering=published&page_size=500",
        '{"results": [{"published": "2025-07-16", "published_part": "am", "row_count": 834, '
        '"agreement_count": 826, …}, {"published": "2025-07-18", "published_part": "pm", '
        '"agreement_count": 832, …}]}',
        _(
            "agreement_count counts distinct agreements (an agreement on two rows counts once); row_count "
            "counts the spreadsheet's rows. republished marks a file ICE re-uploaded under an old name."
        ),
    ),
    Example(
        _("What changed between two dates"),
        "changes/?from=2025-07-14&to=2025-07-16",
        '{"from": "2025-07-14", "to": "2025-07-16", "added": [{"agreement": 901, "agency": 310, '
        '"first_listed": "2025-07-16", …}], "ended": […], "renamed": [{"agreement": 44, "agency": 12, '
        '"old_name": "City of Miami Springs Police Department", "new_name": "Miami Springs Police Department", '
        '…}], "moved_from_pending": […]}',
        _(
            "Changes after the list in force on “from”, up to and including “to”. Ended means ended, not "
            "merely missing from the latest list; moved_from_pending are added agreements that had been on "
            "the pending list. Add format=csv for one row per change."
        ),
    ),
    Example(
        _("A misspelled parameter is an error, not a silent “everything”"),
        "agreements/?signed_afer=2025-01-01",
        '400 {"signed_afer": ["Unknown parameter “signed_afer”. This endpoint reads: agency, county, …"]}',
        _("Every list answers 400 for a parameter it does not read, and for an ordering it cannot do."),
    ),
]


def api_guide(request: HttpRequest) -> HttpResponse:
    """No database query: the page is static apart from this site's own base URL."""
    return render(
        request,
        "api/guide.html",
        {
            "api_root": request.build_absolute_uri(reverse("api:api-root")),
            "schema_url": request.build_absolute_uri(reverse("api-schema")),
            "docs_url": request.build_absolute_uri(reverse("api-docs")),
            "journalist_examples": JOURNALIST_EXAMPLES,
        },
    )
