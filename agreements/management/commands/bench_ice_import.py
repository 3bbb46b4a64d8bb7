import datetime as dt
import hashlib
import io
import time
from pathlib import Path
from typing import Any

import openpyxl
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from agreements.ice_sheets import PARTICIPATING_HEADERS
from agreements.models import Snapshot
from agreements.services import snapshot_import

MODELS = ["Jail Enforcement Model", "Task Force Model", "Warrant Service Officer"]


class _Rollback(Exception):
    pass


def synthetic_list(rows: int) -> bytes:
    """A participating list of `rows` distinct county agencies, with MOA hyperlinks on half of them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PARTICIPATING_HEADERS)
    for n in range(rows):
        sheet.append(
            ["TEXAS", f"Bench {n // 3} County Sheriff's Office", "County", "Harris County", MODELS[n % 3],
             dt.datetime(2025, 1, 1) + dt.timedelta(days=n % 180), "link" if n % 2 else "link pending"]
        )  # fmt: skip
        if n % 2:
            sheet.cell(row=n + 2, column=7).hyperlink = f"https://www.ice.gov/doclib/287gMOA/bench{n}.pdf"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Time snapshot_import on a synthetic list (and optional real files) inside a rolled-back transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*", help="real xlsx files to time as well")
        parser.add_argument("--rows", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        jobs = [(f"synthetic {options['rows']}-row list", synthetic_list(options["rows"]))]
        jobs += [(path, Path(path).read_bytes()) for path in options["files"]]
        for label, data in jobs:
            try:
                with transaction.atomic():
                    # time a first import even when these bytes are already in (rolled back below)
                    Snapshot.objects.filter(sha256=hashlib.sha256(data).hexdigest()).delete()
                    start, cpu = time.perf_counter(), time.process_time()
                    result = snapshot_import(data=data, file_name="bench.xlsx", published=dt.date(2099, 1, 1))
                    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
                    raise _Rollback
            except _Rollback:
                pass
            self.stdout.write(
                f"{label}: {result.status}, {result.rows} rows in {elapsed:.2f} s (Python CPU {cpu:.2f} s)"
            )
