import django_filters
from django.db.models import Q, QuerySet

from config.api_filters import IdFilter, StatePostalFilter
from policies.models import Policy
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
