"""The 287(g) section of an agency's page: its agreements, newest first per model, and what is in force.

Called by the page's view (`pages.agency`), which renders `agreements/includes/_agency_timeline.html` with
what this returns and gives the answer box the models in force from the same rows.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Min

from agreements.models import Agreement, AgreementStatus, Snapshot
from jurisdictions.models import Agency


def agency_agreements(agency: Agency) -> dict[str, Any]:
    """One query, and one more (the period ICE's lists cover) for an agency on none of them."""
    agreements = list(Agreement.objects.for_agency(agency).select_related("superseded_by"))
    period = (
        None
        if agreements
        else Snapshot.objects.accepted().aggregate(first=Min("published"), last=Max("published"))
    )
    in_force = AgreementStatus.in_force()
    return {
        "agreements": agreements,
        "current": [a for a in agreements if a.status == AgreementStatus.ACTIVE],
        "period": period,
        # As `pages.directory.with_summary` computes them for lists, from the rows already loaded.
        "models_in_force": sorted({a.model for a in agreements if a.status in in_force}),
        "pending_agreements": sum(1 for a in agreements if a.status == AgreementStatus.PENDING),
    }
