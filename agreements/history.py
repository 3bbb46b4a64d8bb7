"""Agreement history recomputed from the accepted snapshots (ICE_SHEETS.md, "From snapshots to history").

`history_recompute` re-derives every agreement of the agencies asked for from all their listings on
accepted snapshots, in published order, so snapshots may arrive in any order and editors may accept a
held one later. Existing agreement ids are kept where a computed agreement holds the same listings.

Agreements are grouped by agency id, so whatever makes two spellings one agency (aliases, renames, typos:
`agreements.importer.identity`) makes their listings one history. The rules, in the order they apply:

- same list: exact duplicates and signed dates a few days apart are one agreement (`_same_list_groups`);
- across lists: the same signed date continues an agreement; a signed date moved by a few days with the
  MOA and addendum links unchanged is a correction of the same agreement (recorded as a merge, shown on
  its page); a changed date on a listing that never had an MOA link, within 90 days, too (rule 6);
- pending rows: on or before an agreement's first listing they are its pending history
  (`pending_since`); after it, while it is listed (not ended), they are a row of that agreement, never a
  second, phantom pending agreement;
- a pending-only agreement is pending while it is on the latest pending list. ICE stopped publishing
  that list after February 2026: with no newer pending list it stays pending — absence is not "cleared";
- status, superseded, ended and model-switch follow ICE_SHEETS.md rule 5. `missing_count` counts up to
  ENDED_AFTER, so a new list changes nothing for an ended agreement that is not on it: an import
  recomputes only the agencies on the list and those with a current or pending agreement.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction

from agreements.models import Agreement, AgreementMerge, AgreementStatus, Listing, Snapshot, SnapshotKind

Merge = AgreementMerge.Reason

DATE_CORRECTION_DAYS = 7  # a signed date moved this little, links unchanged: ICE corrected it
RENEWAL_DAYS = 60  # a new signed date within this many days of the old one's last listing is a renewal
CORRECTION_DAYS = 90  # rule 6: a changed signed date on a listing that never had an MOA
NEAR_DUPLICATE_DAYS = 7  # same agency and model twice on one list, signed this close: one agreement
ENDED_AFTER = 3  # consecutive accepted participating snapshots without the agreement


@dataclass
class _Listing:
    id: int
    snapshot_id: int
    agreement_id: int | None
    model: str
    signed: dt.date | None
    moa_url: str
    addendum_url: str
    row_number: int


@dataclass
class _Agreement:
    model: str
    signed: dt.date | None
    listings: list[_Listing] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)  # participating snapshot positions
    merges: list[tuple[int, str, str]] = field(default_factory=list)  # listing id, reason, detail
    pending_dates: list[dt.date] = field(default_factory=list)
    has_moa: bool = False
    superseded_by: _Agreement | None = None
    model_switch: bool = False
    pk: int | None = None


@dataclass
class _Timeline:
    participating: list[Snapshot]
    position: dict[int, int]
    pending: dict[int, Snapshot]
    pending_order: list[int]  # pending snapshot ids, oldest first
    pending_position: dict[int, int]
    latest_pending_id: int | None

    @property
    def dates(self) -> list[dt.date]:
        return [s.published for s in self.participating]


def _timeline() -> _Timeline:
    snapshots = list(Snapshot.objects.accepted().in_order())
    participating = [s for s in snapshots if s.kind == SnapshotKind.PARTICIPATING]
    pending = [s for s in snapshots if s.kind == SnapshotKind.PENDING]
    return _Timeline(
        participating=participating,
        position={s.pk: i for i, s in enumerate(participating)},
        pending={s.pk: s for s in pending},
        pending_order=[s.pk for s in pending],
        pending_position={s.pk: i for i, s in enumerate(pending)},
        latest_pending_id=pending[-1].pk if pending else None,
    )


@transaction.atomic
def history_recompute(*, agency_ids: Iterable[int] | None) -> int:
    """Rebuild the agreements of these agencies (all agencies with listings when None); returns how many.

    Queries: snapshots (1), listings of the agencies (1), their agreements (1), then bulk writes. Cost
    grows with the agencies' listings: at 200 snapshots, about 200 rows per agreement.
    """
    timeline = _timeline()
    listings = Listing.objects.filter(snapshot__status="accepted").order_by()
    if agency_ids is not None:
        listings = listings.filter(agency_id__in=list(agency_ids))
    by_agency: dict[int, list[_Listing]] = defaultdict(list)
    rows = listings.values_list(
        "agency_id", "id", "snapshot_id", "agreement_id", "model", "signed", "moa_url", "addendum_url",
        "row_number",
    )  # fmt: skip
    for agency_id, pk, snapshot_id, agreement_id, model, signed, moa, addendum, number in rows:
        by_agency[agency_id].append(
            _Listing(pk, snapshot_id, agreement_id, model, signed, moa, addendum, number)
        )
    agencies = set(by_agency) if agency_ids is None else set(agency_ids)
    computed = {agency_id: _agency_history(by_agency.get(agency_id, []), timeline) for agency_id in agencies}
    return _write(computed, timeline)


def _agency_history(listings: list[_Listing], timeline: _Timeline) -> list[_Agreement]:
    by_model: dict[str, list[_Listing]] = defaultdict(list)
    pending_by_model: dict[str, list[_Listing]] = defaultdict(list)
    for listing in listings:
        if listing.snapshot_id in timeline.position:
            by_model[listing.model].append(listing)
        elif listing.snapshot_id in timeline.pending:
            pending_by_model[listing.model].append(listing)
    agreements: list[_Agreement] = []
    for model, rows in by_model.items():
        agreements.extend(_model_history(model, rows, timeline))
    _statuses(agreements, timeline)
    for model, rows in pending_by_model.items():
        agreements.extend(_pending(model, rows, agreements, timeline))
    return agreements


def _model_history(model: str, rows: list[_Listing], timeline: _Timeline) -> list[_Agreement]:
    by_index: dict[int, list[_Listing]] = defaultdict(list)
    for row in rows:
        by_index[timeline.position[row.snapshot_id]].append(row)
    agreements: list[_Agreement] = []
    for index in sorted(by_index):
        groups = _same_list_groups(sorted(by_index[index], key=lambda r: r.row_number))
        matched: set[int] = set()
        unmatched: list[tuple[_Listing, list[tuple[_Listing, str, str]]]] = []
        for lead, extra in groups:
            found = next(
                (a for a in agreements if id(a) not in matched and _same_signed(a, lead.signed)), None
            )
            if found is None:
                unmatched.append((lead, extra))
                continue
            matched.add(id(found))
            _attach(found, index, lead, extra)
        for lead, extra in unmatched:
            found = _correction_target(agreements, matched, lead, index)
            if found is None:
                found = _Agreement(model=model, signed=lead.signed)
                agreements.append(found)
            elif lead.signed is not None:
                found.merges.append(
                    (lead.id, _correction_reason(found, lead), f"{found.signed} → {lead.signed}")
                )
                found.signed = lead.signed
            matched.add(id(found))
            _attach(found, index, lead, extra)
    return agreements


def _same_signed(agreement: _Agreement, signed: dt.date | None) -> bool:
    return (signed is not None and any(r.signed == signed for r in agreement.listings[-3:])) or (
        signed == agreement.signed
    )


def _same_list_groups(rows: list[_Listing]) -> list[tuple[_Listing, list[tuple[_Listing, str, str]]]]:
    """Rows of one model on one list that are one agreement: exact duplicates, dates a few days apart.

    The lead row is the one with an MOA link, else the first.
    """
    if len(rows) == 1:  # an agency's one row of a model on a list: nearly every call
        return [(rows[0], [])]
    groups: list[list[tuple[_Listing, str, str]]] = []
    for row in rows:
        for group in groups:
            first = group[0][0]
            if row.signed == first.signed:
                group.append((row, AgreementMerge.Reason.DUPLICATE_ROW, f"row {first.row_number}"))
                break
            if row.signed and first.signed and abs((row.signed - first.signed).days) <= NEAR_DUPLICATE_DAYS:
                detail = (
                    f"row {first.row_number} signed {first.signed}, row {row.row_number} signed {row.signed}"
                )
                group.append((row, AgreementMerge.Reason.NEAR_DUPLICATE, detail))
                break
        else:
            groups.append([(row, "", "")])
    result = []
    for group in groups:
        lead_pos = next((i for i, (r, _, _) in enumerate(group) if r.moa_url), 0)
        others = []
        for i, (row, reason, detail) in enumerate(group):
            if i == lead_pos:
                continue
            if i == 0:  # the first row is merged into the row with the MOA link
                reason, detail = group[lead_pos][1], group[lead_pos][2]
            others.append((row, reason, detail))
        result.append((group[lead_pos][0], others))
    return result


def _date_corrected(agreement: _Agreement, lead: _Listing) -> bool:
    """The signed date moved by a few days and the links did not change (an MOA newly linked is allowed)."""
    if lead.signed is None or agreement.signed is None:
        return False
    if abs((lead.signed - agreement.signed).days) > DATE_CORRECTION_DAYS:
        return False
    last = agreement.listings[-1]
    return last.moa_url in {"", lead.moa_url} and last.addendum_url in {"", lead.addendum_url}


def _correction_reason(agreement: _Agreement, lead: _Listing) -> str:
    return Merge.DATE_CORRECTION if _date_corrected(agreement, lead) else Merge.SIGNED_CORRECTION


def _correction_target(
    agreements: list[_Agreement], matched: set[int], lead: _Listing, index: int
) -> _Agreement | None:
    """The recent agreement this row corrects: its signed date moved a few days with the links unchanged,
    or (rule 6) it never had an MOA link and the dates are within 90 days."""
    recent = [
        a for a in reversed(agreements) if id(a) not in matched and a.indices[-1] >= index - ENDED_AFTER
    ]
    for agreement in recent:
        if _date_corrected(agreement, lead):
            return agreement
    for agreement in recent:
        if agreement.has_moa:
            continue
        if lead.signed is None or agreement.signed is None:
            return agreement
        if abs((lead.signed - agreement.signed).days) <= CORRECTION_DAYS:
            return agreement
    return None


def _attach(
    agreement: _Agreement, index: int, lead: _Listing, extra: list[tuple[_Listing, str, str]]
) -> None:
    agreement.indices.append(index)
    agreement.listings.append(lead)
    for row, reason, detail in extra:
        agreement.listings.append(row)
        agreement.merges.append((row.id, reason, detail))
    for row in [lead, *(r for r, _, _ in extra)]:
        if row.moa_url:
            agreement.has_moa = True


def _statuses(agreements: list[_Agreement], timeline: _Timeline) -> None:
    last = len(timeline.participating) - 1
    dates = [s.published for s in timeline.participating]
    for agreement in agreements:
        if agreement.indices[-1] == last:
            continue
        end = agreement.indices[-1]
        renewals = [
            b
            for b in agreements
            if b is not agreement
            and b.model == agreement.model
            and b.indices[0] > agreement.indices[0]
            and b.signed != agreement.signed
            and (b.indices[0] <= end + 1 or (dates[b.indices[0]] - dates[end]).days <= RENEWAL_DAYS)
        ]
        if renewals:
            agreement.superseded_by = min(renewals, key=lambda b: b.indices[0])
            continue
        agreement.model_switch = any(
            b.model != agreement.model
            and b.indices[0] > agreement.indices[0]
            and abs((dates[b.indices[0]] - dates[min(end + 1, last)]).days) <= RENEWAL_DAYS
            and not any(c.model == b.model and c.indices[0] < b.indices[0] for c in agreements)
            for b in agreements
        )


def _pending(
    model: str, rows: list[_Listing], agreements: list[_Agreement], timeline: _Timeline
) -> list[_Agreement]:
    """Where each pending row of this model goes, in order of preference:

    1. an agreement already listed before the pending list and not ended by then: the row is one more
       listing of it (a merge, `pending_row`), unless that agreement was superseded by one first listed
       on or after the row — then the row was the renewal's pending stage;
    2. the first agreement listed on or after the pending list: its pending stage (`pending_since`);
    3. otherwise a pending-only agreement of this agency and model.
    """
    dates, last = timeline.dates, len(timeline.participating) - 1

    def listed_at(agreement: _Agreement, day: dt.date) -> bool:
        ended = agreement.indices[-1] + ENDED_AFTER
        return dates[agreement.indices[0]] < day and (ended > last or dates[ended] > day)

    rows = sorted(rows, key=lambda r: timeline.pending_position[r.snapshot_id])
    ours = [a for a in agreements if a.model == model and a.indices]
    leftover: list[_Listing] = []
    for row in rows:
        day = timeline.pending[row.snapshot_id].published
        current = next((a for a in reversed(ours) if listed_at(a, day)), None)
        later = [a for a in ours if dates[a.indices[0]] >= day]
        renewal = current.superseded_by if current is not None else None
        if current is not None and (renewal is None or dates[renewal.indices[0]] < day):
            current.listings.append(row)
            detail = f"{timeline.pending[row.snapshot_id]}, row {row.row_number}"
            current.merges.append((row.id, Merge.PENDING_ROW, detail))
        elif later or renewal is not None:
            target = renewal if renewal is not None else min(later, key=lambda a: a.indices[0])
            target.listings.append(row)
            target.pending_dates.append(day)
        else:
            leftover.append(row)
    if not leftover:
        return []
    pending = _Agreement(model=model, signed=None, listings=leftover)
    pending.pending_dates = [timeline.pending[r.snapshot_id].published for r in leftover]
    return [pending]


def _fields(agreement: _Agreement, timeline: _Timeline) -> dict[str, object]:
    dates = timeline.dates
    last = len(dates) - 1
    moa = next((r.moa_url for r in reversed(agreement.listings) if r.moa_url), "")
    addendum = next((r.addendum_url for r in reversed(agreement.listings) if r.addendum_url), "")
    values: dict[str, object] = {
        "model": agreement.model,
        "signed": agreement.signed,
        "moa_url": moa,
        "addendum_url": addendum,
        "pending_since": min(agreement.pending_dates) if agreement.pending_dates else None,
        "model_switch": agreement.model_switch,
        "first_listed": None,
        "last_listed": None,
        "first_missing_snapshot_id": None,
        "missing_count": 0,
        "ended_on": None,
    }
    if not agreement.indices:
        # Pending while on the latest pending list ICE published, however old: no newer list, no news.
        # Gone from a later pending list, it ended — once a participating list of that day or later is in:
        # ICE publishes both lists the same day, and an agency leaves the pending list because it joined
        # the participating one, which an import may not have reached yet.
        on_latest = any(r.snapshot_id == timeline.latest_pending_id for r in agreement.listings)
        values["status"] = AgreementStatus.PENDING
        if not on_latest:
            seen = max(timeline.pending_position[r.snapshot_id] for r in agreement.listings)
            gone_on = timeline.pending[timeline.pending_order[seen + 1]].published
            if timeline.participating and timeline.participating[-1].published >= gone_on:
                values["status"], values["ended_on"] = AgreementStatus.ENDED, gone_on
        return values
    end = agreement.indices[-1]
    values["first_listed"] = dates[agreement.indices[0]]
    values["last_listed"] = dates[end]
    values["missing_count"] = min(last - end, ENDED_AFTER)
    if end < last:
        values["first_missing_snapshot_id"] = timeline.participating[end + 1].pk
    if end == last:
        values["status"] = AgreementStatus.ACTIVE
    elif agreement.superseded_by is not None:
        values["status"] = AgreementStatus.SUPERSEDED
    elif last - end >= ENDED_AFTER:
        values["status"] = AgreementStatus.ENDED
        values["ended_on"] = dates[end + 1]
    else:
        values["status"] = AgreementStatus.MISSING
    return values


_WRITTEN = {
    "model": "text", "signed": "date", "status": "text", "moa_url": "text", "addendum_url": "text",
    "pending_since": "date", "model_switch": "boolean", "first_listed": "date", "last_listed": "date",
    "first_missing_snapshot_id": "bigint", "missing_count": "smallint", "superseded_by_id": "bigint",
    "ended_on": "date",
}  # fmt: skip


def _write(computed: dict[int, list[_Agreement]], timeline: _Timeline) -> int:
    existing = {a.pk: a for a in Agreement.objects.filter(agency_id__in=list(computed)).order_by("pk")}
    taken: set[int] = set()
    to_update: list[Agreement] = []
    to_create: list[Agreement] = []
    pairs: list[tuple[_Agreement, Agreement]] = []
    for agency_id, agreements in computed.items():
        for agreement in agreements:
            candidates = sorted(
                {r.agreement_id for r in agreement.listings if r.agreement_id in existing} - taken
            )
            values = _fields(agreement, timeline)
            if candidates:
                obj = existing[candidates[0]]
                taken.add(obj.pk)
                before = {name: getattr(obj, name) for name in values}
                for name, value in values.items():
                    setattr(obj, name, value)
                if before != values or agreement.superseded_by or obj.superseded_by_id:
                    to_update.append(obj)
            else:
                obj = Agreement(agency_id=agency_id, **values)
                to_create.append(obj)
            pairs.append((agreement, obj))
    Agreement.objects.bulk_create(to_create)
    for agreement, obj in pairs:
        agreement.pk = obj.pk
    for agreement, obj in pairs:
        obj.superseded_by_id = agreement.superseded_by.pk if agreement.superseded_by else None
    changed = {o.pk: o for o in [*to_update, *(o for a, o in pairs if a.superseded_by)]}
    _update_agreements(list(changed.values()))
    stale = [pk for pk in existing if pk not in taken]
    moved = [(r, a.pk) for a, _ in pairs for r in a.listings if r.agreement_id != a.pk]
    listings_link([(r.id, pk) for r, pk in moved])
    AgreementMerge.objects.filter(agreement__agency_id__in=list(computed)).delete()
    AgreementMerge.objects.bulk_create(
        AgreementMerge(agreement_id=obj.pk, listing_id=listing_id, reason=reason, detail=detail)
        for a, obj in pairs
        for listing_id, reason, detail in a.merges
    )
    if stale:
        Agreement.objects.filter(pk__in=stale).delete()
    snapshots_count_agreements(snapshot_ids={r.snapshot_id for r, _ in moved})
    return len(pairs)


def snapshots_count_agreements(*, snapshot_ids: Collection[int] | None) -> None:
    """Store `agreement_count` (distinct agreements listed) on these accepted snapshots, all when None.

    One UPDATE with a count per snapshot through the listings' snapshot index.
    """
    if snapshot_ids is not None and not snapshot_ids:
        return
    only = "" if snapshot_ids is None else " AND s.id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Snapshot._meta.db_table} AS s SET agreement_count = (SELECT count(DISTINCT l.agreement_id) "
            f"FROM {Listing._meta.db_table} AS l WHERE l.snapshot_id = s.id) WHERE s.status = 'accepted'{only}",
            [] if snapshot_ids is None else [list(snapshot_ids)],
        )


def _update_agreements(agreements: list[Agreement]) -> None:
    """Like bulk_update, as one UPDATE … FROM unnest(arrays), one array per column (bulk_update's CASE
    per row and per field is slow, and so is binding thousands of separate parameters)."""
    if not agreements:
        return
    table = Agreement._meta.db_table
    columns = list(_WRITTEN)
    assignments = ", ".join(f"{c} = v.{c}" for c in columns)
    arrays = ", ".join(f"%s::{t}[]" for t in ["bigint", *_WRITTEN.values()])
    params = [[a.pk for a in agreements], *([getattr(a, c) for a in agreements] for c in columns)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS a SET {assignments}, updated_at = now() "
            f"FROM unnest({arrays}) AS v(id, {', '.join(columns)}) WHERE a.id = v.id",
            params,
        )


def listings_link(links: list[tuple[int, int | None]]) -> None:
    """One UPDATE … FROM unnest(ids, agreement ids) instead of a CASE per row."""
    if not links:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Listing._meta.db_table} AS l SET agreement_id = v.agreement_id "
            "FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, agreement_id) WHERE l.id = v.id",
            [[pk for pk, _ in links], [agreement for _, agreement in links]],
        )
