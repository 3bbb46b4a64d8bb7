import datetime as dt

import pytest

from agreements.ice_sheets import SheetRejected, parse_sheet
from tests.agreements.sheets import PENDING, Link, row, widen_hyperlink, xlsx

MOA = "https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA.pdf"
SAFE = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2Fa.pdf&data=1"


def test_reads_a_clean_row() -> None:
    sheet = parse_sheet(xlsx([row(moa=Link(MOA))]))
    (only,) = sheet.rows
    assert (only.state, only.model, only.signed, only.moa_url) == ("NV", "TFM", dt.date(2025, 4, 1), MOA)
    assert only.raw["MOA"] == "link"
    assert only.raw["MOA_hyperlink"] == MOA
    assert sheet.problems == []


def test_link_pending_has_no_url() -> None:
    (only,) = parse_sheet(xlsx([row(moa="link pending ")])).rows
    assert only.link_pending
    assert only.moa_url == ""


def test_safelink_in_hyperlink_is_unwrapped_and_raw_target_kept() -> None:
    (only,) = parse_sheet(xlsx([row(moa=Link(SAFE))])).rows
    assert only.moa_url == "https://www.ice.gov/doclib/a.pdf"
    assert only.raw["MOA_hyperlink"] == SAFE


def test_hyperlink_range_covering_several_cells() -> None:
    data = widen_hyperlink(
        xlsx([row(moa=Link(MOA)), row("Nye County Sheriff's Office", moa="link")]), "G2", "G2:G3"
    )
    first, second = parse_sheet(data).rows
    assert first.moa_url == second.moa_url == MOA


def test_addendum_column() -> None:
    (only,) = parse_sheet(xlsx([row(addendum=Link("https:/www.ice.gov/b.pdf"))], addendum=True)).rows
    assert only.addendum_url == "https://www.ice.gov/b.pdf"


def test_blank_trailing_rows_and_columns_are_dropped() -> None:
    sheet = parse_sheet(xlsx([row(), [None, None, "County"]], blank_rows=73, blank_columns=6))
    assert len(sheet.rows) == 1


def test_trailing_spaces_and_typos_are_cleaned_and_reported() -> None:
    data = xlsx(
        [
            row(
                "Clark County Sheriff’s Office  ",
                state="NEVADAA",
                type="County ",
                model="Warrant Services Officer",
            )
        ]
    )
    sheet = parse_sheet(data)
    (only,) = sheet.rows
    assert (only.agency_name, only.state, only.agency_type, only.model) == (
        "Clark County Sheriff's Office",
        "NV",
        "County",
        "WSO",
    )
    assert len(sheet.problems) == 2  # the state and the model were snapped


def test_unreadable_signed_date_is_kept_blank_and_reported() -> None:
    sheet = parse_sheet(xlsx([row(signed="6/30/20026")]))
    assert sheet.rows[0].signed is None
    assert sheet.problems[0].row == 2
    assert not sheet.problems[0].fatal


def test_duplicates_and_two_spellings_are_reported() -> None:
    sheet = parse_sheet(
        xlsx([row(), row(), row("Clark Co. Sheriffs Office", model="Jail Enforcement Model")])
    )
    assert len(sheet.rows) == 3
    messages = {p.row: p.message for p in sheet.problems}
    assert "duplicate of row 2" in messages[3]
    assert "spelled differently" in messages[4]


def test_rows_at_fault_reject_the_file_naming_each_row() -> None:
    data = xlsx([row(), row(state="ATLANTIS"), row(model="Community Policing"), row(state="")])
    with pytest.raises(SheetRejected) as caught:
        parse_sheet(data)
    assert sorted({p.row for p in caught.value.problems if p.fatal}) == [3, 4, 5]


def test_wrong_headers_reject_the_file() -> None:
    with pytest.raises(SheetRejected, match="unexpected headers"):
        parse_sheet(xlsx([row()], headers=["AGENCY", "STATE"]))


def test_not_an_xlsx_is_rejected() -> None:
    with pytest.raises(SheetRejected, match="not an xlsx"):
        parse_sheet(b"%PDF-1.7 not a spreadsheet")


def test_pending_list() -> None:
    sheet = parse_sheet(xlsx([row()[:5]], kind="pending"), kind="pending")
    assert sheet.kind == "pending"
    assert sheet.rows[0].signed is None


