"""The whole real series of ICE lists (2025-05-15..2025-07-09), imported in published order."""

import datetime as dt
import io
import shutil
import zipfile
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from agreements.history import history_recompute
from agreements.ice_values import parse_file_name
from agreements.importer.identity import canonical_name
from agreements.models import Agreement, Listing, Snapshot
from agreements.services import snapshot_import
from jurisdictions.models import Agency
from jurisdictions.names import normalize_name
from tests.agreements.helpers import history_state

pytestmark = [pytest.mark.django_db, pytest.mark.realdata, pytest.mark.slow]


def _in_order(folder: Path) -> list[Path]:
    def key(path: Path) -> tuple:
        named = parse_file_name(path.name)
        return (named.published, named.part, named.kind != "pending")

    return sorted(folder.glob("*.xlsx"), key=key)


def test_no_agency_of_the_real_series_is_split(shared_data: Path) -> None:
    for path in _in_order(shared_data / "ice-287g-sheets"):
        assert snapshot_import(path=path).status == "accepted"
    for ori in ["FL0500200", "FL0050500", "FL0505000", "PA0362900", "IDISP0000"]:
        (agency,) = Agency.objects.filter(ori=ori)
        statuses = list(agency.agreements.values_list("status", flat=True))
        assert "active" in statuses and "ended" not in statuses, (ori, statuses)
    for ori, fips in [
        ("PA0080000", "42015"),
        ("TN0570000", "47113"),
        ("AR0460100", "05091"),
        ("FL0061200", "12011"),
    ]:
        county = Agency.objects.get(ori=ori).county
        assert county is not None and county.fips == fips, ori
    # one agency per canonical name in a state, among the agencies on the lists
    listed = Agency.objects.filter(ice_listings__isnull=False).distinct().values_list("state_id", "name")
    names = Counter((state, canonical_name(name)) for state, name in listed)
    assert [key for key, n in names.items() if n > 1] == []
    # every agency with an agreement in force is on a county page, or in its state's statewide group
    in_force = Agency.objects.filter(agreements__status__in=["active", "missing"]).distinct()
    unreachable = [
        a.name
        for a in in_force
        if not a.counties.exists() and not Agency.objects.statewide_in(a.state_id).filter(pk=a.pk).exists()
    ]
    assert unreachable == []
    # the FBI roster identifies nearly every sheriff and town police department with an agreement in force
    local = Agency.objects.filter(
        agreements__status__in=["active", "missing"],
        kind__in=["sheriff", "municipal_police", "county_police"],
    ).distinct()
    assert local.filter(ori__isnull=True).count() <= 0.05 * local.count()


def test_real_series(shared_data: Path) -> None:
    files = _in_order(shared_data / "ice-287g-sheets")
    assert len(files) == 11
    for path in files:
        result = snapshot_import(path=path)
        assert result.status == "accepted", (path.name, result.message)
        snapshot = result.snapshot
        assert snapshot is not None
        if snapshot.kind != "participating":
            continue
        # every non-blank row is accounted for: one listing each, each on an agreement listed that day
        listings = Listing.objects.filter(snapshot=snapshot)
        assert listings.count() == snapshot.row_count == result.rows
        assert not listings.filter(agreement__isnull=True).exists()
        assert not listings.exclude(agreement__last_listed=snapshot.published).exists()

    first = Snapshot.objects.get(file_name="participatingAgencies05162025am.xlsx")
    rows = Listing.objects.filter(snapshot=first)
    assert rows.count() == 571
    assert Counter(rows.values_list("model", flat=True)) == {"JEM": 91, "TFM": 275, "WSO": 205}
    spellings = {(state, normalize_name(name)) for state, name in rows.values_list("state", "agency_name")}
    assert len(spellings) == 462
    # "City of St. Cloud Police Department" and "St. Cloud Police Department" are one agency, and so are
    # "Walker County Sheriff's Office" and "… Sheriff's Department" (TX), both on this list
    assert rows.order_by().values("agency").distinct().count() == 460
    assert rows.values("state").distinct().count() == 40
    assert sum(1 for raw in rows.values_list("raw", flat=True) if "pending" in str(raw["MOA"])) == 152

    last = Snapshot.objects.get(file_name="participatingAgencies07092025am.xlsx")
    last_rows = Listing.objects.filter(snapshot=last)
    assert Counter(last_rows.values_list("model", flat=True)) == {"JEM": 117, "TFM": 399, "WSO": 291}
    # active agreements are exactly the last list's rows, deduplicated (St. Cloud PD's TFM is listed twice)
    active = set(Agreement.objects.active().values_list("pk", flat=True))
    assert active == set(last_rows.values_list("agreement_id", flat=True))
    assert len(active) == 806
    (st_cloud,) = {listing.agreement for listing in last_rows.filter(agency_name__contains="St. Cloud")}
    assert st_cloud is not None
    assert st_cloud.listings.filter(snapshot=last).count() == 2
    assert st_cloud.merges.filter(reason="near_duplicate", listing__snapshot=last).exists()
    assert st_cloud.moa_url.startswith("https://www.ice.gov/doclib/287gMOA/StCloud")

    _issue_15_checks(last)

    # the history written list by list (partly recomputed) is the full recompute's
    written = history_state()
    history_recompute(agency_ids=None)
    assert history_state() == written


