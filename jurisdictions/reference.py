"""Reference data: states (`us`), counties (`addfips`), ZIP codes (`zipcodes`), agencies (the FBI roster).

Each loader is idempotent: it inserts what is missing and leaves existing rows alone, so editors' later
corrections (a county's slug, an agency's place) survive a reload.
"""

import csv
import hashlib
from collections.abc import Iterable
from importlib import resources

import us
import zipcodes
from django.db import transaction
from django.utils.translation import gettext

from jurisdictions.census_places import iter_places, iter_zcta_counties
from jurisdictions.models import Agency, AgencyAlias, AgencyKind, County, Place, State, ZipCode, ZipCounty
from jurisdictions.names import make_slug, normalize_name, place_name, unique_slug
from jurisdictions.roster import RosterAgency, iter_roster


def load_all() -> str:
    """Every loader of this module in order (each idempotent); returns a one-line summary of what was added.
    The first run on an empty database takes about 20 s; a second writes nothing."""
    with transaction.atomic():
        states = load_states()
        counties = load_counties()
    places, zips = load_zip_codes()
    towns, matched = load_census_places()
    zip_counties = load_zip_counties()
    agencies, updated = load_agencies()
    linked = link_agency_places()
    return (
        f"states +{states}, counties +{counties}, places +{places}, ZIP codes +{zips}, "
        f"Census places +{towns} (matched {matched}), ZIP–county links +{zip_counties}, "
        f"agencies +{agencies} (updated {updated}), agencies linked to their town +{linked}"
    )


def load_states() -> int:
    """Insert the 50 states, DC and the five inhabited territories. Returns how many were added."""
    existing = set(State.objects.values_list("fips", flat=True))
    # STATES_AND_TERRITORIES holds DC in some releases of `us` and not in others.
    by_fips = {s.fips: s for s in [*us.states.STATES_AND_TERRITORIES, us.states.DC] if s.fips}
    new = [
        State(
            fips=str(s.fips),
            postal=s.abbr,
            name=s.name,
            slug=make_slug(s.abbr).lower(),
            is_territory=bool(s.is_territory),
        )
        for s in by_fips.values()
        if s.fips not in existing
    ]
    State.objects.bulk_create(new)
    return len(new)


def _county_rows() -> Iterable[dict[str, str]]:
    data = resources.files("addfips") / "data" / "counties_2020.csv"
    with data.open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


# addfips lists some county equivalents under two names; these are the current official ones.
_PREFERRED_COUNTY_NAMES = {
    "02158": "Kusilvak Census Area",
    "02195": "Petersburg Borough",
    "11001": "District of Columbia",
    "36005": "Bronx County",
    "36047": "Kings County",
    "36061": "New York County",
    "36085": "Richmond County",
    "46102": "Oglala Lakota County",
    "60030": "Rose Atoll District",
}


def load_counties() -> int:
    """Insert every county equivalent of the 2020 Census (3,236). Returns how many were added.

    Other names addfips knows for the same FIPS code (Brooklyn Borough, Wade Hampton Census Area) are kept
    in `other_names` for matching.
    """
    states = {s.fips: s for s in State.objects.all()}
    existing = set(County.objects.values_list("fips", flat=True))
    names: dict[str, list[str]] = {}
    for row in _county_rows():
        names.setdefault(row["statefp"] + row["countyfp"], []).append(row["name"])
    new = []
    for fips, found in names.items():
        state = states.get(fips[:2])
        if state is None or fips in existing:
            continue
        name = _PREFERRED_COUNTY_NAMES.get(fips, found[0])
        new.append(
            County(
                state=state,
                fips=fips,
                name=name,
                slug=make_slug(name),
                name_key=normalize_name(name),
                other_names=[n for n in found if n != name],
            )
        )
    County.objects.bulk_create(new)
    return len(new)


def _county_index() -> dict[tuple[str, str], County]:
    return {(c.state.postal, c.name_key): c for c in County.objects.select_related("state")}