def test_kind_mismatch_is_rejected() -> None:
    with pytest.raises(SheetRejected, match="pending list"):
        parse_sheet(xlsx([row()[:5]], headers=PENDING), kind="participating")


@pytest.mark.parametrize(
    "cells",
    [
        [12, 34, 56, 78, 90, True, 1.5],
        ["NEVADA", "X", None, None, "Task Force Model", False, "link"],
        ["NEVADA", "X", "County", "Clark County", "Task Force Model", -1, Link("javascript:alert(1)")],
        ["NEVADA", "  ", "County", "Clark County", "Task Force Model", "", ""],
    ],
)
def test_odd_cells_never_crash(cells: list[object]) -> None:
    try:
        sheet = parse_sheet(xlsx([cells]))
    except SheetRejected as rejected:
        assert rejected.problems
    else:
        assert all(r.moa_url == "" or r.moa_url.startswith("http") for r in sheet.rows)


def _rewrite(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The xlsx with some parts replaced (None: removed)."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in changes:
                if changes[item.filename] is not None:
                    target.writestr(item, changes[item.filename])  # type: ignore[arg-type]
                continue
            target.writestr(item, source.read(item.filename))
    return out.getvalue()


def _hide_rows(data: bytes) -> bytes:
    """Rows 2 and 3 hidden by an active AutoFilter, as ICE ships them."""
    import io
    import re
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    xml = re.sub(r'<row r="([23])"', r'<row r="\1" hidden="1"', xml)
    xml = xml.replace("</sheetData>", '</sheetData><autoFilter ref="A1:G3"/>')
    return _rewrite(data, {"xl/worksheets/sheet1.xml": xml.encode()})


def test_rows_hidden_by_a_filter_are_real_rows() -> None:
    data = _hide_rows(xlsx([row(), row("Nye County Sheriff's Office", moa=Link(MOA)), row("Elko PD")]))
    import io
    import zipfile

    assert 'hidden="1"' in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    sheet = parse_sheet(data)
    assert [r.agency_name for r in sheet.rows] == [
        "Clark County Sheriff's Office",
        "Nye County Sheriff's Office",
        "Elko PD",
    ]
    assert sheet.rows[1].moa_url == MOA


def test_broken_sheet_xml_is_rejected_cleanly() -> None:
    data = _rewrite(xlsx([row()]), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row r='2'>"})
    with pytest.raises(SheetRejected, match="not a readable xlsx"):
        parse_sheet(data)


def test_a_workbook_without_a_sheet_is_rejected_cleanly() -> None:
    data = _rewrite(xlsx([row()]), {"xl/worksheets/sheet1.xml": None})
    with pytest.raises(SheetRejected):
        parse_sheet(data)


def test_html_saved_as_xlsx_is_rejected() -> None:
    with pytest.raises(SheetRejected, match="not a zip"):
        parse_sheet(b"<!DOCTYPE html><html>Access denied</html>")


def test_an_agency_name_over_200_characters_rejects_the_row() -> None:
    with pytest.raises(SheetRejected) as caught:
        parse_sheet(xlsx([row("Police Department " * 15)]))
    assert "269 characters" in caught.value.problems[0].message


def test_row_limit_is_a_clear_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    from agreements import ice_sheets

    monkeypatch.setattr(ice_sheets, "MAX_ROWS", 5)
    with pytest.raises(SheetRejected, match="more than 5 rows"):
        parse_sheet(xlsx([row(f"Town {n} PD") for n in range(10)]))


def test_a_far_away_cell_does_not_make_the_reader_walk_a_million_rows() -> None:
    """A crafted sheet: one cell at row 1,048,576 (a few bytes) used to cost gigabytes; now a quick reject."""
    import io
    import zipfile

    data = xlsx([row()])
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    far = '<row r="1048576"><c r="H1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    data = _rewrite(data, {"xl/worksheets/sheet1.xml": xml.replace("</sheetData>", far).encode()})
    with pytest.raises(SheetRejected, match="more than 20000 rows"):
        parse_sheet(data)


def test_a_zip_bomb_is_rejected_by_its_unpacked_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from agreements import ice_sheets

    monkeypatch.setattr(ice_sheets, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(SheetRejected, match="unpacks to"):
        parse_sheet(xlsx([row()]))
