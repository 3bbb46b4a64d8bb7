import csv
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from agreements.changes import snapshot_changes
from agreements.forms import AgreementFilterForm
from agreements.models import Agreement, AgreementMerge, AgreementQuerySet, Listing, Snapshot, SnapshotKind
from core.api.renderers import csv_safe

PAGE_SIZE = 100
CSV_COLUMNS = [
    "id", "state", "agency", "agency_kind", "county", "model", "model_name", "signed", "status",
    "pending_since", "first_listed", "last_listed", "moa_url", "addendum_url", "url",
]  # fmt: skip


class _Echo:
    def write(self, value: str) -> str:
        return value


def agreement_list(request: HttpRequest) -> HttpResponseBase:
    form = AgreementFilterForm(request.GET or None)
    agreements = form.filter(Agreement.objects.public())
    if request.GET.get("format") == "csv":
        return _csv(request, agreements)
    page = Paginator(agreements, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "agreements/agreement_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "snapshot": Snapshot.objects.public().first(),
        },
    )


def _csv(request: HttpRequest, agreements: AgreementQuerySet) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    site = request.build_absolute_uri("/").rstrip("/")

    def rows() -> Iterator[str]:
        yield writer.writerow(CSV_COLUMNS)
        for a in agreements.iterator(chunk_size=2000):
            agency = a.agency
            yield writer.writerow(
                [csv_safe(str(cell)) for cell in (
                    a.pk, agency.state.postal, agency.name, agency.kind, agency.county.name if agency.county else "",
                    a.model, a.get_model_display(), a.signed or "", a.status, a.pending_since or "",
                    a.first_listed or "", a.last_listed or "", a.moa_url, a.addendum_url,
                    site + a.get_absolute_url(),
                )]
            )  # fmt: skip

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="287g-agreements.csv"'
    return response


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    listings = Listing.objects.select_related("snapshot").order_by(
        "snapshot__published", "snapshot__part_order", "row_number"
    )
    merges = AgreementMerge.objects.select_related("listing__snapshot")
    agreement = get_object_or_404(
        Agreement.objects.select_related("agency__state", "agency__county", "superseded_by", "first_missing_snapshot")
        .prefetch_related(Prefetch("listings", listings), Prefetch("merges", merges), "supersedes"),
        pk=pk,
    )  # fmt: skip
    return render(request, "agreements/agreement_detail.html", {"agreement": agreement})


def changes(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    snapshots = Snapshot.objects.public()
    snapshot = (
        get_object_or_404(snapshots, pk=pk)
        if pk
        else snapshots.filter(kind=SnapshotKind.PARTICIPATING).first()
    )
    context = {
        "changes": snapshot_changes(snapshot) if snapshot else None,
        "snapshots": snapshots.only("pk", "kind", "published", "published_part", "row_count")[:60],
        "snapshot": snapshot,
        "title": _("Changes"),
    }  # fmt: skip
    return render(request, "agreements/changes.html", context)
