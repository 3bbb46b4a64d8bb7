"""The whole real series of ICE lists (2025-05-15..2025-07-09), imported in published order."""

from collections import Counter
from pathlib import Path

import pytest

from agreements.history import history_recompute
from agreements.ice_values import parse_file_name
from agreements.importer.identity import canonical_name
from agreements.models import Agreement, Listing, Snapshot
from agreements.services import snapshot_import
from jurisdictions.models import Agency
from jurisdictions.names import normalize_name
from tests.agreements.helpers import history_state

pytestmark = [pytest.mark.django_db, pytest.mark.real_data]


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

    # the history written list by list (partly recomputed, pending lists added) is the full recompute's
    written = history_state()
    history_recompute(agency_ids=None)
    assert history_state() == written
