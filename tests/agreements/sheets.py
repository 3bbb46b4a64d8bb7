"""Build small ICE-like xlsx files in memory for tests (never commit real sheets)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

import openpyxl

PARTICIPATING = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]
PENDING = PARTICIPATING[:5]


@dataclass
class Link:
    url: str
    text: str = "link"


def row(
    agency: str = "Clark County Sheriff's Office",
    *,
    state: str = "NEVADA",
    type: str = "County",
    county: str = "Clark County",
    model: str = "Task Force Model",
    signed: object = dt.datetime(2025, 4, 1),
    moa: object = "link pending",
    addendum: object = None,
) -> list[object]:
    return [state, agency, type, county, model, signed, moa, addendum]


def xlsx(
    rows: list[list[object]],
    *,
    kind: str = "participating",
    headers: list[str] | None = None,
    addendum: bool = False,
    blank_rows: int = 0,
    blank_columns: int = 0,
    marker: str = "",
) -> bytes:
    """An xlsx like ICE's: header row, one row per list entry, hyperlinks for `Link` cells."""
    if headers is None:
        headers = PARTICIPATING + (["ADDENDUM"] if addendum else []) if kind == "participating" else PENDING
    width = len(headers)
    book = openpyxl.Workbook()
    book.properties.title = marker  # different bytes for lists with the same rows
    sheet = book.active
    assert sheet is not None
    sheet.append([*headers, *([None] * blank_columns)])
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values[:width], start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, Link):
                cell.value = value.text
                cell.hyperlink = value.url
            else:
                cell.value = value  # type: ignore[assignment]
    for extra in range(blank_rows):
        sheet.cell(row=len(rows) + 2 + extra, column=1).value = None
        sheet.cell(row=len(rows) + 2 + extra, column=width + blank_columns).value = ""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def widen_hyperlink(data: bytes, cell: str, ref: str) -> bytes:
    """Rewrite the sheet XML so the hyperlink on `cell` covers the range `ref` (as Excel sometimes does)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                text = re.sub(rf'(<hyperlink\b[^>]*\bref=)"{cell}"', rf'\1"{ref}"', text)
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()
