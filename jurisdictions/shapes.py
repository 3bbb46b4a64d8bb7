"""The US county and state shapes (`data/us_counties_albers.json`, built by `scripts/build_county_map.py`
from `us-atlas@3.0.1`), read once per process. Geometry only: what a map shows is the pages' business."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "us_counties_albers.json"

# Counties the 2017 Census shapes cannot draw: the territories (Albers USA has no Puerto Rico, Guam,
# American Samoa, Northern Marianas or Virgin Islands) and two county equivalents whose 2017 shape belongs
# to another code: Copper River (02066, split from Valdez-Cordova 02261 in 2019) and Bedford city
# (51515, merged into Bedford County 51019 in 2013).
TERRITORY_FIPS = frozenset({"60", "66", "69", "72", "74", "78"})
KNOWN_MISSING_COUNTIES = frozenset({"02066", "51515"})


@dataclass(frozen=True)
class StateShape:
    fips: str
    postal: str
    name: str
    bbox: tuple[float, float, float, float]
    outline: str
    counties: tuple[tuple[str, str], ...]  # (FIPS, path) in FIPS order


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    counties: tuple[tuple[str, str], ...]  # (FIPS, path) in FIPS order
    borders: str
    states: dict[str, StateShape]  # by postal code

    @property
    def county_fips(self) -> frozenset[str]:
        return frozenset(fips for fips, _d in self.counties)


@cache
def load_shapes() -> Shapes:
    """Read and index the shapes file (0.5 MB) once per process."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    counties = tuple(sorted(data["counties"].items()))
    states = {}
    for fips, state in data["states"].items():
        states[state["postal"]] = StateShape(
            fips=fips,
            postal=state["postal"],
            name=state["name"],
            bbox=tuple(state["bbox"]),
            outline=state["d"],
            counties=tuple((f, d) for f, d in counties if f[:2] == fips),
        )
    return Shapes(
        width=data["width"], height=data["height"], counties=counties, borders=data["borders"], states=states
    )


def padded_view_box(bbox: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = bbox
    pad = max(x1 - x0, y1 - y0) * 0.02 + 1
    return f"{x0 - pad:.1f} {y0 - pad:.1f} {x1 - x0 + 2 * pad:.1f} {y1 - y0 + 2 * pad:.1f}"
