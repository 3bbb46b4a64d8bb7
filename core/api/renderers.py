"""Renderers for the API's download formats: CSV (every list) and GeoJSON (the county map layer).

A list asked for as CSV is not rendered here row by row: `core.api.views.CSVExportMixin` streams it.
`CSVRenderer.render` only handles what is not a streamed list (an error, a single object).
"""

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """A CSV column, as listed in the data dictionary on the Data page."""

    name: str
    kind: str
    description: str


_KINDS: list[tuple[type[serializers.Field], str | Promise]] = [
    (serializers.BooleanField, _("true/false")),
    (serializers.IntegerField, _("integer")),
    (serializers.DateTimeField, _("date-time (ISO 8601)")),
    (serializers.DateField, _("date (YYYY-MM-DD)")),
    (serializers.HyperlinkedIdentityField, "URL"),
    (serializers.URLField, "URL"),
    (serializers.ChoiceField, _("code")),
    (serializers.ListField, _("list, joined with “; ”")),
    (serializers.ListSerializer, _("list, joined with “; ”")),
]


# Columns every dataset shares, described once here rather than on each serializer.
_CONVENTIONAL: dict[str, str | Promise] = {
    "url": _("This row in the API (JSON), with everything it links to."),
    "id": _("Stable identifier."),
    "slug": _("Stable readable identifier, as in the page's address."),
    "created_at": _("When the row was created on this site."),
    "updated_at": _("When the row last changed on this site."),
}


def _description(name: str, field: serializers.Field) -> str:
    return str(field.help_text or _CONVENTIONAL.get(name) or field.label or "")


def _kind(field: serializers.Field) -> str:
    return str(next((name for cls, name in _KINDS if isinstance(field, cls)), _("text")))


def csv_dictionary(serializer: serializers.Serializer, prefix: str = "") -> list[Column]:
    """The CSV columns of a serializer in order, a nested object's fields as `parent.child`; kinds and
    descriptions in the active language (the schema, generated in English, keeps the English help texts)."""
    columns: list[Column] = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, serializers.Serializer):
            columns.extend(csv_dictionary(field, prefix=f"{prefix}{name}."))
        else:
            columns.append(Column(f"{prefix}{name}", _kind(field), _description(name, field)))
    return columns


def csv_columns(serializer: serializers.Serializer) -> list[str]:
    """The CSV header for a serializer."""
    return [column.name for column in csv_dictionary(serializer)]


# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(…) exfiltrates, =cmd|…
# executes); OWASP's advice is to prefix such a cell with a single quote, which shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_safe(text: str) -> str:
    """`text` made inert for spreadsheets: a leading =, +, -, @, tab or CR gets a `'` in front. A plain
    number such as -26 or -115.17 is left alone (it is not a formula, and data users need it numeric)."""
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_cell(value: Any) -> str:
    """One value as CSV text: empty for null, `true`/`false`, lists joined with "; ", formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        for key in ("name", "id", "url"):
            if key in value:
                return csv_cell(value[key])
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, Sequence) and not isinstance(value, str):
        return csv_safe(LIST_SEPARATOR.join(csv_cell(item) for item in value))
    return csv_safe(str(value))


def csv_row(data: Mapping[str, Any], columns: Iterable[str]) -> list[str]:
    """Flatten one serialized object along `columns` (as made by `csv_columns`)."""
    row = []
    for column in columns:
        value: Any = data
        for part in column.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        row.append(csv_cell(value))
    return row


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[str]]) -> Iterable[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Mapping) and isinstance(data.get("results"), list):
            data = data["results"]
        if isinstance(data, Mapping):
            # One object or an error body: one row under a header of its keys, nested values flattened.
            items: list[Mapping[str, Any]] = [data]
        else:
            items = [item for item in data if isinstance(item, Mapping)]
        header = [csv_safe(str(key)) for key in items[0]] if items else []
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        for item in items:
            writer.writerow(csv_row(item, header))
        return out.getvalue().encode(self.charset)


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"
