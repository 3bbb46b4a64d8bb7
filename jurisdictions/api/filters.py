import django_filters
from django.db.models import QuerySet

from core.api.filters import CountyFIPSFilter, StatePostalFilter, StrictBooleanFilter
from jurisdictions.models import Agency, AgencyKind, County, State
from jurisdictions.names import normalize_name

MAX_SEARCH_LENGTH = 100


class StateFilter(django_filters.FilterSet):
    is_territory = StrictBooleanFilter(
        label="true: only territories (Puerto Rico, Guam…); false: only the 50 states and DC."
    )

    class Meta:
        model = State
        fields = ["is_territory"]


class CountyFilter(django_filters.FilterSet):
    """Apps above jurisdictions add filters through `jurisdictions.extensions` (e.g. `has_agreement`)."""

    state = StatePostalFilter(
        field_name="state__postal",
        label="The county's state, by two-letter postal code (either case), e.g. NV. "
        "A code that names no state matches nothing.",
    )
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=MAX_SEARCH_LENGTH,
        label="Part of the county's name, case- and accent-insensitive, e.g. `clark`.",
    )

    class Meta:
        model = County
        fields = ["state", "q"]

    def filter_q(self, queryset: QuerySet[County], name: str, value: str) -> QuerySet[County]:
        return queryset.filter(name_key__contains=normalize_name(value)) if value.strip() else queryset


class AgencyFilter(django_filters.FilterSet):
    """Apps above jurisdictions add filters through `jurisdictions.extensions` (e.g. `has_agreement`)."""

    state = StatePostalFilter(
        field_name="state__postal",
        label="The agency's state, by two-letter postal code (either case), e.g. NV. "
        "A code that names no state matches nothing.",
    )
    county = CountyFIPSFilter(
        field_name="counties__fips",
        label="A county the agency serves, by five-digit FIPS code, e.g. 32003 (Clark County, NV). "
        "Statewide agencies have no county and are not matched.",
    )
    ori = django_filters.CharFilter(
        method="filter_ori",
        label="The agency's FBI identifier (ORI), exactly, either case, e.g. FL0500200.",
    )
    has_ori = StrictBooleanFilter(
        field_name="ori",
        lookup_expr="isnull",
        exclude=True,
        label="true: agencies the FBI lists (with an ORI); false: agencies known only from ICE's lists.",
    )
    place = django_filters.CharFilter(
        method="filter_place",
        label="The town the agency polices: a place id, or its name (case- and accent-insensitive), "
        "best with `state`.",
    )
    kind = django_filters.ChoiceFilter(choices=AgencyKind.choices, label="The kind of agency.")
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=MAX_SEARCH_LENGTH,
        label="Part of the agency's name or of one of its aliases, case- and accent-insensitive.",
    )

    class Meta:
        model = Agency
        fields = ["state", "county", "kind", "q", "ori", "has_ori", "place"]

    def filter_ori(self, queryset: QuerySet[Agency], name: str, value: str) -> QuerySet[Agency]:
        return queryset.filter(ori=value.strip().upper())

    def filter_place(self, queryset: QuerySet[Agency], name: str, value: str) -> QuerySet[Agency]:
        value = value.strip()
        if value.isascii() and value.isdigit():
            return queryset.filter(place_id=int(value)) if len(value) < 10 else queryset.none()
        return queryset.filter(place__name_key=normalize_name(value))

    def filter_q(self, queryset: QuerySet[Agency], name: str, value: str) -> QuerySet[Agency]:
        return queryset.search(value) if value.strip() else queryset  # type: ignore[attr-defined]
