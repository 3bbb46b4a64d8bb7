"""Filters shared by every app's API: a state by postal code, a county by FIPS code.

A malformed value (not two letters, not five digits) is a 400 with a message; a well-formed code that names
no state or county simply matches nothing, like any other filter value, so no lookup query is spent.
"""

import re
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema_field

from config.ids import MAX_ID

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
