"""Read one ICE 287(g) spreadsheet (participating or pending) into clean rows and a per-row report.

Pure: bytes in, `ParsedSheet` out, no database. What rejects the whole file (`SheetRejected`):
not an xlsx (or broken XML inside it, or no worksheet), a file over the size or row limits,
missing or misplaced headers, the wrong kind of list, and rows at fault — a row with an
agency but no state (or the reverse), a state that cannot be read unambiguously, a support type that is
not a 287(g) model, an agency name longer than 200 characters. What is reported but kept: snapped typos (state within 2 edits, model variants,
SIGNED typos with one reading), an unreadable SIGNED date (stored blank), a link that is not a web
address (dropped), duplicate rows and two spellings of one agency. Blank rows are skipped silently.

Reading is bounded: the workbook is opened in openpyxl's streaming read-only mode (memory does not grow
with the sheet's declared size), the unpacked size and the number of rows are capped, and hyperlinks are
read from the sheet XML with a streaming parser. Rows hidden by an Excel filter are real rows: ICE leaves
filters on, and a hidden row is as much on the list as a visible one.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.cell import range_boundaries

from agreements import ice_values as v
from jurisdictions.names import clean_display_name

PARTICIPATING_HEADERS = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]
OPTIONAL_HEADERS = ["ADDENDUM"]
PENDING_HEADERS = PARTICIPATING_HEADERS[:5]
MAX_FILE_BYTES = 20 * 1024 * 1024  # a late-2026 list of ~2,800 rows is well under 1 MB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all parts of the zip, unpacked: stops zip bombs
MAX_ROWS = 20_000  # sheet rows read (blank ones included); ICE's lists have a few thousand
MAX_NAME_LENGTH = 200  # agency names are stored in 200 characters
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class Problem:
    row: int  # sheet row (1 = header); 0 for the file as a whole
    message: str
    fatal: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "message": self.message, "fatal": self.fatal}


@dataclass
class Row:
    row_number: int
    raw: dict[str, object]
    state: str  # postal code
    agency_name: str
    name_key: str
    loose_key: str
    agency_type: str
    county_name: str
    model: str
    signed: dt.date | None
    moa_url: str = ""
    addendum_url: str = ""
    link_pending: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ParsedSheet:
    kind: str
    rows: list[Row]
    problems: list[Problem]
    has_addendum: bool = False

    @property
    def fatal(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]


class SheetRejected(Exception):
    """The file is not a usable ICE list; `problems` names the file-level fault or each bad row."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [Problem(0, message, fatal=True)]


def _header(value: object) -> str:
    return " ".join(str(value or "").split()).upper()


def _raw_value(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def parse_sheet(data: bytes, *, kind: str | None = None, today: dt.date | None = None) -> ParsedSheet:
    """Parse xlsx bytes. Raises `SheetRejected` for a file that must not be imported at all.

    Any failure inside openpyxl or the XML parser on a malformed file is a rejection with its message,
    never an exception escaping to the caller.
    """
    try:
        return _parse(data, kind, today)
    except SheetRejected:
        raise
    except Exception as exc:  # a crafted or broken file can fail anywhere inside openpyxl
        error = f"{type(exc).__name__}: {exc}"[:300]
        raise SheetRejected(_("not a readable xlsx spreadsheet (%(error)s)") % {"error": error}) from exc


def _open(data: bytes) -> zipfile.ZipFile:
    if len(data) > MAX_FILE_BYTES:
        raise SheetRejected(
            _("the file is %(size)d bytes, more than the %(limit)d an ICE list can be")
            % {"size": len(data), "limit": MAX_FILE_BYTES}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise SheetRejected(_("not an xlsx spreadsheet (not a zip file)")) from exc
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetRejected(
            _("the file unpacks to %(size)d bytes, more than the %(limit)d an ICE list can be")
            % {"size": unpacked, "limit": MAX_UNPACKED_BYTES}
        )
    return archive


def _parse(data: bytes, kind: str | None, today: dt.date | None) -> ParsedSheet:
    archive = _open(data)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        worksheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        if not worksheets:
            raise SheetRejected(_("the workbook has no worksheet"))
        sheet = worksheets[0]
        # Read every row in the XML, not the range the file declares (a wrong <dimension> would hide rows).
        sheet.reset_dimensions()
        links = _hyperlinks(archive, getattr(sheet, "_worksheet_path", ""))
        return _parse_worksheet(sheet, links, kind, today)
    finally:
        workbook.close()


def _rows(sheet: Any, width: int) -> Iterator[tuple[int, tuple]]:
    """(sheet row number, cells) from row 2, streaming; rejects a sheet past MAX_ROWS."""
    for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=width), start=2):
        if number > MAX_ROWS:
            raise SheetRejected(
                _("the sheet has more than %(limit)d rows; ICE's lists have a few thousand")
                % {"limit": MAX_ROWS}
            )
        yield number, cells


