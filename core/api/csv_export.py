"""A whole list as CSV straight from database rows: `values_list` on a server-side cursor, no model
instance and no serializer per row, at a cost close to the bytes written.

`flat_csv_plan` reads a list serializer once and, when every field it has is one this module can
reproduce (plain model fields, choices and their labels, dates, the fast hyperlink and page-URL fields,
nested serializers of those), returns the ORM lookups to select and how to turn each row into the
serializer's values; `core.api.renderers.csv_cell` then writes them exactly as the serializer path does
(tests/api/test_csv_export.py compares the two byte for byte). Any other field (a method field, a list,
a many-relation) makes it return None and the list is serialized row by row as before.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import quote

from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db.models import Field as ModelField
from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch
from rest_framework import ISO_8601, serializers
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

from core.api.fields import ChoiceLabelField, FilteredListURLField, HtmlURLField, PageURLField
from core.api.renderers import FORMULA_STARTS, csv_cell, csv_safe

# Returned unchanged by these fields (values_list gives the same Python value getattr does), and by
# their subclasses that keep the base's to_representation (URLField, SlugField, BigIntegerField…).
_AS_IS = (
    serializers.CharField,
    serializers.IntegerField,
    serializers.BooleanField,
    serializers.ReadOnlyField,
)
# Formatted by the field's own to_representation, once per row.
_BY_FIELD = (serializers.DateTimeField, serializers.DateField, serializers.ChoiceField, ChoiceLabelField)
_DISPLAY = re.compile(r"get_(\w+)_display")
_PLACEHOLDERS = ("7531902468", "Qj", "97531", "zq-placeholder-slug")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)

Column = tuple[tuple[str, ...], Callable[..., Any]]  # (ORM lookups, values → the serializer's value)


class _Unsupported(Exception):
    pass


def _url_template(field: serializers.Field, stand_in: Callable[[str], Any]) -> tuple[str, str]:
    """The URL of a stand-in object split around its placeholder key; the placeholders fit the URL
    patterns' converters (digits, two letters for a state, five digits for a county)."""
    for placeholder in _PLACEHOLDERS:
        try:
            url = field.to_representation(stand_in(placeholder))
        except (NoReverseMatch, ImproperlyConfigured, TypeError, ValueError, AttributeError):
            continue
        if url is not None and url.count(placeholder) == 1:
            prefix, suffix = url.split(placeholder)
            return prefix, suffix
    raise _Unsupported(field.field_name)


def _link(prefix: str, suffix: str) -> Callable[[Any], str]:
    def link(value: Any) -> str:
        return f"{prefix}{value if type(value) is int else quote(str(value), safe='')}{suffix}"

    return link


def _column(field: serializers.Field, path: list[str], model: type[Model] | None) -> Column:
    lookup = "__".join(path + list(field.source_attrs))
    if isinstance(field, serializers.HyperlinkedIdentityField):
        key = "pk" if field.lookup_field == "pk" else field.lookup_field
        template = _url_template(field, lambda ph: SimpleNamespace(**{"pk": ph, field.lookup_field: ph}))
        return ("__".join([*path, key]),), _link(*template)
    if isinstance(field, serializers.HyperlinkedRelatedField):
        if field.lookup_field != "pk":
            raise _Unsupported(field.field_name)
        return (lookup,), _link(*_url_template(field, lambda ph: PKOnlyObject(pk=ph)))
    if type(field) is serializers.PrimaryKeyRelatedField and field.pk_field is None:
        return (lookup,), _as_is  # the related row's id, which values_list gives for a foreign key
    if isinstance(field, PageURLField):
        pieces = field._template()
        names = list(dict.fromkeys(text for text, is_argument in pieces if is_argument))
        lookups = tuple("__".join([*path, *field.url_kwargs[name].split(".")]) for name in names)
        position = {name: n for n, name in enumerate(names)}

        def page_url(*values: Any) -> str:
            return "".join(
                quote(str(values[position[text]]), safe="") if is_argument else text
                for text, is_argument in pieces
            )

        return lookups, page_url
    if isinstance(field, HtmlURLField) and model is not None:
        return _page_url_column(field, path, model)
    if isinstance(field, FilteredListURLField):
        base = _url_template(field, lambda ph: SimpleNamespace(**_nested(field.attribute, ph)))
        return ("__".join([*path, *field.attribute.split(".")]),), _link(*base)
    display = _DISPLAY.fullmatch(field.source_attrs[-1]) if len(field.source_attrs) == 1 else None
    if (
        display
        and model is not None
        and type(field).to_representation is serializers.CharField.to_representation
    ):
        choices = cast(ModelField, model._meta.get_field(display.group(1))).flatchoices
        labels = {value: str(label) for value, label in choices}
        return ("__".join([*path, display.group(1)]),), lambda value: labels.get(value, str(value))
    if not field.source_attrs or field.source == "*":
        raise _Unsupported(field.field_name)
    if type(field) is serializers.DateField and _iso(field, api_settings.DATE_FORMAT):
        return (lookup,), _date_iso  # what DateField.to_representation does for a date, minus its checks
    if isinstance(field, _BY_FIELD):
        return (lookup,), field.to_representation
    if type(field) is serializers.BigIntegerField and not getattr(  # type: ignore[attr-defined]
        field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING
    ):
        return (lookup,), _as_is  # a model's BigAutoField id: an int, as IntegerField gives it
    for plain in _AS_IS:
        if isinstance(field, plain) and type(field).to_representation is plain.to_representation:
            return (lookup,), _as_is
    raise _Unsupported(field.field_name)


