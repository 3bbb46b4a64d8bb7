from collections.abc import Iterable
from html import escape

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Q, Value
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from agreements.models import AgreementStatus
from jurisdictions.models import Agency, AgencyQuerySet
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


def agency_rows_html(agencies: Iterable[Agency]) -> SafeString:
    """The rows of includes/_agency_table.html, joined here rather than in a template loop: a state page
    lists 100 agencies, and the loop took ~10 ms of the Texas page (this takes about a tenth of that).
    Each cell is labelled for the phone layout (one card per row, `data-label` before each value)."""
    kind, county, in_force, answered = (
        escape(gettext("Kind")),
        escape(gettext("County")),
        escape(gettext("287(g) agreements in force")),
        escape(gettext("Questions answered")),
    )
    statewide, pending, none_listed, none_yet = (
        escape(gettext("Statewide")),
        escape(gettext("Pending")),
        escape(gettext("None listed by ICE")),
        escape(gettext("None yet")),
    )

    def row(agency: Agency) -> str:
        models = agency.models_in_force  # type: ignore[attr-defined]
        if models:
            status = escape(", ".join(models))
        else:
            status = pending if agency.pending_agreements else none_listed  # type: ignore[attr-defined]
        questions = agency.answered_questions  # type: ignore[attr-defined]
        return (
            f'<tr><th scope="row"><a href="{escape(agency.get_absolute_url())}">{escape(agency.name)}</a></th>'
            f'<td data-label="{kind}">{escape(agency.get_kind_display())}</td>'
            f'<td data-label="{county}">{escape(agency.county.name) if agency.county else statewide}</td>'
            f'<td class="status-cell" data-label="{in_force}">{status}</td>'
            f'<td data-label="{answered}">{questions if questions else none_yet}</td></tr>\n'
        )

    return mark_safe("".join(row(agency) for agency in agencies))  # every value is escaped above
