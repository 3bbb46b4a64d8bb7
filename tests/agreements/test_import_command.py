import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from agreements import ice_download
from agreements.models import Agreement, Snapshot
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


def test_from_ice_finds_and_imports_both_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "participatingAgencies07092025am.xlsx": xlsx([row()]),
        "pendingAgencies07092025am.xlsx": xlsx([row("Nye County Sheriff's Office")[:5]], kind="pending"),
    }
    fetched: list[str] = []

    def fake_fetch(url: str, **kwargs: object) -> bytes:
        fetched.append(url)
        if url.endswith(".xlsx"):
            return files[url.rsplit("/", 1)[-1]]
        return ICE_PAGE.encode()

    monkeypatch.setattr(ice_download, "fetch", fake_fetch)
    output = run("--from-ice")
    assert "2 accepted" in output
    assert set(Snapshot.objects.values_list("kind", "source_url")) == {
        (
            "participating",
            "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies07092025am.xlsx",
        ),
        ("pending", "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies07092025am.xlsx"),
    }
    assert len(fetched) == 3


def test_from_ice_network_failure_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.conf.settings.ICE_287G_PAGE_URL", "http://127.0.0.1:9/287g")
    with pytest.raises(
        CommandError, match=re.escape("download failed: could not fetch http://127.0.0.1:9/287g")
    ):
        run("--from-ice")


def test_page_without_lists_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ice_download, "fetch", lambda url, **kw: b"<html>maintenance</html>")
    with pytest.raises(CommandError, match="no participating or pending"):
        run("--from-ice")
