"""Match agency and county names as written on outside lists (ICE's spreadsheets) to our jurisdictions.

`JurisdictionIndex` loads the counties and places of the states asked for once (two queries) and then
answers in memory, so an importer can match thousands of rows without a query per row.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from rapidfuzz.distance import Levenshtein

from jurisdictions.models import AgencyKind, County, Place, State, ZipCode
from jurisdictions.names import normalize_name, place_name

_COUNTY_SUFFIX = re.compile(
    r"\s+(county|parish|borough|census area|city and borough|municipality|municipio|city)$", re.IGNORECASE
)
_COUNTY_IN_NAME = re.compile(r"^(.*?)\s+(county|parish|co\.?)\b", re.IGNORECASE)


def _base(name: str, *, key: str | None = None) -> str:
    return _COUNTY_SUFFIX.sub("", (key or normalize_name(name)).replace(".", "")).strip()


def _distance(a: str, b: str, limit: int) -> int:
    return Levenshtein.distance(a, b, score_cutoff=limit)


@dataclass
class CountyMatch:
    county: County | None
    note: str = ""
    how: str = ""  # "exact", "typo", "place", "name", ""
    conflict: bool = False  # the COUNTY cell and the county in the agency's name disagree


@dataclass
class JurisdictionIndex:
    states: dict[str, State] = field(default_factory=dict)
    counties: dict[str, dict[str, County]] = field(default_factory=lambda: defaultdict(dict))
    places: dict[str, dict[str, set[int]]] = field(default_factory=lambda: defaultdict(dict))
    county_by_id: dict[int, County] = field(default_factory=dict)

    @classmethod
    def load(cls, postals: Iterable[str]) -> JurisdictionIndex:
        """States asked for, with their counties and places (about 30,000 rows for all states).

        Queries: states (1) and a fingerprint of the county and place tables (1); the counties and places
        of a state are read once per process and reused while the fingerprint is unchanged.
        """
        index = cls()
        index.states = {s.postal: s for s in State.objects.filter(postal__in=set(postals))}
        fingerprint = _fingerprint()
        if [fingerprint] != _FINGERPRINT:
            _CACHE.clear()
            _FINGERPRINT[:] = [fingerprint]
        for postal, state in index.states.items():
            if postal not in _CACHE:
                _CACHE[postal] = _state_tables(state)
            counties, places = _CACHE[postal]
            index.counties[postal] = counties
            index.places[postal] = places
            index.county_by_id.update({c.pk: c for c in counties.values()})
        return index

    def county_by_name(self, postal: str, text: str) -> CountyMatch:
        """A county of the state from a COUNTY cell: exact (with or without "County"/"Parish"), else a near
        spelling (1 edit, 2 for long names) when only one county is that near."""
        if not text:
            return CountyMatch(None)
        table = self.counties.get(postal, {})
        key = normalize_name(text).replace(".", "")
        for candidate in (key, _base(text)):
            if candidate in table:
                return CountyMatch(table[candidate], how="exact")
        base = _base(text)
        # One letter off for short names, two for long ones: "Bowie" (Texarkana's county in Texas) is two
        # letters from Arkansas's "Boone", and a typo must not move an agency to another state's county.
        limit = 1 if len(base) < 8 else 2
        scored = sorted((_distance(base, k, limit), k) for k in table)
        best = [k for d, k in scored if d == scored[0][0]] if scored and scored[0][0] <= limit else []
        counties = {table[k].pk for k in best}
        if len(counties) == 1:
            county = table[best[0]]
            return CountyMatch(county, note=f"county “{text}” read as {county.name}", how="typo")
        return CountyMatch(None, note=f"county “{text}” not found in {postal}")

    def county_for_agency(self, postal: str, name: str, county_text: str, agency_type: str) -> CountyMatch:
        """County of an agency not in the FBI roster: the COUNTY cell checked against the county in its
        name ("Madison County Sheriff's Office" in a row whose COUNTY says Macon is a question for an
        editor, not a guess), else its town's county. Only within the row's state."""
        if agency_type == "State Agency":
            return CountyMatch(None)
        match = self.county_by_name(postal, county_text)
        named = CountyMatch(None)
        if agency_type != "Municipality" and (m := _COUNTY_IN_NAME.match(normalize_name(name))):
            named = self.county_by_name(postal, m.group(1))
        if match.county is not None and named.county is not None and match.county.pk != named.county.pk:
            note = (
                f"COUNTY “{county_text}” is {match.county.name} but the name says {named.county.name}; "
                "left for review"
            )
            return CountyMatch(None, note=note, conflict=True)
        if match.county is not None:
            return match
        if named.county is not None:
            return CountyMatch(named.county, note=named.note, how="name")
        place = place_name(name)
        towns = self.places.get(postal, {})
        county_ids: set[int] = set()
        for key in _place_keys(place):
            county_ids = towns.get(key, set())
            if county_ids:
                break
        if len(county_ids) == 1:
            return CountyMatch(self.county_by_id[next(iter(county_ids))], how="place")
        if len(county_ids) > 1:
            return CountyMatch(None, note=f"“{place}” is in several counties of {postal}")
        return CountyMatch(None, note=match.note or f"no county found for “{name}”")


_CACHE: dict[str, tuple[dict[str, County], dict[str, set[int]]]] = {}
_FINGERPRINT: list[tuple[object, ...]] = []


def _fingerprint() -> tuple[object, ...]:
    counties = County.objects.aggregate(n=Count("id"), last=Max("id"))
    places = Place.objects.aggregate(n=Count("id"), last=Max("id"))
    return (counties["n"], counties["last"], places["n"], places["last"])


def _state_tables(state: State) -> tuple[dict[str, County], dict[str, set[int]]]:
    counties: dict[str, County] = {}
    for county in County.objects.filter(state=state).only(
        "id", "state_id", "name", "name_key", "other_names", "fips"
    ):
        counties.setdefault(county.name_key.replace(".", ""), county)
        counties.setdefault(_base(county.name, key=county.name_key), county)
        for name in county.other_names:
            counties.setdefault(normalize_name(name).replace(".", ""), county)
            counties.setdefault(_base(name), county)
    places: dict[str, set[int]] = {}
    rows = Place.objects.filter(state=state, county__isnull=False).values_list("name_key", "county_id")
    for key, county_id in rows:
        places.setdefault(key.replace(".", ""), set()).add(county_id)
    _prefer_main_county(state, places)
    return counties, places


def _prefer_main_county(state: State, places: dict[str, set[int]]) -> None:
    """A town name in several counties (USPS "Orlando" reaches into three) belongs to the county holding
    more than half of its ZIP codes, when one does; otherwise it stays ambiguous."""
    shared = {key for key, ids in places.items() if len(ids) > 1}
    if not shared:
        return
    zips: dict[str, Counter[int]] = defaultdict(Counter)
    rows = ZipCode.objects.filter(state=state, place__isnull=False, county__isnull=False).values_list(
        "place__name_key", "county_id"
    )
    for key, county_id in rows:
        key = key.replace(".", "")
        if key in shared:
            zips[key][county_id] += 1
    for key, counts in zips.items():
        top, n = counts.most_common(1)[0]
        if n * 2 > sum(counts.values()):
            places[key] = {top}


_PLACE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def _place_keys(place: str) -> list[str]:
    """USPS spells "Saint Cloud" where ICE writes "St. Cloud": try the name, then abbreviations expanded."""
    key = normalize_name(place).replace(".", "")
    words = key.split()
    expanded = " ".join(_PLACE_ABBREVIATIONS.get(w, w) for w in words)
    return [key] if expanded == key else [key, expanded]


def agency_kind(name: str, agency_type: str) -> str:
    """Kind of an agency the FBI roster lacks, from ICE's TYPE column and the name."""
    key = normalize_name(name)
    if "sheriff" in key:
        return AgencyKind.SHERIFF
    if any(word in key for word in ("correction", "jail", "detention")):
        return AgencyKind.CORRECTIONS
    if any(word in key for word in ("university", "college", "school")):
        return AgencyKind.CAMPUS
    if agency_type == "State Agency":
        if any(word in key for word in ("state police", "highway patrol", "state patrol", "public safety")):
            return AgencyKind.STATE_POLICE
        return AgencyKind.STATE_AGENCY
    if agency_type == "Municipality" or "police" in key or "public safety" in key:
        return AgencyKind.MUNICIPAL_POLICE
    if agency_type == "County" and "police" in key:
        return AgencyKind.COUNTY_POLICE
    return AgencyKind.OTHER
