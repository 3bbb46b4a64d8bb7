import csv
import gzip
import importlib.util
from collections import Counter
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from jurisdictions.census_places import CensusPlace, ZctaCounties, iter_places, iter_zcta_counties

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
TERRITORIES = {"AS", "GU", "MP", "PR", "VI"}


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def places() -> dict[tuple[str, str], list[CensusPlace]]:
    by_name: dict[tuple[str, str], list[CensusPlace]] = {}
    for place in iter_places():
        by_name.setdefault((place.state, place.name), []).append(place)
    return by_name


@pytest.fixture(scope="module")
def zctas() -> dict[str, ZctaCounties]:
    return {row.zcta: row for row in iter_zcta_counties()}


def _one(places: dict[tuple[str, str], list[CensusPlace]], state: str, name: str) -> CensusPlace:
    [place] = places[(state, name)]
    return place


def test_davie_is_a_town_in_broward_county(places):
    davie = _one(places, "FL", "Davie")
    assert (davie.geoid, davie.lsad, davie.incorporated, davie.county_fips) == (
        "1216475",
        "town",
        True,
        ("12011",),
    )
    assert (davie.state_fips, davie.place_fips, davie.census_name) == ("12", "16475", "Davie town")


def test_towns_missing_from_the_post_office_names_are_there(places):
    assert _one(places, "FL", "Sunny Isles Beach").county_fips == ("12086",)
    for name, lsad in [("Riviera Beach", "city"), ("Lantana", "town"), ("Tequesta", "village")]:
        place = _one(places, "FL", name)
        assert (place.lsad, place.county_fips) == (lsad, ("12099",))


def test_st_cloud_in_florida_and_minnesota_and_a_town_in_three_counties(places):
    assert _one(places, "FL", "St. Cloud").county_fips == ("12097",)
    minnesota = _one(places, "MN", "St. Cloud")
    assert minnesota.county_fips == ("27009", "27141", "27145")  # Benton, Sherburne, Stearns
    assert len(_one(places, "MO", "Kansas City").county_fips) == 4


def test_a_cdp_is_not_incorporated(places):
    riviera_md = _one(places, "MD", "Riviera Beach")
    assert (riviera_md.lsad, riviera_md.incorporated, riviera_md.funcstat) == ("CDP", False, "S")


def test_consolidated_cities_are_kept_under_their_balance_record(places):
    nashville = _one(places, "TN", "Nashville-Davidson")
    assert (nashville.lsad, nashville.funcstat, nashville.county_fips) == (
        "metropolitan government (balance)",
        "F",
        ("47037",),
    )
    assert _one(places, "IN", "Indianapolis").lsad == "city (balance)"


def test_counts_match_the_2020_census(places):
    rows = [place for found in places.values() for place in found]
    assert len({place.geoid for place in rows}) == len(rows) == 32188
    states = Counter(
        "incorporated" if place.incorporated else "cdp" for place in rows if place.state not in TERRITORIES
    )
    # 2020 Census, 50 states and DC: about 19,500 incorporated places and 12,100 CDPs (9,800 in 2010).
    assert 19_400 <= states["incorporated"] <= 19_700
    assert 11_800 <= states["cdp"] <= 12_400
    assert {place.state for place in rows} >= {"DC", "PR", *TERRITORIES}


def test_every_place_has_well_formed_codes_and_a_bare_name(places):
    known_counties = _addfips_counties() | {"02063"}  # Chugach Census Area, created 2019
    for found in places.values():
        for place in found:
            assert len(place.geoid) == 7 and place.geoid.isdigit()
            assert place.county_fips and all(fips[:2] == place.state_fips for fips in place.county_fips)
            assert set(place.county_fips) <= known_counties, place
            assert place.name and not place.name.endswith((" CDP", " city", " town", " village"))
            assert place.latitude is None and place.longitude is None  # no Gazetteer file shipped yet


def _addfips_counties() -> set[str]:
    data = resources.files("addfips") / "data" / "counties_2020.csv"
    with data.open(encoding="utf-8") as fh:
        return {row["statefp"] + row["countyfp"] for row in csv.DictReader(fh)}


def test_a_zip_that_spans_two_counties_lists_both(zctas):
    jupiter = zctas["33458"]  # Jupiter: Palm Beach County, and Martin County to the north
    assert jupiter.county_fips == ("12099", "12085")
    assert jupiter.main_county_fips == "12099"
    assert jupiter.land_shares[0] == pytest.approx(0.81, abs=0.01)
    assert zctas["33314"].county_fips == ("12011",)  # Davie
    assert zctas["10001"].county_fips == ("36061",)


def test_every_zcta_shares_add_up_and_are_ordered(zctas):
    assert len(zctas) == 33791  # 2020 ZCTAs
    known_counties = _addfips_counties() | {"02063"}
    assert sum(1 for row in zctas.values() if len(row.county_fips) > 1) > 10_000
    for row in zctas.values():
        assert len(row.county_fips) == len(row.land_shares) >= 1
        assert sum(row.land_shares) == pytest.approx(1, abs=0.001)
        assert list(row.land_shares) == sorted(row.land_shares, reverse=True)
        assert set(row.county_fips) <= known_counties, row


