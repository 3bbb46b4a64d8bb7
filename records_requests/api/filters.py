import django_filters
from django.db.models import QuerySet

from core.api.filters import IdFilter, StatePostalFilter, StrictBooleanFilter
from records_requests.models import RecordsRequest, RequestStatus


class RecordsRequestFilter(django_filters.FilterSet):
    state = StatePostalFilter(
        field_name="agency__state__postal",
        label="The agency's state, by two-letter postal code (either case), e.g. NV.",
    )
    agency = IdFilter(field_name="agency_id", label="The agency's numeric id.")
    status = django_filters.MultipleChoiceFilter(
        choices=RequestStatus.choices, label="One or more statuses, e.g. `status=sent&status=extended`."
    )
    open = StrictBooleanFilter(
        method="filter_open",
        label="true: requests still awaiting an answer or an appeal; false: closed ones.",
    )
    overdue = StrictBooleanFilter(
        method="filter_overdue",
        label="true: open requests past the date their state's law sets; false: all others.",
    )

    class Meta:
        model = RecordsRequest
        fields = ["state", "agency", "status", "open", "overdue"]

    def filter_open(self, queryset: QuerySet[RecordsRequest], name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        open_ids = RecordsRequest.objects.open().values("pk")
        return queryset.filter(pk__in=open_ids) if value else queryset.exclude(pk__in=open_ids)

    def filter_overdue(self, queryset: QuerySet[RecordsRequest], name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        late = RecordsRequest.objects.overdue().values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)
