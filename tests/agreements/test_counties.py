import pytest

from agreements.importer.counties import JurisdictionIndex, agency_kind
from jurisdictions.models import AgencyKind
from jurisdictions.names import place_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def index() -> JurisdictionIndex:
    return JurisdictionIndex.load({"LA", "SD", "NV", "GA"})


@pytest.mark.parametrize(
    ("postal", "text", "fips", "how"),
    [
        ("NV", "Clark County", "32003", "exact"),
        ("LA", "Bossier Parish ", "22015", "exact"),
        ("LA", "Calacasieu", "22019", "typo"),
        ("SD", "Custer Countey", "46033", "typo"),
        ("GA", "Decatur", "13087", "exact"),
    ],
)
def test_county_by_name(index: JurisdictionIndex, postal: str, text: str, fips: str, how: str) -> None:
    match = index.county_by_name(postal, text)
    assert match.county is not None
    assert (match.county.fips, match.how) == (fips, how)


def test_unknown_county_is_not_guessed(index: JurisdictionIndex) -> None:
    assert index.county_by_name("NV", "Atlantis County").county is None


def test_county_from_the_agency_name_when_the_cell_is_na(index: JurisdictionIndex) -> None:
    match = index.county_for_agency("LA", "Calcasieu Parish Sheriff's Office", "", "County")
    assert match.county is not None
    assert match.county.fips == "22019"


def test_municipal_agency_through_its_town(index: JurisdictionIndex) -> None:
    match = index.county_for_agency("NV", "Henderson Police Department", "", "Municipality")
    assert match.county is not None
    assert match.county.fips == "32003"


def test_state_agency_has_no_county(index: JurisdictionIndex) -> None:
    assert (
        index.county_for_agency("NV", "Nevada Highway Patrol", "Clark County", "State Agency").county is None
    )


def test_place_name() -> None:
    assert place_name("City of Hialeah Police Department") == "Hialeah"


@pytest.mark.parametrize(
    ("name", "type", "kind"),
    [
        ("Clark County Sheriff's Office", "County", AgencyKind.SHERIFF),
        ("Henderson Police Department", "Municipality", AgencyKind.MUNICIPAL_POLICE),
        ("Florida Highway Patrol", "State Agency", AgencyKind.STATE_POLICE),
        ("Utah Department of Corrections", "State Agency", AgencyKind.CORRECTIONS),
    ],
)
def test_agency_kind(name: str, type: str, kind: str) -> None:
    assert agency_kind(name, type) == kind


def test_abbreviated_town_name() -> None:
    index = JurisdictionIndex.load({"FL"})
    match = index.county_for_agency("FL", "St. Cloud Police Department", "#N/A", "Municipality")
    assert match.county is not None
    assert match.county.name == "Osceola County"


def test_independent_city_written_as_a_county() -> None:
    match = JurisdictionIndex.load({"VA"}).county_by_name("VA", "Hopewell County")
    assert match.county is not None
    assert match.county.name == "Hopewell city"


def test_county_and_city_of_one_name_keep_their_exact_match() -> None:
    index = JurisdictionIndex.load({"MD"})
    county = index.county_by_name("MD", "Baltimore County").county
    city = index.county_by_name("MD", "Baltimore city").county
    assert county is not None and city is not None
    assert (county.name, city.name) == ("Baltimore County", "Baltimore city")


def test_town_in_several_counties_goes_to_the_one_with_most_zip_codes() -> None:
    match = JurisdictionIndex.load({"FL"}).county_for_agency(
        "FL", "Orlando Police Department", "", "Municipality"
    )
    assert match.county is not None
    assert match.county.name == "Orange County"
