"""The national roster of law-enforcement agencies, derived from the FBI Crime Data Explorer agency list.

Pure functions (no database): how an FBI record becomes a readable name, a kind, its counties (FIPS) and,
for the ~2,400 records that are units of a state agency ("State Police: Bradford County"), its parent.
`scripts/build_agency_roster.py` runs them once over the FBI file and writes the compact table the project
ships (`jurisdictions/data/agency_roster.csv.gz`); `iter_roster()` reads that table back.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import us

from jurisdictions.names import normalize_name

ROSTER_FILE = Path(__file__).resolve().parent / "data" / "agency_roster.csv.gz"
ROSTER_SOURCE = "FBI Crime Data Explorer, agency list"
ROSTER_COLUMNS = [
    "ori", "state", "name", "kind", "counties", "parent", "fbi_name", "fbi_type", "latitude", "longitude",
]  # fmt: skip

# AgencyKind values (jurisdictions.models); kept as strings so this module needs no Django setup.
SHERIFF, MUNICIPAL_POLICE, COUNTY_POLICE = "sheriff", "municipal_police", "county_police"
STATE_POLICE, STATE_AGENCY, CORRECTIONS = "state_police", "state_agency", "corrections"
CAMPUS, TRIBAL, OTHER = "campus", "tribal", "other"

# "Prefix: unit" names whose prefix is a class of agency, not one agency: the unit is the agency's own name.
_CLASS_PREFIXES = {
    "independent school district",
    "unified school district",
    "county detective",
    "prosecutor",
    "drug task force",
}
# Generic state-level names that read as every state's ("State Police") get the state's name in front.
_GENERIC_STARTS = ("state ", "department ", "division ", "bureau ", "office ", "highway patrol", "game ")
_MUNICIPAL_TYPES = {"City", "Borough", "Municipality", "City and Borough", "Census Area", "Parish"}
_REPEAT = re.compile(r"\b(?P<phrase>(?:\w+ )?(?:Police|Department|Office|Sheriff)(?: \w+)?) (?P=phrase)$")


@dataclass(frozen=True)
class RosterAgency:
    ori: str
    state: str  # postal code
    name: str  # readable
    kind: str
    counties: tuple[str, ...]  # 5-digit FIPS, the FBI's first county first
    parent: str  # readable name of the state agency this record is a unit of, in the same state; "" if none
    fbi_name: str
    fbi_type: str
    latitude: float | None
    longitude: float | None


def readable_name(fbi_name: str, fbi_type: str, state: str) -> tuple[str, str]:
    """(name, parent) for display. Fixes the FBI's doubled words ("Las Vegas Metropolitan Police
    Department Police Department"), names state-wide agencies for their state ("State Police" →
    "Pennsylvania State Police"), and reads "Prefix: Unit" records as units of the prefix's agency
    ("State Police: Bradford County" → parent "Pennsylvania State Police") or, where the prefix is a class
    ("Independent School District: Sealy"), as the unit's own agency ("Sealy Independent School District").
    """
    text = " ".join(fbi_name.split())
    text = _REPEAT.sub(r"\g<phrase>", text)
    if ":" not in text:
        return _statewide(text, fbi_type, state), ""
    prefix, unit = (part.strip() for part in text.split(":", 1))
    if normalize_name(prefix) in _CLASS_PREFIXES:
        return (f"{unit} {prefix}" if unit else prefix), ""
    parent = _statewide(prefix, fbi_type, state)
    if fbi_type not in {"State Police", "Other State Agency"}:
        parent = ""  # a university system or a railway is not one state agency with units
    return (f"{_statewide(prefix, fbi_type, state)}: {unit}" if unit else parent or prefix), parent


def _statewide(name: str, fbi_type: str, state: str) -> str:
    if fbi_type not in {"State Police", "Other State Agency"}:
        return name
    found = us.states.lookup(state)
    state_name = found.name if found is not None else ""
    key = name.casefold()
    if state_name and state_name.casefold() not in key and key.startswith(_GENERIC_STARTS):
        return f"{state_name} {name}"
    return name


def kind_of(name: str, fbi_type: str) -> str:
    """Agency kind from the name first (a sheriff is a sheriff whatever the FBI's type), then the type."""
    key = normalize_name(name)
    if "sheriff" in key:
        return SHERIFF
    if any(word in key for word in ("correction", "jail", "detention", "penitentiar", "prison")):
        return CORRECTIONS
    if fbi_type == "Tribal":
        return TRIBAL
    if fbi_type == "University or College" or "school district" in key or "school police" in key:
        return CAMPUS
    if fbi_type == "State Police":
        return STATE_POLICE
    if fbi_type == "Other State Agency":
        return STATE_AGENCY
    policing = any(word in key for word in ("police", "public safety", "marshal", "constable"))
    if fbi_type == "County" and policing:
        return COUNTY_POLICE
    if fbi_type == "City" or (fbi_type in _MUNICIPAL_TYPES and policing):
        return MUNICIPAL_POLICE  # the FBI's "City" records are town police even when named by town alone
    return OTHER


class CountyNames:
    """County FIPS from a county name as the FBI or ICE writes it, within one state (2020 Census counties).

    A bare name means the county ("FAIRFAX" → Fairfax County, 51059); "… CITY" the independent city where
    one exists ("FAIRFAX CITY" → 51600, "ST. LOUIS CITY" → 29510). Never matches across states.
    """

    _SUFFIXES = re.compile(
        r"\s+(county|parish|borough|census area|city and borough|municipality|municipio|planning region)$"
    )

    def __init__(self) -> None:
        self._exact: dict[tuple[str, str], str] = {}
        self._bare: dict[tuple[str, str], str] = {}
        self._compact: dict[tuple[str, str], str] = {}  # "LA SALLE" is LaSalle County, "DEWITT" De Witt
        data = resources.files("addfips") / "data" / "counties_2020.csv"
        with data.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                state = us.states.lookup(row["statefp"])
                if state is None:
                    continue
                fips = row["statefp"] + row["countyfp"]
                name = self.key(row["name"])
                self._exact.setdefault((state.abbr, name), fips)
                bare = self._SUFFIXES.sub("", name)
                if not name.endswith(" city") or (state.abbr, bare) not in self._bare:
                    # "Fairfax County" wins the bare name "fairfax" over "Fairfax city"
                    if name.endswith(" city"):
                        self._bare.setdefault((state.abbr, bare), fips)
                    else:
                        self._bare[(state.abbr, bare)] = fips
                        self._compact[(state.abbr, bare.replace(" ", ""))] = fips

    @staticmethod
    def key(name: str) -> str:
        text = normalize_name(name).replace(".", "").replace("-", " ").replace("'", "")
        text = re.sub(r"\bsaint\b", "st", text)
        text = re.sub(r"\bste\b", "st", text)
        return " ".join(text.split())

    def fips(self, state: str, name: str) -> str | None:
        key = self.key(name)
        if not key or key in {"n/a", "null"}:
            return None
        bare = self._SUFFIXES.sub("", key)
        return (
            self._exact.get((state, key))
            or self._bare.get((state, bare))
            or self._compact.get((state, bare.replace(" ", "")))
        )


def roster_from_fbi(path: Path) -> Iterator[RosterAgency]:
    """Every record of the FBI agency list (`../shared/data/agencies/fbi_cde_agencies.csv`), derived."""
    counties = CountyNames()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            state = row["state_abbr"].strip()
            name, parent = readable_name(row["agency_name"], row["agency_type_name"], state)
            fips = [counties.fips(state, part) for part in row["county_name"].split(";")]
            yield RosterAgency(
                ori=row["ori"].strip(),
                state=state,
                name=name,
                kind=kind_of(name, row["agency_type_name"]),
                counties=tuple(dict.fromkeys(f for f in fips if f)),
                parent=parent,
                fbi_name=row["agency_name"].strip(),
                fbi_type=row["agency_type_name"].strip(),
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
            )


def _float(text: str) -> float | None:
    try:
        return round(float(text), 5)
    except ValueError:
        return None


def write_roster(agencies: list[RosterAgency], path: Path = ROSTER_FILE) -> None:
    # mtime=0: the same input writes the same bytes
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        text = _TextSink(gz)
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(ROSTER_COLUMNS)
        for a in sorted(agencies, key=lambda a: a.ori):
            writer.writerow(
                [
                    a.ori, a.state, a.name, a.kind, ";".join(a.counties), a.parent, a.fbi_name, a.fbi_type,
                    "" if a.latitude is None else a.latitude, "" if a.longitude is None else a.longitude,
                ]
            )  # fmt: skip


class _TextSink:
    def __init__(self, gz: gzip.GzipFile) -> None:
        self._gz = gz

    def write(self, text: str) -> int:
        return self._gz.write(text.encode("utf-8"))


def iter_roster(path: Path = ROSTER_FILE) -> Iterator[RosterAgency]:
    """The shipped roster, one `RosterAgency` per FBI record."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield RosterAgency(
                ori=row["ori"],
                state=row["state"],
                name=row["name"],
                kind=row["kind"],
                counties=tuple(c for c in row["counties"].split(";") if c),
                parent=row["parent"],
                fbi_name=row["fbi_name"],
                fbi_type=row["fbi_type"],
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
            )