def _issue_15_checks(last: Snapshot) -> None:
    """What issue 15 asks of the real lists that are here (11 of its 64)."""
    # pending = rows of the latest pending list whose agency has no participating agreement of that model
    latest_pending = Snapshot.objects.get(file_name="pendingAgencies07092025am.xlsx")
    rows = Listing.objects.filter(snapshot=latest_pending)
    listed = set(Agreement.objects.exclude(first_listed=None).values_list("agency_id", "model"))
    not_yet = {(a, m) for a, m in rows.values_list("agency_id", "model") if (a, m) not in listed}
    assert rows.count() == 20
    assert len(not_yet) == Agreement.objects.pending().count() == 19
    # Panama City Beach PD: SIGNED 02-26 → 02-25 with the same MOA link is one agreement, a correction
    (panama,) = Agreement.objects.filter(agency__name="Panama City Beach Police Department")
    assert (panama.signed, panama.status) == (dt.date(2025, 2, 25), "active")
    assert list(panama.merges.values_list("reason", "detail")) == [
        ("date_correction", "2025-02-26 → 2025-02-25")
    ]
    # snapshot agreement_count: distinct agreements (St. Cloud's TFM is on two rows)
    last.refresh_from_db()
    assert (last.row_count, last.agreement_count) == (807, 806)
    client = APIClient()
    counts = client.get("/api/v1/agreements/counts/", {"group_by": "model", "status": "active"}).data
    assert counts == [
        {"model": "JEM", "count": 117},
        {"model": "TFM", "count": 398},
        {"model": "WSO", "count": 291},
    ]
    assert client.get("/api/v1/agreements/", {"signed_afer": "2025-01-01"}).status_code == 400


def test_copies_under_2026_names_beside_bad_files(shared_data: Path, tmp_path: Path) -> None:
    folder = shared_data / "ice-287g-sheets"
    copies = {
        "participatingAgencies05162025am.xlsx": "participatingAgencies04212026am 12.15.07 AM.xlsx",
        "participatingAgencies05232025am.xlsx": "participatingAgencies04232026.xlsx",
        "participatingAgencies06042025am.xlsx": "287gParticipatingAgencies091526pm.xlsx",
        "participatingAgencies06172025pm.xlsx": "ParticipatingAgency091826am.xlsx",
    }
    for real, name in copies.items():
        shutil.copyfile(folder / real, tmp_path / name)
    good = (folder / "pendingAgencies07092025am.xlsx").read_bytes()
    (tmp_path / "participatingAgencies10012026pm.xlsx").write_bytes(good[: len(good) // 3])  # corrupt
    (tmp_path / "participatingAgencies10022026.xlsx").write_bytes(_broken_xml(good))
    out = StringIO()
    with pytest.raises(CommandError, match="2 file\\(s\\) rejected"):
        call_command("import_ice_sheets", str(tmp_path), stdout=out)
    assert "Summary: 4 accepted, 0 unchanged, 0 held, 2 rejected" in out.getvalue()
    dated = set(Snapshot.objects.values_list("file_name", "published", "published_part"))
    assert dated == {
        ("participatingAgencies04212026am 12.15.07 AM.xlsx", dt.date(2026, 4, 21), "am"),
        ("participatingAgencies04232026.xlsx", dt.date(2026, 4, 23), ""),
        ("287gParticipatingAgencies091526pm.xlsx", dt.date(2026, 9, 15), "pm"),
        ("ParticipatingAgency091826am.xlsx", dt.date(2026, 9, 18), "am"),
    }


def _broken_xml(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                content = content.replace(b"</sheetData>", b"<row>")
            target.writestr(item, content)
    return out.getvalue()
