import pytest

from agreements.models import AgencyMerge, Agreement, Listing, Snapshot
from agreements.services import snapshot_import
from jurisdictions.models import Agency, AgencyAlias, AgencyKind
from tests.agreements.helpers import FILLER, day, import_list
from tests.agreements.sheets import row, xlsx

pytestmark = pytest.mark.django_db


def test_first_import_creates_snapshot_listings_agencies_and_agreements() -> None:
    result = import_list([row()], "2025-05-16")
    assert result.status == "accepted"
    snapshot = Snapshot.objects.get()
    assert (snapshot.kind, snapshot.published, snapshot.row_count) == ("participating", day("2025-05-16"), 11)
    assert Listing.objects.count() == 11
    sheriff = Agency.objects.get(name="Clark County Sheriff's Office", state__postal="NV")
    assert (sheriff.kind, sheriff.county.fips if sheriff.county else None) == (AgencyKind.SHERIFF, "32003")
    agreement = Agreement.objects.get(agency=sheriff)
    assert (agreement.model, agreement.status, agreement.first_listed) == ("TFM", "active", day("2025-05-16"))
    assert result.added == 11


def test_same_bytes_twice_is_a_no_op() -> None:
    data = xlsx([row(), *FILLER])
    snapshot_import(data=data, file_name="participatingAgencies05162025am.xlsx")
    again = snapshot_import(data=data, file_name="other-name.xlsx", published=day("2025-06-01"))
    assert again.status == "unchanged"
    assert Snapshot.objects.count() == 1
    assert Listing.objects.count() == 11


def test_date_and_part_come_from_the_file_name() -> None:
    snapshot_import(data=xlsx([row()]), file_name="287gParticipatingAgencies07092025pm_b.xlsx")
    snapshot = Snapshot.objects.get()
    assert (snapshot.published, snapshot.published_part) == (day("2025-07-09"), "pm")


def test_file_without_a_date_is_rejected_unless_told() -> None:
    result = snapshot_import(data=xlsx([row()]), file_name="participatingAgencies99999999.xlsx")
    assert result.status == "rejected"
    assert not Snapshot.objects.exists()


def test_rejected_file_writes_nothing_and_names_rows() -> None:
    result = import_list([row(), row(state="ATLANTIS")], "2025-05-16")
    assert result.status == "rejected"
    assert [p.row for p in result.problems if p.fatal] == [3]
    assert not Snapshot.objects.exists()
    assert not Agency.objects.filter(
        name__startswith="Town ", name__endswith="Police Department", state__postal="NV"
    ).exists()


def test_not_an_xlsx_is_rejected() -> None:
    result = snapshot_import(data=b"<html>", file_name="participatingAgencies05162025am.xlsx")
    assert result.status == "rejected"
    assert "not an xlsx" in result.message


def test_mass_drop_is_held_and_leaves_history_alone() -> None:
    import_list([row()], "2025-05-16")
    result = import_list([row()], "2025-05-23", filler=False)
    assert result.status == "held"
    assert Snapshot.objects.get(published=day("2025-05-23")).status == "held"
    assert Agreement.objects.active().count() == 11


def test_unparseable_signed_date_is_stored_blank_and_active() -> None:
    result = import_list([row(signed="6/30/20026")], "2025-07-09")
    agreement = Agreement.objects.get(
        agency__name="Clark County Sheriff's Office", agency__state__postal="NV"
    )
    assert (agreement.signed, agreement.status) == (None, "active")
    assert any(p.row == 2 for p in result.problems)


def test_spelling_variants_become_one_agency_with_alias_and_merge() -> None:
    import_list([row(), row("Clark Co. Sheriffs Office", model="Jail Enforcement Model")], "2025-05-16")
    agency = Agency.objects.get(name="Clark County Sheriff's Office", state__postal="NV")
    assert set(agency.agreements.values_list("model", flat=True)) == {"TFM", "JEM"}
    assert AgencyAlias.objects.filter(agency=agency, name="Clark Co. Sheriffs Office").exists()
    merge = AgencyMerge.objects.get(agency=agency)
    assert (merge.reason, merge.row_number) == ("loose_key", 3)


def test_overridden_merge_makes_a_separate_agency() -> None:
    import_list([row(), row("Clark Co. Sheriffs Office", model="Jail Enforcement Model")], "2025-05-16")
    AgencyMerge.objects.update(overridden=True)
    import_list([row("Clark Co. Sheriffs Office", model="Warrant Service Officer")], "2025-05-23")
    assert Agency.objects.filter(name="Clark Co. Sheriffs Office", state__postal="NV").exists()


def test_county_share_is_reported() -> None:
    result = import_list([row()], "2025-05-16", filler=False)
    assert (result.rows_with_county, result.county_rows) == (1, 1)


def test_bulk_import_of_a_thousand_rows_uses_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:
    rows = [
        row(f"Town {n} Police Department", type="Municipality", county="#N/A", model=model)
        for n in range(334)
        for model in ("Task Force Model", "Warrant Service Officer", "Jail Enforcement Model")
    ][:1000]
    data = xlsx(rows)
    # duplicate check, snapshots, counties, places, agencies, aliases, merges, slugs, inserts in batches,
    # history: snapshots, listings, agreements, writes, merges; summary
    with django_assert_max_num_queries(40):
        result = snapshot_import(data=data, file_name="x.xlsx", published=day("2025-07-09"))
    assert result.status == "accepted"
    assert Agreement.objects.active().count() == 1000


def test_city_of_prefix_is_the_same_agency() -> None:
    import_list([row("Henderson Police Department", type="Municipality", county="#N/A")], "2025-05-16")
    import_list(
        [row("City of Henderson Police Department", type="Municipality", county="#N/A")], "2025-05-23"
    )
    agency = Agency.objects.get(name="Henderson Police Department", state__postal="NV")
    assert agency.agreements.get().status == "active"
    assert AgencyMerge.objects.get(agency=agency).spelling == "City of Henderson Police Department"


def test_truncated_name_in_the_same_county_is_merged_for_review() -> None:
    import_list([row()], "2025-05-16")
    import_list([row("Clark County Sheriff's Offic")], "2025-05-23")
    merge = AgencyMerge.objects.get(spelling="Clark County Sheriff's Offic")
    assert merge.agency.name == "Clark County Sheriff's Office"
    assert merge.reason in {AgencyMerge.Reason.SIMILAR, AgencyMerge.Reason.SAME_AGREEMENT}
    assert "same county" in merge.note


def test_similar_names_in_different_counties_stay_apart() -> None:
    hale = row("Hale County Sheriff's Office", state="TEXAS", county="Hale County")
    hall = row("Hall County Sheriff's Office", state="TEXAS", county="Hall County")
    import_list([hale], "2025-05-16")
    import_list([hale, hall], "2025-05-23")
    assert (
        Agency.objects.filter(
            name__in=["Hale County Sheriff's Office", "Hall County Sheriff's Office"], state__postal="TX"
        ).count()
        == 2
    )
    assert not AgencyMerge.objects.exists()
