"""Filters shared by every app's API: a state by postal code, a county by FIPS code; the strict backends
every list uses (an unknown query parameter or ordering field is a 400 naming it).

A malformed value (not two letters, not five digits) is a 400 with a message; a well-formed code that names
no state or county simply matches nothing, like any other filter value, so no lookup query is spent.
"""

import re
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend, OrderingFilter
from rest_framework.request import Request
from rest_framework.settings import api_settings

from core.api.ids import MAX_ID

_POSTAL = re.compile(r"[A-Za-z]{2}")
_FIPS = re.compile(r"\d{5}")


class PostalCodeField(forms.CharField):
    def clean(self, value: Any) -> str:
        cleaned: str = super().clean(value)
        if cleaned and not _POSTAL.fullmatch(cleaned):
            raise ValidationError("Give a two-letter postal code, such as NV.", code="invalid")
        return cleaned.upper()


class FIPSCodeField(forms.CharField):
    def clean(self, value: Any) -> str:
        cleaned: str = super().clean(value)
        if cleaned and not _FIPS.fullmatch(cleaned):
            raise ValidationError("Give a five-digit county FIPS code, such as 32003.", code="invalid")
        return cleaned


@extend_schema_field({"type": "string", "pattern": "^[A-Za-z]{2}$"})
class StatePostalFilter(django_filters.CharFilter):
    field_class = PostalCodeField


@extend_schema_field({"type": "string", "pattern": "^[0-9]{5}$"})
class CountyFIPSFilter(django_filters.CharFilter):
    field_class = FIPSCodeField


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no, any case); anything else is an error rather than "no filter"."""

    _VALUES = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

    def clean(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        cleaned = self._VALUES.get(str(value).strip().lower())
        if cleaned is None:
            raise ValidationError("Give true or false.", code="invalid")
        return cleaned


@extend_schema_field({"type": "boolean"})
class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """A whole-number id from 1 to bigint's maximum; anything else is a 400 naming the parameter, never a
    database error (a decimal filter took `7e296` as a number and then refused it as too large)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


def known_parameters(view: Any) -> set[str]:
    """Every query parameter an API view reads: its filters, ordering, pages, format, and any it declares
    in `extra_query_parameters` (e.g. `group_by`)."""
    known = {api_settings.URL_FORMAT_OVERRIDE or "format"}
    paginator = getattr(view, "paginator", None)
    if paginator is not None:
        known |= {
            name
            for name in (
                getattr(paginator, "page_query_param", None),
                getattr(paginator, "page_size_query_param", None),
            )
            if name
        }
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        known |= set(filterset_class.base_filters)
    for backend in getattr(view, "filter_backends", ()):
        if issubclass(backend, OrderingFilter) and getattr(view, "ordering_fields", None):
            known.add(backend.ordering_param)
    known |= set(getattr(view, "extra_query_parameters", ()))
    return known


class KnownParametersFilter(BaseFilterBackend):
    """A query parameter the endpoint does not read is a 400 naming it (`signed_afer=` used to match
    everything, silently). Runs first, for lists, CSV downloads and single objects alike."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        known = known_parameters(view)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            listed = ", ".join(sorted(known))
            raise serializers.ValidationError(
                {name: [f"Unknown parameter “{name}”. This endpoint reads: {listed}."] for name in unknown}
            )
        return queryset


class StrictOrderingFilter(OrderingFilter):
    """`ordering` with a field the endpoint cannot sort by is a 400 naming the field, not a silent default;
    the schema lists the fields."""

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        value = request.query_params.get(self.ordering_param)
        if value:
            valid = self._field_names(view)
            bad = [name.strip() for name in value.split(",") if name.strip().lstrip("-") not in valid]
            if bad:
                raise serializers.ValidationError(
                    {
                        self.ordering_param: [
                            f"Cannot order by {', '.join(bad)}. Order by one of: {', '.join(valid)} "
                            "(several separated by commas; a leading - reverses)."
                        ]
                    }
                )
        return super().get_ordering(request, queryset, view)

    def _field_names(self, view: Any) -> list[str]:
        fields = getattr(view, "ordering_fields", None) or []
        return [name for name in fields if isinstance(name, str) and name != "__all__"]

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        fields = self._field_names(view)
        if not fields:
            return []
        default = ",".join(getattr(view, "ordering", None) or [])
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": f"Sort by one of: {', '.join(fields)}. Several, comma-separated; a leading `-` "
                f"reverses. Default: `{default}`. Any other field is a 400.",
                "schema": {
                    "type": "string",
                    "pattern": "^-?("
                    + "|".join(re.escape(f) for f in fields)
                    + ")(,-?("
                    + "|".join(re.escape(f) for f in fields)
                    + "))*$",
                },
            }
        ]