def _nested(attribute: str, value: Any) -> dict[str, Any]:
    head, _dot, rest = attribute.partition(".")
    return {head: SimpleNamespace(**_nested(rest, value)) if rest else value}


def _page_url_column(field: HtmlURLField, path: list[str], model: type[Model]) -> Column:
    """`get_absolute_url` of a stand-in object carrying a placeholder in one key (pk, then slug)."""
    for key in ("pk", "slug"):
        try:
            prefix, suffix = _url_template(field, lambda ph, key=key: model(**{key: ph}))  # type: ignore[misc]
        except _Unsupported:
            continue
        return ("__".join([*path, key]),), _link(prefix, suffix)
    raise _Unsupported(field.field_name)


def _as_is(value: Any) -> Any:
    return value


def _iso(field: serializers.Field, default: str | None) -> bool:
    output_format = getattr(field, "format", default)
    return isinstance(output_format, str) and output_format.lower() == ISO_8601


def _date_iso(value: dt.date) -> str:
    return value.isoformat()


def _columns(serializer: serializers.Serializer, path: list[str]) -> list[Column]:
    columns: list[Column] = []
    for field in serializer.fields.values():
        if field.write_only:
            continue
        if isinstance(field, serializers.ListSerializer) or getattr(field, "many", False):
            raise _Unsupported(field.field_name)
        if isinstance(field, serializers.Serializer):
            if field.source == "*":
                raise _Unsupported(field.field_name)
            columns.extend(_columns(field, [*path, *field.source_attrs]))
        else:
            columns.append(_column(field, path, getattr(getattr(serializer, "Meta", None), "model", None)))
    return columns


def flat_csv_plan(serializer: serializers.Serializer) -> list[Column] | None:
    """One entry per CSV column (in `core.api.renderers.csv_columns` order), or None when a field needs the
    serializer. Reverses each URL once (with the serializer's context, so absolute like the API's)."""
    try:
        return _columns(serializer, [])
    except _Unsupported:
        return None


def flat_csv_rows(
    queryset: QuerySet[Model], plan: Sequence[Column], chunk_size: int
) -> Iterator[list[str]] | None:
    """The rows of `queryset` (its filters and ordering kept) as CSV cells, read in chunks from a
    server-side cursor; None when a lookup is not a database column (a property, say)."""
    lookups = list(dict.fromkeys(lookup for names, _convert in plan for lookup in names))
    try:
        values = queryset.prefetch_related(None).values_list(*lookups)
    except FieldError:
        return None
    index = {lookup: n for n, lookup in enumerate(lookups)}
    cells = [([index[name] for name in names], _cell(convert)) for names, convert in plan]
    single = (
        [(positions[0], cell) for positions, cell in cells] if all(len(p) == 1 for p, _c in cells) else None
    )

    def rows(records: Iterable[tuple[Any, ...]]) -> Iterator[list[str]]:
        if single is not None:  # every column from one value: the common case, kept tight
            for record in records:
                yield ["" if record[n] is None else cell(record[n]) for n, cell in single]
            return
        for record in records:
            row = []
            for positions, cell in cells:
                args = [record[n] for n in positions]
                row.append("" if any(arg is None for arg in args) else cell(*args))
            yield row

    return rows(values.iterator(chunk_size=chunk_size))


def _cell(convert: Callable[..., Any]) -> Callable[..., str]:
    """`csv_cell(convert(...))`, with the common types (text, integers, booleans) taken first: the same
    text, without csv_cell's abstract-type checks on every one of ~30 cells a row."""

    def cell(*args: Any) -> str:
        value = convert(*args)
        kind = type(value)
        if kind is str:
            return csv_safe(value) if value[:1] in _FORMULA_FIRST else value
        if kind is int:
            return str(value)
        if kind is bool:
            return "true" if value else "false"
        return csv_cell(value)

    return cell
