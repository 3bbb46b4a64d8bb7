import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, Snapshot
from tests.agreements.conftest import IceSite
from tests.agreements.helpers import FILLER
from tests.agreements.sheets import row, xlsx

pytestmark = pytest.mark.django_db

ICE_PAGE = (Path(__file__).parent / "data" / "ice_287g_page.html").read_text()


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_ice_sheets", *args, stdout=out)
    return out.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_directory_is_imported_oldest_first(tmp_path: Path) -> None:
    write(tmp_path, "participatingAgencies05232025am.xlsx", xlsx([*FILLER], marker="2"))
    write(tmp_path, "participatingAgencies05162025am.xlsx", xlsx([row(), *FILLER], marker="1"))
    output = run(str(tmp_path))
    assert output.index("05162025") < output.index("05232025")
    assert "Summary: 2 accepted" in output
    assert "rows matched to a county" in output
    assert Agreement.objects.get(agency__name="Clark County Sheriff's Office").status == "missing"


def test_published_date_can_be_given(tmp_path: Path) -> None:
    path = write(tmp_path, "list.xlsx", xlsx([row()]))
    run(str(path), "--published", "2025-07-09", "--kind", "participating")
    assert Snapshot.objects.get().published.isoformat() == "2025-07-09"


def test_rejected_file_exits_non_zero_with_the_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "participatingAgencies05162025am.xlsx", xlsx([row(state="ATLANTIS")]))
    out = StringIO()
    with pytest.raises(CommandError, match="rejected"):
        call_command("import_ice_sheets", str(path), stdout=out)
    assert "row 2" in out.getvalue()
    assert "rows rejected 1;" in out.getvalue()


def test_missing_path_is_an_error() -> None:
    with pytest.raises(CommandError, match="no such file"):
        run("/nonexistent/list.xlsx")


def test_bad_published_date_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        run(str(tmp_path), "--published", "yesterday")


def test_from_ice_finds_and_imports_both_lists(ice_site: IceSite) -> None:
    page = ICE_PAGE.replace("https://www.ice.gov", ice_site.base)
    ice_site.routes["/identify-and-arrest/287g"] = (page.encode(), {})
    folder = "/doclib/about/offices/ero/287g/"
    ice_site.routes[folder + "participatingAgencies07092025am.xlsx"] = (xlsx([row()]), {})
    pending = xlsx([row("Nye County Sheriff's Office")[:5]], kind="pending")
    ice_site.routes[folder + "pendingAgencies07092025am.xlsx"] = (pending, {})
    output = run("--from-ice")
    assert "2 accepted" in output
    assert set(Snapshot.objects.values_list("kind", "source_url", "published")) == {
        ("participating", f"{ice_site.base}{folder}participatingAgencies07092025am.xlsx", date(2025, 7, 9)),
        ("pending", f"{ice_site.base}{folder}pendingAgencies07092025am.xlsx", date(2025, 7, 9)),
    }
    assert len(ice_site.requested) == 3


def test_from_ice_file_download_link_named_by_its_header(ice_site: IceSite) -> None:
    page = (Path(__file__).parent / "data" / "ice_287g_page_2026.html").read_text()
    ice_site.routes["/identify-and-arrest/287g"] = (
        page.replace("https://www.ice.gov", ice_site.base).encode(),
        {},
    )
    name = 'attachment; filename="287gParticipatingAgencies091526pm.xlsx"'
    ice_site.routes["/file-download/download/public/209067"] = (xlsx([row()]), {"Content-Disposition": name})
    # the other file-download link is a PDF-like body: reported, and the batch goes on
    ice_site.routes["/file-download/download/public/208001"] = (b"PK not really a zip", {})
    with pytest.raises(CommandError, match="1 file\\(s\\) rejected: 208001"):
        run("--from-ice")
    snapshot = Snapshot.objects.get()
    assert (snapshot.file_name, snapshot.published, snapshot.published_part, snapshot.date_source) == (
        "287gParticipatingAgencies091526pm.xlsx",
        date(2026, 9, 15),
        "pm",
        "filename",
    )
    assert snapshot.captured_on is not None


def test_from_ice_network_failure_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.conf.settings.ICE_287G_PAGE_URL", "http://127.0.0.1:9/287g")
    with pytest.raises(
        CommandError, match=re.escape("download failed: could not fetch http://127.0.0.1:9/287g")
    ):
        run("--from-ice")


def test_page_without_lists_is_an_error(ice_site: IceSite) -> None:
    ice_site.routes["/identify-and-arrest/287g"] = (b"<html>maintenance</html>", {})
    with pytest.raises(CommandError, match="no participating or pending"):
        run("--from-ice")


def test_one_bad_file_never_stops_the_batch_and_subfolders_are_walked(tmp_path: Path) -> None:
    good = xlsx([row(), *FILLER], marker="good")
    write(tmp_path, "participatingAgencies05162025am.xlsx", good)
    (tmp_path / "2025" / "07").mkdir(parents=True)
    write(
        tmp_path / "2025" / "07", "participatingAgencies07012025pm.xlsx", xlsx([row(), *FILLER], marker="sub")
    )
    write(tmp_path, "participatingAgencies05232025am.xlsx", b"PK\x03\x04 corrupt")
    broken = _broken_xml(good)
    write(tmp_path, "participatingAgencies06042025am.xlsx", broken)
    write(tmp_path, "participatingAgencies06172025pm.xlsx", good)  # the same bytes: unchanged
    write(tmp_path, "pendingAgencies" + "x" * 230 + ".xlsx", xlsx([row()[:5]], kind="pending"))
    out = StringIO()
    with pytest.raises(CommandError, match="3 file\\(s\\) rejected"):
        call_command("import_ice_sheets", str(tmp_path), stdout=out)
    output = out.getvalue()
    assert "participatingAgencies05232025am.xlsx: rejected" in output
    assert "participatingAgencies06042025am.xlsx: rejected, 0 rows — not a readable xlsx" in output
    assert "participatingAgencies06172025pm.xlsx: unchanged" in output
    assert "no date in the file name" in output
    assert "Summary: 2 accepted, 1 unchanged, 0 held, 3 rejected" in output
    assert sorted(Snapshot.objects.values_list("published", flat=True)) == [
        date(2025, 5, 16),
        date(2025, 7, 1),
    ]


def _broken_xml(data: bytes) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    return out.getvalue()


def test_held_list_is_reported_and_does_not_fail_the_batch(tmp_path: Path) -> None:
    write(tmp_path, "participatingAgencies05162025am.xlsx", xlsx([row(), *FILLER], marker="1"))
    write(tmp_path, "participatingAgencies05232025am.xlsx", xlsx([row()], marker="2"))
    output = run(str(tmp_path))
    assert "participatingAgencies05232025am.xlsx: held" in output
    assert "1 accepted, 0 unchanged, 1 held, 0 rejected" in output