def load_zip_codes() -> tuple[int, int]:
    """Insert places (USPS city names) and ZIP codes with their county. Returns (places, zips) added."""
    states = {s.postal: s for s in State.objects.all()}
    counties = _county_index()
    places: dict[tuple[str, int | None, str], Place] = {
        (p.state.postal, p.county_id, p.name): p for p in Place.objects.select_related("state")
    }
    existing_zips = set(ZipCode.objects.values_list("code", flat=True))
    new_places: list[Place] = []
    zip_rows: list[tuple[str, str, County | None, tuple[str, int | None, str]]] = []
    for entry in zipcodes.list_all():
        state = states.get(entry["state"])
        if state is None or not entry.get("active", True):
            continue
        county = counties.get((state.postal, normalize_name(entry.get("county") or "")))
        city = (entry.get("city") or "").strip()
        key = (state.postal, county.pk if county else None, city)
        if city and key not in places:
            place = Place(state=state, county=county, name=city, name_key=normalize_name(city))
            places[key] = place
            new_places.append(place)
        if entry["zip_code"] not in existing_zips:
            zip_rows.append((entry["zip_code"], state.postal, county, key))
    with transaction.atomic():
        Place.objects.bulk_create(new_places, batch_size=2000)
        ZipCode.objects.bulk_create(
            [
                ZipCode(code=code, state=states[postal], county=county, place=places.get(key))
                for code, postal, county, key in zip_rows
            ],
            batch_size=5000,
        )
    return len(new_places), len(zip_rows)


def load_agencies() -> tuple[int, int]:
    """Every agency of the shipped FBI roster, keyed on ORI. Returns (added, updated).

    A second run writes nothing: each agency keeps a digest of the roster row it was loaded from, and only a
    changed row updates its agency (in place, the earlier name kept as an alias). An agency created from an
    ICE list before the roster was loaded, with the same name in the same state and no ORI, is adopted (it
    keeps its page address). Units of state agencies ("State Police: Bradford County") are linked to their
    parent, which is created without an ORI where the FBI lists none. Queries: a few reads, bulk writes.
    """
    states = {s.postal: s for s in State.objects.all()}
    counties = dict(County.objects.values_list("fips", "pk"))
    rows = [r for r in iter_roster() if r.state in states]
    by_ori = {a.ori: a for a in Agency.objects.filter(ori__isnull=False)}
    unclaimed: dict[tuple[int, str], list[Agency]] = {}
    for orphan in Agency.objects.filter(ori__isnull=True):
        unclaimed.setdefault((orphan.state_id, orphan.name_key), []).append(orphan)
    slugs = set(Agency.objects.values_list("slug", flat=True))
    added: list[Agency] = []
    changed: list[Agency] = []
    aliases: list[AgencyAlias] = []
    county_links: list[tuple[Agency, list[int]]] = []
    for row in rows:
        digest = _digest(row)
        agency: Agency | None = by_ori.get(row.ori)
        if agency is not None and agency.roster_digest == digest:
            continue
        state = states[row.state]
        if agency is None:
            claim = unclaimed.get((state.pk, normalize_name(row.name)), [])
            agency = claim.pop() if len(claim) == 1 else None
        if agency is None:
            agency = Agency(state=state, slug=unique_slug(make_slug(row.name, row.state.lower()), slugs))
            added.append(agency)
        else:
            if agency.name and agency.name != row.name:
                aliases.append(AgencyAlias(agency=agency, name=agency.name, source=gettext("earlier name")))
            changed.append(agency)
        agency.ori, agency.name, agency.name_key = row.ori, row.name, normalize_name(row.name)
        agency.kind, agency.fbi_name, agency.roster_digest = row.kind, row.fbi_name, digest
        agency.latitude, agency.longitude = row.latitude, row.longitude
        linked = [counties[f] for f in row.counties if f in counties]
        agency.county_id = linked[0] if linked else None
        county_links.append((agency, linked))
    with transaction.atomic():
        Agency.objects.bulk_create(added, batch_size=2000)
        Agency.objects.bulk_update(
            changed,
            [
                "ori",
                "name",
                "name_key",
                "kind",
                "fbi_name",
                "roster_digest",
                "latitude",
                "longitude",
                "county",
            ],
            batch_size=2000,
        )
        for alias in aliases:
            alias.name_key = normalize_name(alias.name)
        AgencyAlias.objects.bulk_create(aliases, ignore_conflicts=True)
        through = Agency.counties.through
        through.objects.filter(agency_id__in=[a.pk for a in changed]).delete()
        through.objects.bulk_create(
            [through(agency_id=a.pk, county_id=c) for a, ids in county_links for c in ids],
            batch_size=5000,
            ignore_conflicts=True,
        )
        _link_units([r for r in rows if r.parent], states, slugs)
    return len(added), len(changed)


