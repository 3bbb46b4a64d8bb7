"""One identity per agency: each rule of `agreements.importer.identity`, on small lists written here, against the
real FBI roster the suite loads (`load_reference_data`)."""

import datetime as dt

import pytest

from agreements.importer.identity import canonical_name
from agreements.models import AgencyMerge, AgencyReview, Agreement, Listing
from jurisdictions.models import Agency
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db

SIGNED = dt.datetime(2025, 3, 25)


def fl(name: str, county: str = "", *, type: str = "Municipality", model: str = "Task Force Model") -> list:
    return row(name, state="FLORIDA", type=type, county=county, model=model, signed=SIGNED)


def only_agency(result_name: str) -> Agency:
    (agency,) = {listing.agency for listing in Listing.objects.filter(agency_name=result_name)}
    return agency


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Walker County Sheriff's Department", "Walker County Sheriff's Office"),
        ("Lafourche Parish Sheriff's Office", "Lafourche County SO"),
        ("Quarryville Borough Police Department", "Quarryville Police Department"),
        ("City of Boca Raton Police Services Department", "Boca Raton Police Department"),
        ("Idaho State Police Department", "Idaho State Police"),
        ("Daytona Beach Shores Public Safety", "Daytona Beach Shores Police Department"),
        ("St. Cloud Police Dept.", "Saint Cloud Police Department"),
    ],
)
def test_canonical_names_agree(a: str, b: str) -> None:
    assert canonical_name(a) == canonical_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jefferson Township Police Department", "Jefferson Police Department"),
        ("North Miami Police Department", "Miami Police Department"),
        ("Walker County Sheriff's Office", "Walker County Police Department"),
    ],
)
def test_canonical_names_keep_different_agencies_apart(a: str, b: str) -> None:
    assert canonical_name(a) != canonical_name(b)


def test_a_towns_legal_kind_may_be_left_out_when_only_one_agency_fits() -> None:
    import_list(
        [row("Camden Police Department", state="NEW YORK", type="Municipality", county="Oneida County")],
        "2025-05-16",
    )
    assert only_agency("Camden Police Department").ori == "NY0322300"  # Camden Village Police Department


def test_a_town_named_village_is_not_the_town_without_it() -> None:
    import_list([fl("City of Melbourne Police Department", "Brevard County")], "2025-05-16")
    assert only_agency("City of Melbourne Police Department").ori == "FL0050700"  # not Melbourne Village


def test_exact_name_resolves_to_the_fbi_agency() -> None:
    result = import_list([fl("Davie Police Department")], "2025-05-16")
    davie = only_agency("Davie Police Department")
    assert (davie.ori, davie.county.fips if davie.county else None) == ("FL0061200", "12011")
    assert result.resolved["exact"] >= 1


def test_a_rename_keeps_one_agency_and_one_agreement() -> None:
    import_list([fl("Boca Raton Police Department", "Palm Beach County")], "2025-05-16")
    import_list([fl("Boca Raton Police Services Department", "Palm Beach County")], "2025-05-23")
    boca = Agency.objects.get(ori="FL0500200")
    assert only_agency("Boca Raton Police Services Department") == boca
    (agreement,) = Agreement.objects.filter(agency=boca)
    assert agreement.status == "active"
    assert boca.name == "Boca Raton Police Department"  # the FBI's name stays the display name
    assert boca.aliases.filter(name="Boca Raton Police Services Department").exists()
    merge = AgencyMerge.objects.get(agency=boca)
    assert merge.reason == AgencyMerge.Reason.LOOSE_KEY


def test_a_typo_in_the_same_county_is_the_same_agency() -> None:
    result = import_list(
        [row("Berrian County Sheriff's Offic", state="MICHIGAN", county="Berrien County")], "2025-05-16"
    )
    agency = only_agency("Berrian County Sheriff's Offic")
    assert agency.ori == "MI1111100"
    assert AgencyMerge.objects.get(agency=agency).reason == AgencyMerge.Reason.SIMILAR
    assert result.resolved["similar"] == 1


def test_the_same_agreement_under_a_longer_name_is_the_same_agency() -> None:
    tn: dict = {"state": "TENNESSEE", "type": "State Agency", "county": "", "signed": SIGNED}
    import_list([row("Tennessee Department of Safety", **tn)], "2025-05-16")
    result = import_list(
        [row("Tennessee Department of Safety and Homeland Security / THP", **tn)], "2025-05-23"
    )
    safety = Agency.objects.get(ori="TNTHP0100")
    assert only_agency("Tennessee Department of Safety and Homeland Security / THP") == safety
    assert Agreement.objects.filter(agency=safety).count() == 1
    assert result.resolved["same_agreement"] == 1
    assert AgencyMerge.objects.get(agency=safety).reason == AgencyMerge.Reason.SAME_AGREEMENT


