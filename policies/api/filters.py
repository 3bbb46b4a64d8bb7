import datetime as dt

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema_field

from core.api.filters import IdFilter, StatePostalFilter
from policies.models import (
    AppliesTo,
    Confidence,
    Policy,
    StateLaw,
    StateLawEffect,
    StateLawQuerySet,
    StateLawTopic,
)
from policies.vocabulary import ANSWER_CHOICES, Topic


class PolicyFilter(django_filters.FilterSet):
    state = StatePostalFilter(
        method="filter_state",
        label="Two-letter postal code (either case), e.g. NV: the state's own policies and those of its "
        "agencies. A code that names no state matches nothing.",
    )
    agency = IdFilter(
        field_name="agency_id",
        label="An agency's numeric id: its own policies (its state's state-wide ones are listed with `state`).",
    )
    level = django_filters.ChoiceFilter(
        method="filter_level",
        choices=[("agency", "agency"), ("state", "state")],
        label="`agency`: only agencies' policies; `state`: only state-wide policies.",
    )
    topic = django_filters.ChoiceFilter(
        choices=Topic.choices, label="The question answered, e.g. `detainers`."
    )
    answer = django_filters.ChoiceFilter(
        choices=ANSWER_CHOICES,
        label="The answer, e.g. `does_not_honor`; values belong to topics (see each topic's vocabulary).",
    )

    class Meta:
        model = Policy
        fields = ["state", "agency", "level", "topic", "answer"]

    def filter_state(self, queryset: QuerySet[Policy], name: str, value: str) -> QuerySet[Policy]:
        if not value:
            return queryset
        return queryset.filter(Q(state__postal=value) | Q(agency__state__postal=value))

    def filter_level(self, queryset: QuerySet[Policy], name: str, value: str) -> QuerySet[Policy]:
        if value == "state":
            return queryset.filter(state__isnull=False)
        if value == "agency":
            return queryset.filter(agency__isnull=False)
        return queryset


class StrictDateField(forms.DateField):
    """YYYY-MM-DD only, with a message that says so (a bad date is a 400, never "no filter")."""

    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": "Give a date as YYYY-MM-DD, e.g. 2025-06-01."}


@extend_schema_field({"type": "string", "format": "date"})
class StrictDateFilter(django_filters.DateFilter):
    field_class = StrictDateField


class StateLawFilter(django_filters.FilterSet):
    state = StatePostalFilter(
        field_name="state__postal",
        label="Two-letter postal code (either case), e.g. TX. A code that names no state matches nothing.",
    )
    topic = django_filters.ChoiceFilter(
        choices=StateLawTopic.choices,
        label="What the law is about, e.g. `287g_agreements` or `detainer_holds`; `none_found` rows say "
        "that no state law was found.",
    )
    effect = django_filters.ChoiceFilter(
        choices=StateLawEffect.choices, label="What the law does: requires, permits, limits or prohibits."
    )
    applies_to = django_filters.ChoiceFilter(choices=AppliesTo.choices, label="Whom the law binds.")
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices, label="high, medium or low.")
    in_force_on = StrictDateFilter(
        method="filter_in_force_on",
        label="YYYY-MM-DD: only laws in force that day (effective on or before it, a year-only date "
        "counting from January 1; not ended on or before it). Leaves out `none_found` rows.",
    )

    class Meta:
        model = StateLaw
        fields = ["state", "topic", "effect", "applies_to", "confidence", "in_force_on"]

    def filter_in_force_on(
        self, queryset: QuerySet[StateLaw], name: str, value: dt.date
    ) -> QuerySet[StateLaw]:
        if value is None:
            return queryset
        assert isinstance(queryset, StateLawQuerySet)
        return queryset.in_force_on(value)
