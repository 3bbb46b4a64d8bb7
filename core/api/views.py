"""What every read-only API viewset shares: CSV download of whole lists, renderers and the schema class."""

import copy
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core.api.csv_export import flat_csv_plan, flat_csv_rows
from core.api.filters import KnownParametersFilter, StrictOrderingFilter
from core.api.renderers import CSVRenderer, csv_columns, csv_lines, csv_row
from core.api.schema import DirectoryAutoSchema

CSV_CHUNK_SIZE = 2000


def _without_format(request: Request) -> HttpRequest:
    """The request minus `?format=csv`, so that links in the CSV point at the JSON objects."""
    plain = copy.copy(request._request)
    query = plain.GET.copy()
    query.pop(api_settings.URL_FORMAT_OVERRIDE or "format", None)
    plain.GET = query  # type: ignore[assignment]
    return plain


def _joined(lines: Iterable[str], size: int = CSV_CHUNK_SIZE // 4) -> Iterator[str]:
    """Lines in blocks of `size`: one write (and one encode) per block rather than per line."""
    remaining = iter(lines)
    while block := "".join(islice(remaining, size)):
        yield block


class CSVExportMixin:
    """`?format=csv` on a list streams every matching row (same filters and ordering, no pagination).

    Costs one query per CSV_CHUNK_SIZE rows (plus one per prefetch per chunk when a column needs the
    serializer); memory stays flat.
    """

    basename: str
    csv_from_rows = True  # False: serialize every row (the reference the fast path is tested against)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if getattr(request.accepted_renderer, "format", None) == CSVRenderer.format:
            # DRF passes any HttpResponse through untouched; typed as Response to match ListModelMixin.
            return self.stream_csv()  # type: ignore[return-value]
        return super().list(request, *args, **kwargs)  # type: ignore[misc]

    def csv_queryset(self) -> QuerySet[Model]:
        view: Any = self
        return view.filter_queryset(view.get_queryset())

    def stream_csv(self) -> StreamingHttpResponse:
        view: Any = self
        # Filtering validates the parameters now, so a bad filter is a 400 before streaming starts.
        queryset = self.csv_queryset()
        serializer_class = view.get_serializer_class()
        context = {**view.get_serializer_context(), "request": _without_format(view.request)}
        serializer = serializer_class(context=context)
        columns = csv_columns(serializer)

        def rows() -> Iterator[list[str]]:
            objects = queryset.iterator(chunk_size=CSV_CHUNK_SIZE)
            while chunk := list(islice(objects, CSV_CHUNK_SIZE)):
                for data in serializer_class(chunk, many=True, context=context).data:
                    yield csv_row(data, columns)

        # Straight from the rows when every column can be (core/api/csv_export.py): 3–10 times faster.
        plan = flat_csv_plan(serializer) if self.csv_from_rows else None
        flat = flat_csv_rows(queryset, plan, CSV_CHUNK_SIZE) if plan is not None else None
        lines = csv_lines(columns, flat if flat is not None else rows())
        response = StreamingHttpResponse(_joined(lines), content_type="text/csv; charset=utf-8")
        # Named after the list, e.g. agencies.csv for /api/v1/agencies/.
        name = view.request.path.rstrip("/").rsplit("/", 1)[-1] or self.basename
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


class DirectoryReadOnlyViewSet(CSVExportMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose lists can be downloaded as CSV; unknown parameters and ordering fields
    are 400s (core/api/filters.py)."""

    filter_backends = [KnownParametersFilter, DjangoFilterBackend, StrictOrderingFilter]

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    schema = DirectoryAutoSchema()
