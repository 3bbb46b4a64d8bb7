"""Import one ICE spreadsheet: store it as a snapshot with its rows, then recompute agreement history.

Which problems reject a file (nothing written, the report names each bad row): not an xlsx, wrong
headers, a row with an agency but no readable state or model (see `ice_sheets`). Which are stored with the
rows and reported: snapped typos, an unreadable SIGNED date (kept blank), links that are not web
addresses, duplicates, counties not found. A participating list with fewer than 70% of the rows of the
previous accepted one is stored as *held*: its rows are kept but play no part in history until an editor
accepts it in the admin.

Dating a file, first that applies: the date given by the operator; ICE's file name (an impossible year is
repaired from the capture date, a year-early name from the newest SIGNED date, both flagged); the
server's Last-Modified date; the capture date. Same name, different bytes (ICE re-uploads under an old
name): a new snapshot, flagged `republished`, dated no earlier than when it was captured, so the
agreements that first appear on it are never dated before the list they were first downloaded on.
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
from agreements.ice_sheets import ParsedSheet, Problem, SheetRejected, parse_sheet
from agreements.ice_values import FileDate, parse_file_name, part_order
from agreements.importer.counties import JurisdictionIndex
from agreements.importer.identity import agencies_resolve
from agreements.models import (
    Agreement,
    AgreementStatus,
    DateSource,
    Listing,
    Snapshot,
    SnapshotKind,
    SnapshotStatus,
)

MIN_SHARE_OF_PREVIOUS = 0.7
YEAR_EARLY_MARGIN = dt.timedelta(
    days=30
)  # a SIGNED date this far after the file's date proves the year wrong
IMPORT_LOCK = 287_0001  # pg advisory lock key for snapshot imports


@dataclass
class ImportResult:
    status: str  # accepted, held, rejected, unchanged
    file_name: str
    snapshot: Snapshot | None = None
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    republished: bool = False
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
    captured: dt.date | None = None,
    last_modified: dt.date | None = None,
) -> ImportResult:
    """Import one file, given as `path` or `data` (+ `file_name`). Same bytes twice: "unchanged", no write.

    `captured`: when the bytes were downloaded (the downloader passes today), `last_modified`: the
    server's Last-Modified date; both only date a file whose name does not. Atomic: a rejected file
    writes nothing. Queries: about 15 plus bulk inserts, and the history recompute of the agencies on
    the list and of every agency with a current or pending agreement.
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
    named = parse_file_name(file_name, captured=captured)
    try:
        sheet = parse_sheet(data, kind=kind or named.kind)
    except SheetRejected as exc:
        result.status, result.message, result.problems = SnapshotStatus.REJECTED, str(exc), exc.problems
        return result
    result.problems, result.rows = [*(Problem(0, n) for n in named.notes), *sheet.problems], len(sheet.rows)
    day, source = _date(named, sheet, result, published, last_modified, captured)
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
        part = named.part if source == DateSource.FILENAME or day == named.published else ""
        earlier = Snapshot.objects.filter(kind=sheet.kind, file_name__iexact=file_name[:255])
        if named.published is not None and earlier.exists():
            result.republished = True
            if captured is not None and captured > day and source != DateSource.OPERATOR:
                day, part, source = captured, "", DateSource.CAPTURE
            note = _(
                "ICE published other content under the name of an imported file; a new snapshot dated "
                "%(date)s"
            ) % {"date": day.isoformat()}
            result.problems.insert(0, Problem(0, note))
        _store(result, sheet, digest, day, part, source, source_url, captured)
    return result


def _date(
    named: FileDate,
    sheet: ParsedSheet,
    result: ImportResult,
    published: dt.date | None,
    last_modified: dt.date | None,
    captured: dt.date | None,
) -> tuple[dt.date | None, str]:
    """The list's date and where it came from (see the module docstring)."""
    if published is not None:
        return published, DateSource.OPERATOR
    if named.published is not None:
        day = named.published
        late = [row.signed for row in sheet.rows if row.signed and row.signed > day + YEAR_EARLY_MARGIN]
        newest = max(late, default=None)
        # several rows, not one typo: a list named a year early is full of agreements signed after its name
        if newest is not None and len(late) >= max(3, len(sheet.rows) // 20):
            later = day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else None
            if later is not None and newest <= later + YEAR_EARLY_MARGIN:
                note = _(
                    "the file name's date %(date)s is before agreements it lists were signed (%(signed)s); "
                    "read as %(later)s"
                ) % {"date": day.isoformat(), "signed": newest.isoformat(), "later": later.isoformat()}
                result.problems.insert(0, Problem(0, note))
                return later, DateSource.FILENAME
        return day, DateSource.CAPTURE if named.source == "capture" else DateSource.FILENAME
    if last_modified is not None:
        return last_modified, DateSource.LAST_MODIFIED
    if captured is not None:
        return captured, DateSource.CAPTURE
    return None, ""


def _store(
    result: ImportResult,
    sheet: ParsedSheet,
    digest: str,
    day: dt.date,
    part: str,
    source: str,
    source_url: str,
    captured: dt.date | None,
) -> None:
    status, reason = SnapshotStatus.ACCEPTED, ""
    if sheet.kind == SnapshotKind.PARTICIPATING:
        previous = (
            Snapshot.objects.accepted()
            .filter(kind=SnapshotKind.PARTICIPATING, published__lt=day)
            .newest_first()
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
        part_order=part_order(part),
        date_source=source,
        captured_on=captured,
        republished=result.republished,
        file_name=result.file_name[:255],
        sha256=digest,
        row_count=len(sheet.rows),
        source_url=source_url,
        status=status,
        status_reason=reason,
        report=[p.as_dict() for p in result.problems],
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
    history_recompute(agency_ids=_agencies_to_recompute(snapshot, set(resolved.agency_ids)))
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
    # Agreements ended earlier that are listed again count back as active: never report a negative.
    result.ended = max(0, counts["ended"] - ended_before)
    result.pending = counts["pending"]
