"""What changed on one ICE list (the agreements it added, dropped, ended, and moved from pending to signed),
and between two dates (`changes_between`, the API's /changes/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from agreements.models import Agreement, AgreementQuerySet, AgreementStatus, Listing, Snapshot, SnapshotKind
from jurisdictions.names import normalize_name


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


@dataclass
class PeriodChanges:
    """What changed between the lists in force on two dates (`start` excluded, `end` included)."""

    start: dt.date
    end: dt.date
    added: list[Agreement]
    ended: list[Agreement]
    moved_from_pending: list[Agreement]
    renamed: list[tuple[Agreement, str, str]]  # agreement, name on the list at start, name at end


def changes_between(start: dt.date, end: dt.date) -> PeriodChanges:
    """Agreements first listed after `start` up to `end`, those whose `ended_on` falls there (ended, not
    merely missing, not renewed; a pending-only agreement leaving the pending list is not one), those first listed there that had been pending, and agreements on the
    participating lists in force on both dates under another agency name.

    Queries: 1 (agreements added or ended, with their agency), 2 (the list in force on each date), then
    2 when both lists differ (their rows; the renamed agreements).
    """
    base: AgreementQuerySet = Agreement.objects.public()
    window = Q(first_listed__gt=start, first_listed__lte=end) | Q(ended_on__gt=start, ended_on__lte=end)
    changed = list(base.filter(window))
    added = [a for a in changed if a.first_listed and start < a.first_listed <= end]
    ended = [
        a
        for a in changed
        if a.first_listed and a.ended_on and start < a.ended_on <= end and a.status == AgreementStatus.ENDED
    ]
    in_force = [
        Snapshot.objects.accepted()
        .filter(kind=SnapshotKind.PARTICIPATING, published__lte=day)
        .newest_first()
        .values_list("pk", flat=True)
        .first()
        for day in (start, end)
    ]
    renamed: list[tuple[Agreement, str, str]] = []
    if in_force[0] and in_force[1] and in_force[0] != in_force[1]:
        names: dict[int, dict[int, str]] = {in_force[0]: {}, in_force[1]: {}}
        rows = Listing.objects.filter(snapshot_id__in=in_force, agreement__isnull=False).order_by(
            "row_number"
        )
        for snapshot_id, agreement_id, name in rows.values_list("snapshot_id", "agreement_id", "agency_name"):
            names[snapshot_id].setdefault(agreement_id, name)
        before, after = names[in_force[0]], names[in_force[1]]
        moved = {
            pk
            for pk in before.keys() & after.keys()
            if normalize_name(before[pk]) != normalize_name(after[pk])
        }
        renamed = [(a, before[a.pk], after[a.pk]) for a in base.filter(pk__in=moved)]
    return PeriodChanges(
        start,
        end,
        added,
        ended,
        [a for a in added if a.pending_since],
        sorted(renamed, key=lambda r: r[0].pk),
    )
