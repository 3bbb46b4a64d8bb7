from datetime import date

import django_filters
from django.db.models import QuerySet, Subquery

from agreements.models import Agreement, AgreementStatus, Listing, Snapshot, SnapshotKind, SupportModel
from core.api.filters import CountyFIPSFilter, IdFilter, StatePostalFilter
from core.api.ids import as_id


class AgreementFilter(django_filters.FilterSet):
    state = StatePostalFilter(
        field_name="agency__state__postal",
        label="The agency's state, by two-letter postal code (either case), e.g. TX. "
        "A code that names no state matches nothing.",
    )
    county = CountyFIPSFilter(
        field_name="agency__county__fips",
        label="The agency's county, by five-digit FIPS code, e.g. 12086. Statewide agencies are not matched.",
    )
    agency = django_filters.CharFilter(
        method="filter_agency", max_length=140, label="The agency, by numeric id or by slug."
    )
    model = django_filters.MultipleChoiceFilter(
        choices=SupportModel.choices,
        label="The 287(g) model: JEM, TFM or WSO. Repeat the parameter to match several.",
    )
    status = django_filters.MultipleChoiceFilter(
        choices=AgreementStatus.choices,
        label="The agreement's status. Repeat the parameter to match several, e.g. "
        "`status=active&status=missing` for every current agreement.",
    )
    signed_after = django_filters.DateFilter(
        field_name="signed", lookup_expr="gte", label="Signed on or after this date (YYYY-MM-DD)."
    )
    signed_before = django_filters.DateFilter(
        field_name="signed", lookup_expr="lte", label="Signed on or before this date (YYYY-MM-DD)."
    )
    ended_after = django_filters.DateFilter(
        field_name="ended_on",
        lookup_expr="gte",
        label="Ended on or after this date (YYYY-MM-DD): `ended_on`, the first list an ended agreement was "
        "missing from. Only ended agreements match.",
    )
    ended_before = django_filters.DateFilter(
        field_name="ended_on", lookup_expr="lte", label="Ended on or before this date (YYYY-MM-DD)."
    )
    last_listed_after = django_filters.DateFilter(
        field_name="last_listed",
        lookup_expr="gte",
        label="Last seen on a participating list published on or after this date (YYYY-MM-DD).",
    )
    last_listed_before = django_filters.DateFilter(
        field_name="last_listed",
        lookup_expr="lte",
        label="Last seen on a participating list published on or before this date (YYYY-MM-DD).",
    )
    listed_on = django_filters.DateFilter(
        method="filter_listed_on",
        label="Agreements on the participating list in force on this date (YYYY-MM-DD): the latest "
        "accepted participating list published on or before it. Nothing matches before the first list.",
    )

    class Meta:
        model = Agreement
        fields = [
            "state",
            "county",
            "agency",
            "model",
            "status",
            "signed_after",
            "signed_before",
            "ended_after",
            "ended_before",
            "last_listed_after",
            "last_listed_before",
            "listed_on",
        ]

    def filter_agency(self, queryset: QuerySet[Agreement], name: str, value: str) -> QuerySet[Agreement]:
        if (agency_id := as_id(value)) is not None:
            return queryset.filter(agency_id=agency_id)
        return queryset.filter(agency__slug=value)

    def filter_listed_on(self, queryset: QuerySet[Agreement], name: str, value: date) -> QuerySet[Agreement]:
        in_force = (
            Snapshot.objects.accepted()
            .filter(kind=SnapshotKind.PARTICIPATING, published__lte=value)
            .order_by("-published", "-part_order", "-imported_at", "-pk")
            .values("pk")[:1]
        )
        on_it = Listing.objects.filter(snapshot=Subquery(in_force), agreement__isnull=False)
        return queryset.filter(pk__in=on_it.values("agreement_id"))


class SnapshotFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SnapshotKind.choices, label="Which ICE list.")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published on or after this date (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Snapshot
        fields = ["kind", "published_after", "published_before"]


class ListingFilter(django_filters.FilterSet):
    agreement = IdFilter(field_name="agreement_id", label="An agreement's id: its history.")
    snapshot = IdFilter(field_name="snapshot_id", label="A snapshot's id: one ICE list.")
    state = StatePostalFilter(
        field_name="agency__state__postal", label="Two-letter state postal code, e.g. FL."
    )
    published_after = django_filters.DateFilter(
        field_name="snapshot__published", lookup_expr="gte", label="Lists published on or after (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="snapshot__published",
        lookup_expr="lte",
        label="Lists published on or before (YYYY-MM-DD).",
    )

    class Meta:
        model = Listing
        fields = ["agreement", "snapshot", "state", "published_after", "published_before"]