def _parse_worksheet(
    sheet: Any, links: dict[tuple[int, int], str], kind: str | None, today: dt.date | None
) -> ParsedSheet:
    first = next(sheet.iter_rows(min_row=1, max_row=1, max_col=40, values_only=True), ())
    headers = [_header(value) for value in first]
    while headers and not headers[-1]:
        headers.pop()
    found_kind = "participating" if headers[:7] == PARTICIPATING_HEADERS else None
    if found_kind is None and headers[:5] == PENDING_HEADERS:
        found_kind = "pending"
    if found_kind is None:
        expected = ", ".join(PARTICIPATING_HEADERS)
        raise SheetRejected(
            _("unexpected headers %(found)s; expected %(expected)s (columns A–G), or A–E for pending")
            % {"found": headers[:8], "expected": expected}
        )
    if kind and kind != found_kind:
        raise SheetRejected(
            _("this is a %(found)s list, not a %(kind)s list") % {"found": found_kind, "kind": kind}
        )
    width = 5 if found_kind == "pending" else 7
    has_addendum = found_kind == "participating" and headers[7:8] == OPTIONAL_HEADERS
    width += int(has_addendum)
    names = headers[:width]
    parsed = ParsedSheet(kind=found_kind, rows=[], problems=[], has_addendum=has_addendum)
    for number, cells in _rows(sheet, width):
        values = [getattr(cell, "value", None) for cell in cells]
        row_links = {column: links[number, column] for column in (7, 8) if (number, column) in links}
        row = _parse_row(number, values, row_links, names, parsed, today)
        if row is not None:
            parsed.rows.append(row)
    _report_duplicates(parsed)
    if parsed.fatal:
        count = len({p.row for p in parsed.fatal})
        raise SheetRejected(
            _("%(count)d rows at fault; nothing imported") % {"count": count}, parsed.problems
        )
    return parsed


def _hyperlinks(archive: zipfile.ZipFile, sheet_path: str) -> dict[tuple[int, int], str]:
    """{(row, column): target} for columns G and H, from the sheet's <hyperlinks> and relationships.

    openpyxl's read-only mode does not read hyperlinks, and ICE's MOA URLs live only there. Read with a
    streaming parser; a `ref` may be a range (G5:G6): every cell in it gets the target.
    """
    if not sheet_path:
        return {}
    sheet_path = sheet_path.lstrip("/")
    folder, name = posixpath.split(sheet_path)
    rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
    targets: dict[str, str] = {}
    if rels_path in archive.namelist():
        for _event, element in ElementTree.iterparse(archive.open(rels_path)):
            if element.tag.endswith("Relationship") and element.get("Id"):
                targets[element.attrib["Id"]] = element.get("Target", "")
    links: dict[tuple[int, int], str] = {}
    for _event, element in ElementTree.iterparse(archive.open(sheet_path)):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "hyperlink":
            target = targets.get(element.get(f"{_REL_NS}id", ""), "") or element.get("location", "")
            ref = (element.get("ref") or "").split()
            if target and ref:
                min_col, min_row, max_col, max_row = range_boundaries(ref[0])
                if min_col and min_row and max_col and max_row:
                    for r in range(min_row, min(max_row, MAX_ROWS) + 1):
                        for c in range(max(min_col, 7), min(max_col, 8) + 1):
                            links.setdefault((r, c), target)
        if tag in {"row", "hyperlink"}:
            element.clear()  # keep memory flat on a long sheet
    return links


