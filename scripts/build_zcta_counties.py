"""Build jurisdictions/data/zcta_counties.csv.gz: the counties each ZIP Code Tabulation Area (ZCTA) lies in.

Source: the Census Bureau's 2020 ZCTA to county relationship file `tab20_zcta520_county20_natl.txt`
(https://www2.census.gov/geo/docs/maps-data/data/rel2020/zcta520/tab20_zcta520_county20_natl.txt),
pipe-delimited, one row per piece of a ZCTA inside one county, with the land and water area of that piece
(AREALAND_PART, AREAWATER_PART, square metres). Rows with no ZCTA (land outside every ZCTA) are skipped.

The same rows re-published as CSV with lower-case names (zcta5, fips_code_county, arealand_part,
areawater_part, ...) are read too: that is the copy this file was built from; see jurisdictions/data/README.md.

    .venv/bin/python scripts/build_zcta_counties.py /path/to/tab20_zcta520_county20_natl.txt

Output columns (CSV, gzip, sorted by ZCTA):
    zcta         5 digits
    counties     county FIPS codes, ';'-separated, the county holding most of the ZCTA's land first
    land_shares  the share of the ZCTA's land in each county, same order, 4 decimals (water area when the
                 ZCTA has no land)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "jurisdictions" / "data" / "zcta_counties.csv.gz"
COLUMNS = ("zcta", "counties", "land_shares")

# Column names in the Census file, and in the lower-case CSV copy.
_FIELDS = {
    "GEOID_ZCTA5_20": ("GEOID_ZCTA5_20", "GEOID_COUNTY_20", "AREALAND_PART", "AREAWATER_PART"),
    "zcta5": ("zcta5", "fips_code_county", "arealand_part", "areawater_part"),
}


def read_parts(lines: Iterable[str]) -> Iterator[tuple[str, str, int, int]]:
    """(zcta, county FIPS, land m², water m²) for each piece of a ZCTA in a county."""
    reader = iter(lines)
    header_line = next(reader).lstrip("\ufeff")
    delimiter = "|" if "|" in header_line else ","
    header = next(csv.reader([header_line], delimiter=delimiter))
    names = next((fields for key, fields in _FIELDS.items() if key in header), None)
    if names is None:
        raise ValueError(f"not a ZCTA to county relationship file: header {header_line.strip()!r}")
    zcta_at, county_at, land_at, water_at = (header.index(name) for name in names)
    for row in csv.reader(reader, delimiter=delimiter):
        if not row or not row[zcta_at]:
            continue
        yield row[zcta_at], row[county_at], int(row[land_at] or 0), int(row[water_at] or 0)


def zcta_rows(parts: Iterable[tuple[str, str, int, int]]) -> Iterator[dict[str, str]]:
    """One output row per ZCTA. Raises ValueError on a malformed code."""
    by_zcta: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for zcta, county, land, water in parts:
        if len(zcta) != 5 or len(county) != 5 or not (zcta + county).isdigit():
            raise ValueError(f"malformed row: ZCTA {zcta!r}, county {county!r}")
        area = by_zcta[zcta].setdefault(county, [0, 0])
        area[0] += land
        area[1] += water
    for zcta in sorted(by_zcta):
        counties = by_zcta[zcta]
        measure = 0 if sum(land for land, _ in counties.values()) else 1
        total = sum(area[measure] for area in counties.values())
        ordered = sorted(counties, key=lambda fips: (-counties[fips][measure], fips))
        yield {
            "zcta": zcta,
            "counties": ";".join(ordered),
            "land_shares": ";".join(
                f"{counties[fips][measure] / total:.4f}" if total else "0.0000" for fips in ordered
            ),
        }


def write_rows(rows: Iterable[dict[str, str]], output: Path) -> int:
    """Write rows as gzip CSV with a fixed mtime, so the same input gives the same bytes."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(buffer.getvalue().encode("utf-8"))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("relationships", type=Path, help="tab20_zcta520_county20_natl.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with args.relationships.open(encoding="utf-8-sig", newline="") as fh:
        count = write_rows(zcta_rows(read_parts(fh)), args.output)
    print(f"{count} ZCTAs -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