# --- the build scripts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("census_name", "expected"),
    [
        ("Davie town", ("Davie", "town")),
        ("Kansas City city", ("Kansas City", "city")),
        ("Carson City", ("Carson City", "")),
        ("Juneau city and borough", ("Juneau", "city and borough")),
        ("Islamorada, Village of Islands village", ("Islamorada, Village of Islands", "village")),
        ("Añasco zona urbana", ("Añasco", "zona urbana")),
        (
            "Nashville-Davidson metropolitan government (balance)",
            ("Nashville-Davidson", "metropolitan government (balance)"),
        ),
        ("Butte-Silver Bow (balance)", ("Butte-Silver Bow", "(balance)")),
    ],
)
def test_split_name_takes_off_only_the_final_description(census_name, expected):
    assert _script("build_census_places").split_name(census_name) == expected


PLACE_LINES = [
    "STATE|STATEFP|PLACEFP|PLACENS|PLACENAME|TYPE|CLASSFP|FUNCSTAT|COUNTIES\n",
    "MN|27|56896|02396483|St. Cloud city|INCORPORATED PLACE|C5|A|Benton County~~~Sherburne County~~~Stearns County\n",
    "AL|01|00100|02582661|Abanda CDP|CENSUS DESIGNATED PLACE|U1|S|Chambers County\n",
]
COUNTIES = {
    ("27", "Benton County"): "27009",
    ("27", "Sherburne County"): "27141",
    ("27", "Stearns County"): "27145",
}


def test_place_rows_resolve_counties_and_add_internal_points(tmp_path):
    build = _script("build_census_places")
    counties = COUNTIES | {("01", "Chambers County"): "01017"}
    rows = list(build.place_rows(PLACE_LINES, counties, {"0100100": ("33.091627", "-85.527029")}))
    assert rows[0] == {
        "geoid": "2756896",
        "state": "MN",
        "name": "St. Cloud",
        "lsad": "city",
        "incorporated": "1",
        "funcstat": "A",
        "counties": "27009;27141;27145",
        "lat": "",
        "lon": "",
    }
    output = tmp_path / "places.csv.gz"
    assert build.write_rows(rows, output) == 2
    [abanda, st_cloud] = iter_places(output)  # written sorted by GEOID
    assert (abanda.name, abanda.incorporated, abanda.latitude) == ("Abanda", False, 33.091627)
    assert st_cloud.county_fips == ("27009", "27141", "27145")
    first = output.read_bytes()
    build.write_rows(rows, output)
    assert output.read_bytes() == first  # reproducible bytes: no timestamp in the gzip header


def test_place_rows_refuse_an_unknown_county_or_another_file():
    build = _script("build_census_places")
    with pytest.raises(ValueError, match="unknown county 'Chambers County'"):
        list(build.place_rows(PLACE_LINES, COUNTIES))
    with pytest.raises(ValueError, match="unexpected header"):
        list(build.place_rows(["GEOID|NAME\n"], COUNTIES))


def test_real_county_names_in_the_place_file_all_resolve():
    counties = _script("build_census_places").county_fips_by_name()
    assert counties[("02", "Chugach Census Area")] == "02063"
    assert counties[("72", "Canóvanas Municipio")] == "72029"
    assert counties[("12", "Broward County")] == "12011"


CENSUS_ZCTA_LINES = [
    "\ufeffOID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|MTFCC_ZCTA5_20|"
    "CLASSFP_ZCTA5_20|FUNCSTAT_ZCTA5_20|OID_COUNTY_20|GEOID_COUNTY_20|NAMELSAD_COUNTY_20|AREALAND_COUNTY_20|"
    "AREAWATER_COUNTY_20|MTFCC_COUNTY_20|CLASSFP_COUNTY_20|FUNCSTAT_COUNTY_20|AREALAND_PART|AREAWATER_PART\n",
    "1|33458|ZCTA5 33458|1000|0|G6350|B5|S|2|12085|Martin County|1|0|G4020|H1|A|250|0\n",
    "1|33458|ZCTA5 33458|1000|0|G6350|B5|S|3|12099|Palm Beach County|1|0|G4020|H1|A|750|0\n",
    "|||||||||12099|Palm Beach County|1|0|G4020|H1|A|5|0\n",
    "4|96799|ZCTA5 96799|0|10|G6350|B5|S|5|60010|Eastern District|1|0|G4020|H1|A|0|10\n",
]


def test_zcta_rows_read_the_census_file_and_order_counties_by_land(tmp_path):
    build = _script("build_zcta_counties")
    rows = list(build.zcta_rows(build.read_parts(CENSUS_ZCTA_LINES)))
    assert rows == [
        {"zcta": "33458", "counties": "12099;12085", "land_shares": "0.7500;0.2500"},
        {"zcta": "96799", "counties": "60010", "land_shares": "1.0000"},  # water only
    ]
    output = tmp_path / "zcta.csv.gz"
    assert build.write_rows(rows, output) == 2
    assert next(iter_zcta_counties(output)).land_shares == (0.75, 0.25)
    with gzip.open(output, "rt", encoding="utf-8") as fh:
        assert fh.readline() == "zcta,counties,land_shares\n"


def test_zcta_rows_refuse_another_file():
    build = _script("build_zcta_counties")
    with pytest.raises(ValueError, match="not a ZCTA to county relationship file"):
        list(build.read_parts(["GEOID|NAME\n"]))
