import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from agreements import ice_download
from agreements.ice_values import parse_file_name
from agreements.services import ImportResult, snapshot_import

MAX_PROBLEMS_SHOWN = 25


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--published must be YYYY-MM-DD, not {value!r}") from exc


class Command(BaseCommand):
    help = (
        "Import ICE 287(g) spreadsheets (participating / pending agencies) as snapshots, oldest first, "
        "and recompute agreement history. Exits non-zero when any file is rejected or held."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="xlsx files or directories holding them")
        parser.add_argument("--published", type=_date, help="published date for every file given")
        parser.add_argument("--kind", choices=["participating", "pending"], help="which list the files are")
        parser.add_argument("--from-ice", action="store_true", help="download the current lists from ice.gov")

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = self._jobs(options)
        if not jobs:
            raise CommandError("nothing to import: give xlsx files, a directory, or --from-ice")
        results = []
        for number, (name, data, published, source_url) in enumerate(jobs, 1):
            result = snapshot_import(
                data=data, file_name=name, kind=options["kind"], published=published, source_url=source_url
            )
            results.append(result)
            self._progress(number, len(jobs), result)
        self._summary(results)
        bad = [r.file_name for r in results if not r.ok]
        if bad:
            raise CommandError(f"{len(bad)} file(s) rejected or held: {', '.join(bad)}")

    def _jobs(self, options: dict[str, Any]) -> list[tuple[str, bytes, dt.date | None, str]]:
        published: dt.date | None = options["published"]
        jobs: list[tuple[str, bytes, dt.date | None, str]] = []
        for raw in options["paths"]:
            path = Path(raw)
            if path.is_dir():
                files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx")
            elif path.is_file():
                files = [path]
            else:
                raise CommandError(f"{raw}: no such file or directory")
            jobs.extend((f.name, f.read_bytes(), published, "") for f in files)
        if options["from_ice"]:
            self.stdout.write("Downloading the current lists from ice.gov…")
            try:
                lists = ice_download.current_lists()
            except ice_download.DownloadError as exc:
                raise CommandError(f"download failed: {exc}") from None
            today = timezone.localdate()
            for _kind, url, data in lists:
                name = url.rsplit("/", 1)[-1]
                day = published or parse_file_name(name).published or today
                jobs.append((name, data, day, url))

        def order(job: tuple[str, bytes, dt.date | None, str]) -> tuple:
            named = parse_file_name(job[0])
            day = job[2] or named.published or dt.date.max
            return (day, named.part, named.kind != "pending", job[0])

        return sorted(jobs, key=order)

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