def _link(target: str | None, text: object) -> str:
    """The cell's hyperlink target, else a URL typed as its text."""
    if target:
        return str(target).strip()
    value = str(text or "").strip()
    return value if value.lower().startswith("http") else ""


def _parse_row(
    number: int,
    cells: list[object],
    links: dict[int, str],
    names: list[str],
    parsed: ParsedSheet,
    today: dt.date | None,
) -> Row | None:
    values = dict(zip(names, cells, strict=False))
    state_text = str(values.get("STATE") or "").strip()
    agency_text = str(values.get("LAW ENFORCEMENT AGENCY") or "").strip()
    if not state_text and not agency_text:
        return None
    raw: dict[str, object] = {name: _raw_value(value) for name, value in values.items()}
    problems: list[Problem] = []
    notes: list[str] = []

    def note(message: str | None, *, fatal: bool = False) -> None:
        if message:
            problems.append(Problem(number, message, fatal=fatal))
            notes.append(message)

    if not agency_text:
        note(_("no agency name"), fatal=True)
    elif len(agency_text) > MAX_NAME_LENGTH:
        note(
            _("the agency name is %(length)d characters long, more than %(limit)d")
            % {"length": len(agency_text), "limit": MAX_NAME_LENGTH},
            fatal=True,
        )
    state, state_note = v.parse_state(state_text)
    note(state_note, fatal=state is None)
    model, model_note = v.parse_model(values.get("SUPPORT TYPE"))
    note(model_note, fatal=model is None)
    agency_type, type_note = v.parse_type(values.get("TYPE"))
    note(type_note)
    signed: dt.date | None = None
    moa_url = addendum_url = ""
    link_pending = False
    if parsed.kind == "participating":
        signed, signed_note = v.parse_signed(values.get("SIGNED"), today=today)
        note(signed_note)
        moa_text = str(values.get("MOA") or "").strip().casefold()
        link_pending = "pending" in moa_text
        target = _link(links.get(7), values.get("MOA"))
        if target:
            raw["MOA_hyperlink"] = target
        moa_url, url_note = v.clean_url(target)
        note(url_note)
        if parsed.has_addendum:
            target = _link(links.get(8), values.get("ADDENDUM"))
            if target:
                raw["ADDENDUM_hyperlink"] = target
            addendum_url, url_note = v.clean_url(target)
            note(url_note)
    parsed.problems.extend(problems)
    if state is None or model is None or not agency_text or len(agency_text) > MAX_NAME_LENGTH:
        return None
    name = clean_display_name(agency_text)
    return Row(
        row_number=number,
        raw=raw,
        state=state,
        agency_name=name,
        name_key=v.name_key(name),
        loose_key=v.loose_key(name),
        agency_type=agency_type,
        county_name=v.clean_county(values.get("COUNTY")),
        model=model,
        signed=signed,
        moa_url=moa_url,
        addendum_url=addendum_url,
        link_pending=link_pending,
        notes=notes,
    )


def _report_duplicates(parsed: ParsedSheet) -> None:
    seen: dict[tuple, int] = {}
    spellings: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for row in parsed.rows:
        key = (row.state, row.name_key, row.model, row.signed)
        if key in seen:
            message = _("duplicate of row %(row)d") % {"row": seen[key]}
            parsed.problems.append(Problem(row.row_number, message))
            row.notes.append(message)
        else:
            seen[key] = row.row_number
        spellings[(row.state, row.loose_key)].setdefault(row.name_key, row.row_number)
    for row in parsed.rows:
        variants = spellings[(row.state, row.loose_key)]
        first = min(variants.values())
        if len(variants) > 1 and variants[row.name_key] != first and variants[row.name_key] == row.row_number:
            message = _("same agency as row %(row)d, spelled differently") % {"row": first}
            parsed.problems.append(Problem(row.row_number, message))
            row.notes.append(message)