def _digest(row: RosterAgency) -> str:
    return hashlib.sha256(repr(row).encode()).hexdigest()[:16]


def _link_units(units: list[RosterAgency], states: dict[str, State], slugs: set[str]) -> None:
    """Point each unit at its parent (same state, the parent's readable name); create missing parents."""
    wanted = {(states[r.state].pk, normalize_name(r.parent)): r for r in units}
    parents: dict[tuple[int, str], Agency] = {}
    for agency in Agency.objects.filter(name_key__in={key for _, key in wanted}, parent__isnull=True):
        key = (agency.state_id, agency.name_key)
        if key in wanted and (key not in parents or agency.ori):
            parents[key] = agency
    new = [
        Agency(
            state_id=state_id,
            name=row.parent,
            name_key=key,
            kind=row.kind,
            slug=unique_slug(make_slug(row.parent, row.state.lower()), slugs),
        )
        for (state_id, key), row in wanted.items()
        if (state_id, key) not in parents
    ]
    Agency.objects.bulk_create(new)
    parents.update({(a.state_id, a.name_key): a for a in new})
    by_ori = {r.ori: parents[(states[r.state].pk, normalize_name(r.parent))].pk for r in units}
    stale = Agency.objects.filter(ori__in=by_ori).only("pk", "ori", "parent_id")
    moved = [a for a in stale if a.parent_id != by_ori[a.ori or ""]]
    for agency in moved:
        agency.parent_id = by_ori[agency.ori or ""]
    Agency.objects.bulk_update(moved, ["parent"], batch_size=2000)


def load_census_places() -> tuple[int, int]:
    """Census places (2020) as towns: a USPS post-office name of the same town in one of its counties gets
    the Census GEOID; other places are added. Returns (added, matched). A second run writes nothing.

    Queries: places and counties (3), then bulk writes.
    """
    states = {s.postal: s for s in State.objects.all()}
    counties = dict(County.objects.values_list("fips", "pk"))
    with_geoid = set(Place.objects.filter(geoid__isnull=False).values_list("geoid", flat=True))
    usps: dict[tuple[int, str], list[Place]] = {}
    for place in Place.objects.filter(geoid__isnull=True):
        usps.setdefault((place.state_id, _town_key(place.name)), []).append(place)
    taken: set[tuple[int, int | None, str]] = set(
        Place.objects.values_list("state_id", "county_id", "name_key")
    )
    added: list[Place] = []
    matched: list[Place] = []
    links: list[tuple[Place, list[int]]] = []
    for row in iter_places():
        state = states.get(row.state)
        if state is None or row.geoid in with_geoid:
            continue
        ids = [counties[f] for f in row.county_fips if f in counties]
        same = [p for p in usps.get((state.pk, _town_key(row.name)), []) if p.county_id in ids]
        if same:
            place = same[0]
            matched.append(place)
        else:
            main = _main_county(ids, state.pk, row.name, taken)
            if main is _TAKEN:
                continue  # another place of that name already holds the name in each of its counties
            place = Place(state=state, county_id=main, name=row.name, name_key=normalize_name(row.name))
            taken.add((state.pk, main, place.name_key))
            added.append(place)
        place.geoid, place.lsad = row.geoid, row.lsad[:40]
        links.append((place, ids))
    with transaction.atomic():
        Place.objects.bulk_create(added, batch_size=2000)
        Place.objects.bulk_update(matched, ["geoid", "lsad"], batch_size=2000)
        through = Place.counties.through
        through.objects.bulk_create(
            [through(place_id=p.pk, county_id=c) for p, ids in links for c in ids],
            batch_size=5000,
            ignore_conflicts=True,
        )
    return len(added), len(matched)


