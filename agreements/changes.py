"""What changed on one ICE list: the agreements it added, dropped, ended, and moved from pending to signed."""

from __future__ import annotations

from dataclasses import dataclass

from agreements.models import Agreement, AgreementQuerySet, AgreementStatus, Snapshot, SnapshotKind


@dataclass
class SnapshotChanges:
    snapshot: Snapshot
    added: list[Agreement]
    dropped: list[Agreement]
    ended: list[Agreement]
    newly_pending: list[Agreement]

    @property
    def from_pending(self) -> list[Agreement]:
        return [a for a in self.added if a.pending_since]

    @property
    def renewed(self) -> list[Agreement]:
        """Dropped because a new agreement of the same model replaced them."""
        return [a for a in self.dropped if a.status == AgreementStatus.SUPERSEDED]

    @property
    def dropped_unrenewed(self) -> list[Agreement]:
        return [a for a in self.dropped if a.status != AgreementStatus.SUPERSEDED]


def snapshot_changes(snapshot: Snapshot) -> SnapshotChanges:
    """Queries: earlier participating snapshots (1), then one per non-empty kind of change (≤ 3)."""
    base: AgreementQuerySet = Agreement.objects.public()
    if snapshot.kind == SnapshotKind.PENDING:
        pending = list(base.filter(pending_since=snapshot.published, listings__snapshot=snapshot).distinct())
        return SnapshotChanges(snapshot, [], [], [], pending)
    earlier = list(
        Snapshot.objects.accepted()
        .filter(kind=SnapshotKind.PARTICIPATING, published__lte=snapshot.published)
        .exclude(pk=snapshot.pk)
        .in_order()
        .values_list("pk", flat=True)
    )
    added = list(base.filter(listings__snapshot=snapshot, first_listed=snapshot.published).distinct())
    dropped = list(base.filter(first_missing_snapshot=snapshot))
    ended: list[Agreement] = []
    if len(earlier) >= 2:
        # ended on this list: third list in a row without it, i.e. first missing two lists ago
        ended = list(base.filter(status=AgreementStatus.ENDED, first_missing_snapshot_id=earlier[-2]))
    return SnapshotChanges(snapshot, added, dropped, ended, [])
