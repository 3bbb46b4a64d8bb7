from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Q, Value

from agreements.models import AgreementStatus
from jurisdictions.models import AgencyQuerySet
from policies.models import PolicyStatus


def with_summary(agencies: AgencyQuerySet) -> AgencyQuerySet:
    """The agencies with the roll-up columns of the state and county tables (includes/_agency_table.html):
    287(g) models in force, pending agreements, and how many questions have a published, sourced answer.
    No extra query: the columns are aggregated in the agencies' own (grouped) query."""
    return agencies.annotate(
        models_in_force=ArrayAgg(
            "agreements__model",
            filter=Q(agreements__status__in=AgreementStatus.in_force()),
            distinct=True,
            default=Value([]),
            order_by="agreements__model",
        ),
        pending_agreements=Count(
            "agreements", filter=Q(agreements__status=AgreementStatus.PENDING), distinct=True
        ),
        answered_questions=Count(
            "policies", filter=Q(policies__status=PolicyStatus.PUBLISHED), distinct=True
        ),
    )
