"""What agreements adds to the states, counties and agencies of the jurisdictions API: agreement counts,
links to the agreements list, and the `has_agreement` filter. Registered from `AgreementsConfig.ready()`
(see `jurisdictions/extensions.py`)."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agreements.models import Agreement
from core.api.fields import FilteredListURLField
from core.api.filters import StrictBooleanFilter
from core.subqueries import count_of
from jurisdictions.extensions import ExtraField, add_field, add_filter
from jurisdictions.models import Agency, County, State

CURRENT_HELP = _("287(g) agreements in force: active, or missing from the latest ICE list but not yet ended.")


def _has_agreement(label: str, agency_field: str) -> StrictBooleanFilter:
    def filter_in_force(queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        in_force = Exists(Agreement.objects.current().filter(**{agency_field: OuterRef("pk")}))
        return queryset.filter(in_force) if value else queryset.exclude(in_force)

    return StrictBooleanFilter(method=filter_in_force, label=label)


def register() -> None:
    add_field(
        State,
        ExtraField(
            "current_agreement_count",
            lambda: serializers.IntegerField(read_only=True, help_text=CURRENT_HELP),
            lambda: count_of(Agreement.objects.current(), "agency__state"),
            after="agency_count",
            orderable=True,
        ),
    )

    add_field(
        County,
        ExtraField(
            "agreement_count",
            lambda: serializers.IntegerField(
                read_only=True,
                help_text=_("287(g) agreements ever listed for agencies placed in this county."),
            ),
            lambda: count_of(Agreement, "agency__county"),
            after="agency_count",
            orderable=True,
        ),
    )
    add_field(
        County,
        ExtraField(
            "current_agreement_count",
            lambda: serializers.IntegerField(read_only=True, help_text=CURRENT_HELP),
            lambda: count_of(Agreement.objects.current(), "agency__county"),
            after="agreement_count",
            orderable=True,
        ),
    )
    add_field(
        County,
        ExtraField(
            "agreements_url",
            lambda: FilteredListURLField(
                "api:agreement-list",
                "county",
                "fips",
                help_text=_("Agreements of agencies placed in this county."),
            ),
            after="agencies_url",
        ),
    )
    add_filter(
        County,
        "has_agreement",
        lambda: _has_agreement(
            "true: counties where an agency placed in the county has a 287(g) agreement in force; "
            "false: counties where none has.",
            "agency__county",
        ),
    )

    add_field(
        Agency,
        ExtraField(
            "agreement_count",
            lambda: serializers.IntegerField(read_only=True, help_text=_("287(g) agreements ever listed.")),
            lambda: count_of(Agreement, "agency"),
            after="aliases",
        ),
    )
    add_field(
        Agency,
        ExtraField(
            "current_agreement_count",
            lambda: serializers.IntegerField(read_only=True, help_text=CURRENT_HELP),
            lambda: count_of(Agreement.objects.current(), "agency"),
            after="agreement_count",
            orderable=True,
        ),
    )
    add_field(
        Agency,
        ExtraField(
            "agreements_url",
            lambda: FilteredListURLField(
                "api:agreement-list", "agency", "pk", help_text=_("This agency's 287(g) agreements.")
            ),
            after="current_agreement_count",
        ),
    )
    add_filter(
        Agency,
        "has_agreement",
        lambda: _has_agreement(
            "true: agencies with a 287(g) agreement in force (active, or missing from the latest ICE list "
            "but not yet ended); false: agencies without one.",
            "agency",
        ),
    )
