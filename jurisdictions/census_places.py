"""Census places (incorporated places and CDPs) with their counties, and the counties each ZCTA spans.

Reads the two gzip CSV files in `data/` (see data/README.md for sources and how to rebuild them). Pure: no
database, no Django; each call reads its file afresh (about 32,000 places or 34,000 ZCTAs, well under a
second), so callers that look things up repeatedly should build their own dict once.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACES_FILE = DATA_DIR / "census_places.csv.gz"
ZCTA_COUNTIES_FILE = DATA_DIR / "zcta_counties.csv.gz"


@dataclass(frozen=True, slots=True)
class CensusPlace:
    geoid: str  # 7 digits: state FIPS + place FIPS
    state: str  # USPS code
    name: str  # without the legal/statistical description: "Davie", "St. Cloud"
    lsad: str  # that description: "town", "city", "CDP", "zona urbana", ... ("" for none)
    incorporated: bool  # False for a census-designated place
    funcstat: str  # Census functional status (A, S, I, N, B, F; see data/README.md)
    county_fips: tuple[str, ...]  # every county it lies in, in the Census's (alphabetical) order
    latitude: float | None
    longitude: float | None

    @property
    def state_fips(self) -> str:
        return self.geoid[:2]

    @property
    def place_fips(self) -> str:
        return self.geoid[2:]

    @property
    def census_name(self) -> str:
        """The name as Census writes it, description included: "Davie town"."""
        return f"{self.name} {self.lsad}" if self.lsad else self.name


@dataclass(frozen=True, slots=True)
class ZctaCounties:
    zcta: str  # 5 digits; a ZIP Code Tabulation Area, which is close to but not always a USPS ZIP code
    county_fips: tuple[str, ...]  # the county holding most of the ZCTA's land first
    land_shares: tuple[float, ...]  # the share of the ZCTA's land in each of those counties

    @property
    def main_county_fips(self) -> str:
        return self.county_fips[0]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, mode="rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _coordinate(value: str) -> float | None:
    return float(value) if value else None


def iter_places(path: Path = PLACES_FILE) -> Iterator[CensusPlace]:
    """Every Census place of the 2020 Census, sorted by GEOID."""
    for row in _rows(path):
        yield CensusPlace(
            geoid=row["geoid"],
            state=row["state"],
            name=row["name"],
            lsad=row["lsad"],
            incorporated=row["incorporated"] == "1",
            funcstat=row["funcstat"],
            county_fips=tuple(row["counties"].split(";")),
            latitude=_coordinate(row["lat"]),
            longitude=_coordinate(row["lon"]),
        )


def iter_zcta_counties(path: Path = ZCTA_COUNTIES_FILE) -> Iterator[ZctaCounties]:
    """Every 2020 ZCTA with the counties it spans, sorted by ZCTA."""
    for row in _rows(path):
        yield ZctaCounties(
            zcta=row["zcta"],
            county_fips=tuple(row["counties"].split(";")),
            land_shares=tuple(float(share) for share in row["land_shares"].split(";")),
        )
