"""Read one ICE 287(g) spreadsheet (participating or pending) into clean rows and a per-row report.

Pure: bytes in, `ParsedSheet` out, no database. What rejects the whole file (`SheetRejected`):
not an xlsx, missing or misplaced headers, the wrong kind of list, and rows at fault — a row with an
agency but no state (or the reverse), a state that cannot be read unambiguously, a support type that is
not a 287(g) model. What is reported but kept: snapped typos (state within 2 edits, model variants,
SIGNED typos with one reading), an unreadable SIGNED date (stored blank), a link that is not a web
address (dropped), duplicate rows and two spellings of one agency. Blank rows are skipped silently.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from agreements import ice_values as v
from jurisdictions.names import clean_display_name

PARTICIPATING_HEADERS = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]
OPTIONAL_HEADERS = ["ADDENDUM"]
PENDING_HEADERS = PARTICIPATING_HEADERS[:5]


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
    """Parse xlsx bytes. Raises `SheetRejected` for a file that must not be imported at all."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetRejected(_("not an xlsx spreadsheet (%(error)s)") % {"error": exc}) from exc
    sheet = workbook.worksheets[0]
    headers = [_header(c.value) for c in next(sheet.iter_rows(min_row=1, max_row=1), ())]
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
    for cells in sheet.iter_rows(min_row=2, max_col=width):
        row = _parse_row(cells, names, parsed, today)
        if row is not None:
            parsed.rows.append(row)
    _report_duplicates(parsed)
    if parsed.fatal:
        count = len({p.row for p in parsed.fatal})
        raise SheetRejected(
            _("%(count)d rows at fault; nothing imported") % {"count": count}, parsed.problems
        )
    return parsed


def _link(cell: object) -> tuple[str, str | None]:
    """The cell's hyperlink target, else a URL typed as its text."""
    link = getattr(cell, "hyperlink", None)
    target = getattr(link, "target", None) if link is not None else None
    if target:
        return str(target).strip(), None
    text = str(getattr(cell, "value", "") or "").strip()
    return (text, None) if text.lower().startswith("http") else ("", None)


def _parse_row(cells: tuple, names: list[str], parsed: ParsedSheet, today: dt.date | None) -> Row | None:
    number = cells[0].row
    values = {name: cell.value for name, cell in zip(names, cells, strict=False)}
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
        moa_cell = cells[6] if len(cells) > 6 else None
        moa_text = str(values.get("MOA") or "").strip().casefold()
        link_pending = "pending" in moa_text
        target, _none = _link(moa_cell)
        if target:
            raw["MOA_hyperlink"] = target
        moa_url, url_note = v.clean_url(target)
        note(url_note)
        if parsed.has_addendum and len(cells) > 7:
            target, _none = _link(cells[7])
            if target:
                raw["ADDENDUM_hyperlink"] = target
            addendum_url, url_note = v.clean_url(target)
            note(url_note)
    parsed.problems.extend(problems)
    if state is None or model is None or not agency_text:
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
