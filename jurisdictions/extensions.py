"""What the apps above jurisdictions add to its API resources, without jurisdictions importing them.

An app registers from its `AppConfig.ready()` (e.g. `agreements/jurisdiction_extensions.py`): a column on
states, counties or agencies (a serializer field, the annotation that computes it in the list's one query,
whether it can be ordered on, where it goes among the other fields) and filters. The jurisdictions API
reads the registry when it serves a request, so the order apps register in does not matter — only that
they register in `ready()`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.db.models.expressions import Combinable
from django_filters import Filter, FilterSet
from rest_framework import serializers

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class ExtraField:
    name: str
    field: Callable[[], serializers.Field]  # a new field each time: serializers bind their own
    annotation: Callable[[], Combinable] | None = None  # the value, computed in the list's query
    after: str | None = None  # the field it follows in the response; at the end when None
    orderable: bool = False


_fields: dict[type[Model], list[ExtraField]] = {}
_filters: dict[type[Model], dict[str, Callable[[], Filter]]] = {}
_filtersets: dict[type[FilterSet], type[FilterSet]] = {}


def add_field(model: type[Model], extra: ExtraField) -> None:
    registered = _fields.setdefault(model, [])
    if any(field.name == extra.name for field in registered):
        raise ValueError(f"{model.__name__} already has an extra field named {extra.name!r}")
    registered.append(extra)


def add_filter(model: type[Model], name: str, make: Callable[[], Filter]) -> None:
    registered = _filters.setdefault(model, {})
    if name in registered:
        raise ValueError(f"{model.__name__} already has an extra filter named {name!r}")
    registered[name] = make
    _filtersets.clear()


def with_extra_fields(model: type[Model], fields: dict[str, serializers.Field]) -> dict[str, Any]:
    """`fields` (a serializer's own) with the registered ones inserted where they asked to be."""
    names = list(fields)
    extra = {}
    for field in _fields.get(model, []):
        names.insert(names.index(field.after) + 1 if field.after in names else len(names), field.name)
        extra[field.name] = field.field()
    return {name: fields[name] if name in fields else extra[name] for name in names}


def annotate(queryset: QuerySet[M]) -> QuerySet[M]:
    """The queryset with the registered columns of its model (subqueries in the same query)."""
    annotations = {f.name: f.annotation() for f in _fields.get(queryset.model, []) if f.annotation}
    return queryset.annotate(**annotations) if annotations else queryset


def orderable(model: type[Model]) -> list[str]:
    return [field.name for field in _fields.get(model, []) if field.orderable]


def filterset_with_extras(filterset: type[FilterSet]) -> type[FilterSet]:
    """A subclass of `filterset` that declares the filters registered for its model; built once per class,
    on first use (after every app's `ready()`)."""
    if filterset not in _filtersets:
        extra = {name: make() for name, make in _filters.get(filterset._meta.model, {}).items()}
        metaclass: Any = type(filterset)  # django-filter's, which collects the declared filters
        _filtersets[filterset] = metaclass(
            filterset.__name__, (filterset,), {"__module__": filterset.__module__, **extra}
        )
    return _filtersets[filterset]
