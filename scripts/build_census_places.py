"""Build jurisdictions/data/census_places.csv.gz: every Census place (incorporated place or CDP) and its counties.

Source: the Census Bureau's 2020 place code list `national_place2020.txt`
(https://www2.census.gov/geo/docs/reference/codes2020/national_place2020.txt), pipe-delimited, one row per
place: STATE|STATEFP|PLACEFP|PLACENS|PLACENAME|TYPE|CLASSFP|FUNCSTAT|COUNTIES, where COUNTIES names every
county the place lies in, joined by "~~~" (in the Census's order, which is alphabetical: the file does not say
which county is the main one). County names are turned into FIPS codes with the 2020 county list that
`addfips` ships (already a dependency: jurisdictions/reference.py loads counties from it); a name that does
not resolve stops the build.

Optionally `--gazetteer` takes a Census Gazetteer places file (`20XX_Gaz_place_national.txt`, tab-separated,
with GEOID, INTPTLAT and INTPTLONG) to add each place's internal point; without it lat/lon stay empty.

    .venv/bin/python scripts/build_census_places.py /path/to/national_place2020.txt [--gazetteer FILE]

Output columns (UTF-8 CSV, gzip, sorted by GEOID):
    geoid         7 digits: state FIPS + place FIPS
    state         USPS code
    name          the Census name without its legal/statistical description ("Davie", "St. Cloud")
    lsad          that description as Census writes it ("town", "city", "CDP", "zona urbana",
                  "metropolitan government (balance)", "" for none)
    incorporated  1 for an incorporated place, 0 for a census-designated place
    funcstat      Census functional status: A active government, S statistical (CDP), I inactive,
                  N nonfunctioning, B active but partly consolidated, F the "balance" of a consolidated
                  city (Nashville, Indianapolis, Louisville, Athens, Augusta: the place Census reports for)
    counties      county FIPS codes, ';'-separated, in the Census's order
    lat, lon      internal point (decimal degrees) when a Gazetteer file was given, else empty

Every row of the source is kept, including the "(balance)" records (FUNCSTAT F), which are how Census
lists consolidated cities such as Nashville-Davidson, Indianapolis and Louisville/Jefferson County.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "jurisdictions" / "data" / "census_places.csv.gz"
COLUMNS = ("geoid", "state", "name", "lsad", "incorporated", "funcstat", "counties", "lat", "lon")
EXPECTED_HEADER = "STATE|STATEFP|PLACEFP|PLACENS|PLACENAME|TYPE|CLASSFP|FUNCSTAT|COUNTIES"

# The legal/statistical descriptions Census appends to place names, longest first so "city and borough" wins
# over "borough". Only the end of the name is matched, and case matters: "Carson City" and "Kansas City city"
# keep their "City".
_DESCRIPTIONS = sorted(
    [
        "city and borough",
        "consolidated government",
        "metropolitan government",
        "unified government",
        "metro government",
        "metro township",
        "urban county",
        "zona urbana",
        "comunidad",
        "municipality",
        "corporation",
        "borough",
        "village",
        "town",
        "city",
        "CDP",
    ],
    key=len,
    reverse=True,
)
# "(balance)" follows the description of what is left of a consolidated city outside its other places
# ("Indianapolis city (balance)", "Butte-Silver Bow (balance)").
_DESCRIPTION_RE = re.compile(
    r"^(?P<name>.+?) (?P<lsad>(?:"
    + "|".join(map(re.escape, _DESCRIPTIONS))
    + r")(?: \(balance\))?|\(balance\))$"
)


def split_name(census_name: str) -> tuple[str, str]:
    """("Davie town") -> ("Davie", "town"); a name without a description comes back with lsad ""."""
    match = _DESCRIPTION_RE.match(census_name)
    if match is None:
        return census_name, ""
    return match["name"], match["lsad"]


# Counties the place file names differently from addfips' list (accents, spacing, the territories' "District"),
# and Chugach Census Area (02063, split from Valdez-Cordova in 2019), which addfips' 2020 list lacks.
_CENSUS_COUNTY_NAMES = {
    ("02", "Chugach Census Area"): "02063",
    ("22", "LaSalle Parish"): "22059",
    ("60", "Swains Island"): "60040",
    ("72", "Bayamón Municipio"): "72021",
    ("72", "Canóvanas Municipio"): "72029",
    ("72", "Rincón Municipio"): "72117",
    ("78", "St. Croix Island"): "78010",
    ("78", "St. John Island"): "78020",
    ("78", "St. Thomas Island"): "78030",
}


def county_fips_by_name() -> dict[tuple[str, str], str]:
    """(state FIPS, county name as Census writes it) -> 5-digit county FIPS, from addfips' 2020 list."""
    data = resources.files("addfips") / "data" / "counties_2020.csv"
    with data.open(encoding="utf-8") as fh:
        names = {
            (row["statefp"], row["name"]): row["statefp"] + row["countyfp"] for row in csv.DictReader(fh)
        }
    return names | _CENSUS_COUNTY_NAMES


def read_internal_points(path: Path) -> dict[str, tuple[str, str]]:
    """GEOID -> (lat, lon) from a Gazetteer places file (tab-separated; the last header cell is padded)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = [cell.strip() for cell in next(reader)]
        geoid, lat, lon = header.index("GEOID"), header.index("INTPTLAT"), header.index("INTPTLONG")
        return {row[geoid].strip(): (row[lat].strip(), row[lon].strip()) for row in reader if len(row) > lon}


def place_rows(
    lines: Iterable[str],
    counties: dict[tuple[str, str], str],
    points: dict[str, tuple[str, str]] | None = None,
) -> Iterator[dict[str, str]]:
    """Output rows from the lines of national_place2020.txt. Raises ValueError on an unknown county name."""
    reader = iter(lines)
    header = next(reader).strip().lstrip("\ufeff")
    if header != EXPECTED_HEADER:
        raise ValueError(f"unexpected header {header!r}; expected {EXPECTED_HEADER!r}")
    for row in csv.reader(reader, delimiter="|"):
        if not row:
            continue
        state, statefp, placefp, _placens, census_name, kind, _classfp, funcstat, county_names = row
        geoid = statefp + placefp
        fips = []
        for county_name in county_names.split("~~~"):
            try:
                fips.append(counties[(statefp, county_name)])
            except KeyError:
                raise ValueError(f"{geoid} {census_name}: unknown county {county_name!r}") from None
        name, lsad = split_name(census_name)
        lat, lon = (points or {}).get(geoid, ("", ""))
        yield {
            "geoid": geoid,
            "state": state,
            "name": name,
            "lsad": lsad,
            "incorporated": "1" if kind == "INCORPORATED PLACE" else "0",
            "funcstat": funcstat,
            "counties": ";".join(fips),
            "lat": lat,
            "lon": lon,
        }


def write_rows(rows: Iterable[dict[str, str]], output: Path) -> int:
    """Write sorted rows as gzip CSV with a fixed mtime, so the same input gives the same bytes."""
    ordered = sorted(rows, key=lambda row: row["geoid"])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(ordered)
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(buffer.getvalue().encode("utf-8"))
    return len(ordered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("places", type=Path, help="national_place2020.txt")
    parser.add_argument("--gazetteer", type=Path, help="a Census Gazetteer places file, for internal points")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    points = read_internal_points(args.gazetteer) if args.gazetteer else None
    with args.places.open(encoding="utf-8", newline="") as fh:
        count = write_rows(place_rows(fh, county_fips_by_name(), points), args.output)
    print(f"{count} places -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