def test_a_similar_name_without_evidence_is_queued_not_merged() -> None:
    import_list([fl("Sunny Isles Police Department")], "2025-05-16")
    agency = only_agency("Sunny Isles Police Department")
    assert agency.ori is None  # its own identity while an editor decides
    review = AgencyReview.objects.get(agency=agency)
    assert review.problem == AgencyReview.Problem.SIMILAR
    assert review.candidates[0]["ori"] == "FL0135100"  # Sunny Isles Beach Police Department
    assert AgencyReview.objects.filter(spelling="Sunny Isles Police Department").count() == 1


def test_several_agencies_of_one_name_in_a_state_go_to_review() -> None:
    first = factories.agency("Twin Police Department", county_fips="32003", kind="municipal_police")
    second = factories.agency("Twin Police Department", county_fips="32510", kind="municipal_police")
    import_list([row("Twin Police Department", type="Municipality", county="")], "2025-05-16")
    review = AgencyReview.objects.get(spelling="Twin Police Department")
    assert review.problem == AgencyReview.Problem.AMBIGUOUS
    assert {c["id"] for c in review.candidates} == {first.pk, second.pk}


def test_the_county_cell_narrows_a_shared_name() -> None:
    factories.agency("Twin Police Department", county_fips="32003", kind="municipal_police")
    carson = factories.agency("Twin Police Department", county_fips="32510", kind="municipal_police")
    import_list([row("Twin Police Department", type="Municipality", county="Carson City")], "2025-05-16")
    assert only_agency("Twin Police Department") == carson
    assert not AgencyReview.objects.filter(spelling="Twin Police Department").exists()


def test_nothing_merges_across_states() -> None:
    import_list([row("Clark County Sheriff's Office", state="NEVADA")], "2025-05-16")
    assert only_agency("Clark County Sheriff's Office").state.postal == "NV"


def test_county_cell_and_name_disagreeing_is_a_question_not_a_guess() -> None:
    pa = {"state": "PENNSYLVANIA", "type": "County"}
    result = import_list(
        [row("Juniata County Sheriff's Office", county="Mifflin County", **pa)], "2025-05-16"
    )
    agency = only_agency("Juniata County Sheriff's Office")
    assert agency.ori is None and agency.county is None
    assert AgencyReview.objects.filter(agency=agency, problem=AgencyReview.Problem.COUNTY).exists()
    assert result.reviews >= 1


def test_an_agency_without_ori_takes_the_latest_lists_county() -> None:
    pa = {"state": "PENNSYLVANIA", "type": "Municipality"}
    import_list([row("Nowhere Township Police Department", county="Bedford County", **pa)], "2025-05-16")
    import_list([row("Nowhere Township Police Department", county="Bradford County", **pa)], "2025-05-23")
    agency = only_agency("Nowhere Township Police Department")
    assert agency.county is not None and agency.county.fips == "42015"
    assert list(agency.counties.values_list("fips", flat=True)) == ["42015"]


def test_an_agency_with_ori_keeps_the_fbis_county_whatever_the_row_says() -> None:
    tn = {"state": "TENNESSEE", "type": "County"}
    import_list([row("Madison County Sheriff's Office", county="Macon County", **tn)], "2025-05-16")
    listing = Listing.objects.get(agency_name="Madison County Sheriff's Office")
    assert listing.agency.ori == "TN0570000"
    assert listing.county is not None and listing.county.fips == "47113"


def test_a_refused_merge_is_not_made_again() -> None:
    import_list([fl("Boca Raton Police Services Department", "Palm Beach County")], "2025-05-16")
    boca = Agency.objects.get(ori="FL0500200")
    AgencyMerge.objects.filter(agency=boca).update(overridden=True)
    import_list([fl("Boca Raton Police Services Department", "Palm Beach County")], "2025-05-23")
    latest = Listing.objects.filter(agency_name="Boca Raton Police Services Department").latest(
        "snapshot__published"
    )
    assert latest.agency != boca


def test_an_agency_the_fbi_never_listed_keeps_one_identity_across_lists() -> None:
    pa = {"state": "PENNSYLVANIA", "type": "Municipality", "county": "Westmoreland County"}
    import_list([row("Lower Burrell Fourth Ward Constable's Office", **pa)], "2025-05-16")
    import_list([row("Lower Burrell Fourth Ward Constable's Office", **pa)], "2025-05-23")
    agency = only_agency("Lower Burrell Fourth Ward Constable's Office")
    assert agency.ori is None
    assert Agreement.objects.get(agency=agency).status == "active"


def test_an_agency_without_ori_shows_the_latest_spelling_and_keeps_the_old_one() -> None:
    pa = {"state": "PENNSYLVANIA", "type": "Municipality", "county": "Westmoreland County"}
    import_list([row("Lower Burrell Fourth Ward Constable Dept", **pa)], "2025-05-16")
    import_list([row("Lower Burrell Fourth Ward Constable's Office", **pa)], "2025-05-23")
    agency = only_agency("Lower Burrell Fourth Ward Constable's Office")
    assert agency.name == "Lower Burrell Fourth Ward Constable's Office"
    assert agency.aliases.filter(name="Lower Burrell Fourth Ward Constable Dept").exists()
    assert Agreement.objects.get(agency=agency).status == "active"
