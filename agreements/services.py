"""Import one ICE spreadsheet: store it as a snapshot with its rows, then recompute agreement history.

Which problems reject a file (nothing written, the report names each bad row): not an xlsx, wrong
headers, a row with an agency but no readable state or model (see `ice_sheets`). Which are stored with the
rows and reported: snapped typos, an unreadable SIGNED date (kept blank), links that are not web
addresses, duplicates, counties not found. A participating list with fewer than 70% of the rows of the
previous accepted one is stored as *held*: its rows are kept but play no part in history until an editor
accepts it in the admin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from agreements.history import history_recompute
from agreements.history_shortcuts import history_add_pending, history_age
from agreements.ice_sheets import ParsedSheet, Problem, SheetRejected, parse_sheet
from agreements.ice_values import parse_file_name
from agreements.importer.counties import JurisdictionIndex
from agreements.importer.identity import agencies_resolve
from agreements.models import Agreement, AgreementStatus, Listing, Snapshot, SnapshotKind, SnapshotStatus

MIN_SHARE_OF_PREVIOUS = 0.7
IMPORT_LOCK = 287_0001  # pg advisory lock key for snapshot imports


@dataclass
class ImportResult:
    status: str  # accepted, held, rejected, unchanged
    file_name: str
    snapshot: Snapshot | None = None
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    agencies_created: int = 0
    resolved: dict[str, int] = field(default_factory=dict)  # rows by how their agency was found
    reviews: int = 0  # identity questions left for an editor
    rows_with_county: int = 0
    county_rows: int = 0
    added: int = 0
    continued: int = 0
    dropped: int = 0
    ended: int = 0
    pending: int = 0

    @property
    def ok(self) -> bool:
        return self.status in {SnapshotStatus.ACCEPTED, "unchanged"}


def snapshot_import(
    *,
    path: Path | str | None = None,
    data: bytes | None = None,
    file_name: str = "",
    kind: str | None = None,
    published: dt.date | None = None,
    source_url: str = "",
) -> ImportResult:
    """Import one file, given as `path` or `data` (+ `file_name`). Same bytes twice: "unchanged", no write.

    Atomic: a rejected file writes nothing. Queries: about 15 plus bulk inserts, and the history
    recompute of the agencies on the list and of every agreement still current; a new pending list
    (the latest, after every participating one) skips that recompute for about 8 fixed queries.
    """
    if data is None:
        if path is None:
            raise TypeError("snapshot_import needs path or data")
        data = Path(path).read_bytes()
        file_name = file_name or Path(path).name
    digest = hashlib.sha256(data).hexdigest()
    result = ImportResult(status="unchanged", file_name=file_name)
    if (existing := Snapshot.objects.filter(sha256=digest).first()) is not None:
        result.snapshot, result.rows = existing, existing.row_count
        result.message = _("already imported as %(snapshot)s (same SHA-256)") % {"snapshot": existing}
        return result
    named = parse_file_name(file_name)
    try:
        sheet = parse_sheet(data, kind=kind or named.kind)
    except SheetRejected as exc:
        result.status, result.message, result.problems = SnapshotStatus.REJECTED, str(exc), exc.problems
        return result
    result.problems, result.rows = sheet.problems, len(sheet.rows)
    day = published or named.published
    if day is None:
        result.status = SnapshotStatus.REJECTED
        result.message = _("no date in the file name “%(name)s”; give the published date") % {
            "name": file_name
        }
        return result
    with transaction.atomic():
        # one import at a time (the beat task and a command may overlap); history is recomputed per import
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        if (existing := Snapshot.objects.filter(sha256=digest).first()) is not None:
            result.snapshot, result.rows = existing, existing.row_count
            result.message = _("already imported as %(snapshot)s (same SHA-256)") % {"snapshot": existing}
            return result
        part = named.part if day == named.published else ""
        _store(result, sheet, digest, day, part, source_url)
    return result


def _store(
    result: ImportResult, sheet: ParsedSheet, digest: str, day: dt.date, part: str, source_url: str
) -> None:
    status, reason = SnapshotStatus.ACCEPTED, ""
    if sheet.kind == SnapshotKind.PARTICIPATING:
        previous = (
            Snapshot.objects.accepted()
            .filter(kind=SnapshotKind.PARTICIPATING, published__lt=day)
            .order_by("-published", "-published_part", "-pk")
            .first()
        )
        if previous and len(sheet.rows) < MIN_SHARE_OF_PREVIOUS * previous.row_count:
            status = SnapshotStatus.HELD
            reason = _(
                "%(rows)d rows, fewer than 70%% of the %(previous)d rows of %(snapshot)s; held for review"
            ) % {"rows": len(sheet.rows), "previous": previous.row_count, "snapshot": previous}
    snapshot = Snapshot.objects.create(
        kind=sheet.kind,
        published=day,
        published_part=part,
        file_name=result.file_name[:255],
        sha256=digest,
        row_count=len(sheet.rows),
        source_url=source_url,
        status=status,
        status_reason=reason,
        report=[p.as_dict() for p in sheet.problems],
    )
    result.snapshot, result.status, result.message = snapshot, status, reason
    index = JurisdictionIndex.load({row.state for row in sheet.rows})
    resolved = agencies_resolve(rows=sheet.rows, snapshot=snapshot, index=index)
    result.agencies_created = resolved.created
    result.resolved, result.reviews = dict(resolved.how), resolved.reviews
    listings = []
    for row, agency_id, county_id in zip(sheet.rows, resolved.agency_ids, resolved.county_ids, strict=True):
        notes = [*row.notes, *resolved.notes.get(row.row_number, [])]
        listings.append(
            Listing(
                snapshot=snapshot,
                agency_id=agency_id,
                row_number=row.row_number,
                raw=row.raw,
                state_id=index.states[row.state].pk,
                agency_name=row.agency_name[:200],
                agency_type=row.agency_type[:40],
                county_name=row.county_name[:100],
                county_id=county_id,
                model=row.model,
                signed=row.signed,
                moa_url=row.moa_url[:500],
                addendum_url=row.addendum_url[:500],
                problems=notes,
            )
        )
        if row.agency_type != "State Agency":
            result.county_rows += 1
            result.rows_with_county += county_id is not None
    Listing.objects.bulk_create(listings, batch_size=1000)
    if status != SnapshotStatus.ACCEPTED:
        return
    ended_before = Agreement.objects.filter(status=AgreementStatus.ENDED).count()
    if not history_add_pending(snapshot=snapshot):  # the shortcut for a new pending list, else:
        agency_ids = _agencies_to_recompute(snapshot, set(resolved.agency_ids))
        history_recompute(agency_ids=agency_ids)
        if agency_ids is not None and snapshot.kind == SnapshotKind.PARTICIPATING:
            history_age(recomputed=agency_ids)
    _summarize(result, snapshot, ended_before)


def _agencies_to_recompute(snapshot: Snapshot, listed: set[int]) -> set[int] | None:
    latest = Snapshot.objects.accepted().filter(kind=snapshot.kind).in_order().last()
    if latest is not None and latest.pk != snapshot.pk:
        return None  # arrived out of order: later lists' statuses may change anywhere
    # A participating list can move any current agreement (active → missing → ended, pending → signed);
    # a pending list can only change pending ones, so it spares the recompute of every active agency.
    affected = (
        [AgreementStatus.PENDING]
        if snapshot.kind == SnapshotKind.PENDING
        else [AgreementStatus.ACTIVE, AgreementStatus.MISSING, AgreementStatus.PENDING]
    )
    current = Agreement.objects.filter(status__in=affected).order_by().values_list("agency_id", flat=True)
    return listed | set(current)


def _summarize(result: ImportResult, snapshot: Snapshot, ended_before: int) -> None:
    # The agreements on the list through the list's own rows (index on snapshot), not a join of every
    # agreement with every listing.
    on_list = Q(pk__in=Listing.objects.filter(snapshot=snapshot).values("agreement_id"))
    counts = Agreement.objects.aggregate(
        added=Count("pk", filter=on_list & Q(first_listed=snapshot.published)),
        continued=Count("pk", filter=on_list & Q(first_listed__lt=snapshot.published)),
        dropped=Count("pk", filter=Q(first_missing_snapshot=snapshot)),
        ended=Count("pk", filter=Q(status=AgreementStatus.ENDED)),
        pending=Count("pk", filter=Q(status=AgreementStatus.PENDING)),
    )
    result.added, result.continued, result.dropped = counts["added"], counts["continued"], counts["dropped"]
    result.ended = counts["ended"] - ended_before
    result.pending = counts["pending"]
