"""Shortcuts for the common imports that write what `history_recompute` would, without re-deriving what
the new list cannot change. Each holds only if the history written before was itself recomputed, as every
import and every accept keeps it; tests compare each with a full recompute.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now

from agreements.history import listings_link
from agreements.models import Agreement, AgreementStatus, Listing, Snapshot, SnapshotKind


@transaction.atomic
def history_add_pending(*, snapshot: Snapshot) -> bool:
    """Add a new pending list to the history already written; False (nothing written) when it cannot.

    It can when the list is the latest accepted pending one and published after every accepted
    participating list: then none of its rows can join a signed agreement (`_pending` joins a row to an
    agreement first listed on or after it), so the rows go to their agency's pending-only agreement of
    that model (created if none), which is pending; every other pending agreement ends. Queries: 4 checks
    and reads, then at most 4 writes, whatever the size of the list.
    """
    if snapshot.kind != SnapshotKind.PENDING:
        return False
    accepted = Snapshot.objects.accepted()
    newest = accepted.filter(kind=SnapshotKind.PENDING).in_order().last()
    if newest is None or newest.pk != snapshot.pk:
        return False
    if accepted.filter(kind=SnapshotKind.PARTICIPATING, published__gte=snapshot.published).exists():
        return False
    rows = list(Listing.objects.filter(snapshot=snapshot).order_by().values_list("pk", "agency_id", "model"))
    keys = {(agency_id, model) for _, agency_id, model in rows}
    pending_only = (
        Agreement.objects.filter(agency_id__in={agency_id for agency_id, _ in keys}, first_listed=None)
        .order_by("-pk")
        .values_list("agency_id", "model", "pk", "status")
    )
    found = {(agency_id, model): (pk, status) for agency_id, model, pk, status in pending_only}
    created = [
        Agreement(
            agency_id=agency_id, model=model, status=AgreementStatus.PENDING, pending_since=snapshot.published
        )
        for agency_id, model in sorted(keys - set(found))
    ]
    Agreement.objects.bulk_create(created)
    target = {key: pk for key, (pk, _) in found.items() if key in keys}
    target.update({(a.agency_id, a.model): a.pk for a in created})
    listings_link([(pk, target[agency_id, model]) for pk, agency_id, model in rows])
    revived = [pk for key, (pk, status) in found.items() if key in keys and status != AgreementStatus.PENDING]
    Agreement.objects.filter(pk__in=revived).update(status=AgreementStatus.PENDING, updated_at=Now())
    Agreement.objects.filter(status=AgreementStatus.PENDING).exclude(pk__in=list(target.values())).update(
        status=AgreementStatus.ENDED, updated_at=Now()
    )
    return True


def history_age(*, recomputed: Collection[int]) -> int:
    """After a participating list that is the latest was recomputed for only these agencies: count it
    against every other agreement ever listed (all ended or superseded, or they would have been
    recomputed), as a recompute would (`missing_count`). One UPDATE; returns how many rows.
    """
    return (
        Agreement.objects.filter(status__in=[AgreementStatus.ENDED, AgreementStatus.SUPERSEDED])
        .exclude(first_listed=None)
        .exclude(agency_id__in=list(recomputed))
        .update(missing_count=F("missing_count") + 1, updated_at=Now())
    )
