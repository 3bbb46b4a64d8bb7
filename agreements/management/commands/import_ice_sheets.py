import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from agreements import ice_download
from agreements.ice_values import parse_file_name
from agreements.services import ImportResult, snapshot_import

MAX_PROBLEMS_SHOWN = 25


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"dates must be YYYY-MM-DD, not {value!r}") from exc


@dataclass
class Job:
    name: str
    data: bytes | None  # None: the file could not be read (`error` says why)
    published: dt.date | None = None
    source_url: str = ""
    captured: dt.date | None = None
    last_modified: dt.date | None = None
    error: str = ""

    def order(self) -> tuple:
        named = parse_file_name(self.name, captured=self.captured)
        day = self.published or named.published or self.last_modified or self.captured or dt.date.max
        return (day, named.order, named.kind != "pending", self.name)  # pending before participating


class Command(BaseCommand):
    help = (
        "Import ICE 287(g) spreadsheets (participating / pending agencies) as snapshots, oldest first, "
        "and recompute agreement history. Directories are walked recursively. Every file is reported as "
        "accepted, unchanged, held or rejected with its reason; one bad file never stops the batch. "
        "Exits non-zero at the end when any file was rejected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="xlsx files or directories holding them (recursively)")
        parser.add_argument("--published", type=_date, help="published date for every file given")
        parser.add_argument(
            "--captured",
            type=_date,
            help="when the files were captured (downloaded or archived): repairs impossible years in "
            "their names and dates a file ICE republished under an old name",
        )
        parser.add_argument("--kind", choices=["participating", "pending"], help="which list the files are")
        parser.add_argument("--from-ice", action="store_true", help="download the current lists from ice.gov")

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = sorted(self._jobs(options), key=Job.order)
        if not jobs:
            raise CommandError("nothing to import: give xlsx files, a directory, or --from-ice")
        results = []
        for number, job in enumerate(jobs, 1):
            result = self._import(job, options["kind"])
            results.append(result)
            self._progress(number, len(jobs), result)
        self._summary(results)
        if any(r.status != "rejected" for r in results):
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after a bulk import
        rejected = [r.file_name for r in results if r.status == "rejected"]
        if rejected:
            raise CommandError(f"{len(rejected)} file(s) rejected: {', '.join(rejected)}")

    def _import(self, job: Job, kind: str | None) -> ImportResult:
        if job.data is None:
            return ImportResult(status="rejected", file_name=job.name, message=job.error)
        try:
            return snapshot_import(
                data=job.data,
                file_name=job.name,
                kind=kind,
                published=job.published,
                source_url=job.source_url,
                captured=job.captured,
                last_modified=job.last_modified,
            )
        except Exception as exc:  # one file's failure must not stop the batch; nothing of it was written
            return ImportResult(
                status="rejected", file_name=job.name, message=f"import failed: {type(exc).__name__}: {exc}"
            )

    def _jobs(self, options: dict[str, Any]) -> Iterator[Job]:
        published: dt.date | None = options["published"]
        captured: dt.date | None = options["captured"]
        for raw in options["paths"]:
            path = Path(raw)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".xlsx" and p.is_file())
            elif path.is_file():
                files = [path]
            else:
                raise CommandError(f"{raw}: no such file or directory")
            for file in files:
                try:
                    data: bytes | None = file.read_bytes()
                    error = ""
                except OSError as exc:
                    data, error = None, f"could not read the file: {exc}"
                yield Job(file.name, data, published, captured=captured, error=error)
        if options["from_ice"]:
            self.stdout.write("Downloading the current lists from ice.gov…")
            try:
                lists = ice_download.current_lists()
            except ice_download.DownloadError as exc:
                raise CommandError(f"download failed: {exc}") from None
            for found in lists:
                yield Job(
                    found.file_name,
                    found.data,
                    published,
                    source_url=found.url,
                    captured=found.captured,
                    last_modified=found.last_modified,
                )

    def _progress(self, number: int, total: int, result: ImportResult) -> None:
        style = self.style.SUCCESS if result.ok else self.style.ERROR
        line = f"[{number}/{total}] {result.file_name}: {result.status}"
        if result.snapshot is not None:
            line += f" as {result.snapshot}"
        line += f", {result.rows} rows"
        if result.message:
            line += f" — {result.message}"
        self.stdout.write(style(line))
        for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
            where = f"row {problem.row}" if problem.row else "file"
            flag = "ERROR" if problem.fatal else "note"
            self.stdout.write(f"    {flag} {where}: {problem.message}")
        if len(result.problems) > MAX_PROBLEMS_SHOWN:
            self.stdout.write(f"    … and {len(result.problems) - MAX_PROBLEMS_SHOWN} more")

    def _summary(self, results: list[ImportResult]) -> None:
        imported = [r for r in results if r.status in {"accepted", "held"}]
        rejected_rows = sum(len({p.row for p in r.problems if p.fatal and p.row}) for r in results)
        county_rows = sum(r.county_rows for r in imported)
        with_county = sum(r.rows_with_county for r in imported)
        share = f"{100 * with_county / county_rows:.1f}%" if county_rows else "n/a"
        last_pending = next((r.pending for r in reversed(imported) if r.status == "accepted"), 0)
        self.stdout.write(
            "Summary: "
            f"{sum(r.status == 'accepted' for r in results)} accepted, "
            f"{sum(r.status == 'unchanged' for r in results)} unchanged, "
            f"{sum(r.status == 'held' for r in results)} held, "
            f"{sum(r.status == 'rejected' for r in results)} rejected; "
            f"agreements added {sum(r.added for r in imported)}, "
            f"continued {sum(r.continued for r in imported[-1:])} (on the last list), "
            f"dropped {sum(r.dropped for r in imported)}, ended {sum(r.ended for r in imported)}, "
            f"pending {last_pending}; rows rejected {rejected_rows}; "
            f"rows matched to a county {share} (state agencies excluded)"
        )
        how: Counter[str] = Counter()
        for r in imported:
            how.update(r.resolved)
        self.stdout.write(
            "Agencies: rows resolved by exact name {exact}, alias {alias}, canonical name {canonical}, "
            "ORI candidate {candidate} (similar name {similar}, same agreement {same_agreement}); "
            "new agencies {created}; queued for review {reviews}".format(
                **{k: how[k] for k in ("exact", "alias", "canonical", "similar", "same_agreement")},
                candidate=how["similar"] + how["same_agreement"],
                created=sum(r.agencies_created for r in imported),
                reviews=sum(r.reviews for r in imported),
            )
        )