_TAKEN = -1


def _main_county(
    ids: list[int], state_id: int, name: str, taken: set[tuple[int, int | None, str]]
) -> int | None:
    key = normalize_name(name)
    free = [c for c in ids if (state_id, c, key) not in taken]
    if not ids:
        return None if (state_id, None, key) not in taken else _TAKEN
    return free[0] if free else _TAKEN


def _town_key(name: str) -> str:
    """ "Saint Cloud" (USPS) and "St. Cloud" (Census) are one town."""
    words = normalize_name(name).replace(".", "").split()
    return " ".join({"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}.get(w, w) for w in words)


def load_zip_counties() -> int:
    """Every county each ZIP code's area reaches into, with its land share (2020 ZCTA relationships).
    ZIP codes without a ZCTA (post-office boxes) keep USPS's one county. Returns the links added."""
    if ZipCounty.objects.exists():
        return 0
    counties = dict(County.objects.values_list("fips", "pk"))
    codes = dict(ZipCode.objects.values_list("code", "county_id"))
    links: list[ZipCounty] = []
    for row in iter_zcta_counties():
        if row.zcta not in codes:
            continue
        for fips, share in zip(row.county_fips, row.land_shares, strict=True):
            if fips in counties:
                links.append(ZipCounty(zip_code_id=row.zcta, county_id=counties[fips], land_share=share))
    covered = {link.zip_code_id for link in links}
    links.extend(
        ZipCounty(zip_code_id=code, county_id=county_id, land_share=1.0)
        for code, county_id in codes.items()
        if code not in covered and county_id is not None
    )
    ZipCounty.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
    return len(links)


def link_agency_places() -> int:
    """Town police get their town: the place named in the agency's name, in one of its counties (Census
    places first). Agencies that already have a place keep it. Returns how many were linked."""
    towns: dict[tuple[int, str], list[tuple[bool, int, set[int]]]] = {}
    county_sets: dict[int, set[int]] = {}
    for place_id, county_id in Place.counties.through.objects.values_list("place_id", "county_id"):
        county_sets.setdefault(place_id, set()).add(county_id)
    for pk, state_id, name, county_id, geoid in Place.objects.values_list(
        "pk", "state_id", "name", "county_id", "geoid"
    ):
        counties_of = county_sets.get(pk) or ({county_id} if county_id else set())
        towns.setdefault((state_id, _town_key(name)), []).append((geoid is not None, pk, counties_of))
    served: dict[int, set[int]] = {}
    for agency_id, county_id in Agency.counties.through.objects.values_list("agency_id", "county_id"):
        served.setdefault(agency_id, set()).add(county_id)
    linked = []
    for agency in Agency.objects.filter(place__isnull=True, kind=AgencyKind.MUNICIPAL_POLICE).only(
        "pk", "state_id", "name", "place_id"
    ):
        options = [
            (census, pk)
            for census, pk, within in towns.get((agency.state_id, _town_key(place_name(agency.name))), [])
            if within & served.get(agency.pk, set())
        ]
        if options:
            agency.place_id = max(options)[1]
            linked.append(agency)
    Agency.objects.bulk_update(linked, ["place"], batch_size=2000)
    return len(linked)
