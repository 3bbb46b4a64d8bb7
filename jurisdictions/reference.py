"""Reference data from maintained packages: states (`us`), counties (`addfips`), ZIP codes (`zipcodes`).

Each loader is idempotent: it inserts what is missing and leaves existing rows alone, so editors' later
corrections (a county's slug, an agency's place) survive a reload.
"""

import csv
from collections.abc import Iterable
from importlib import resources

import us
import zipcodes
from django.db import transaction

from jurisdictions.models import County, Place, State, ZipCode
from jurisdictions.names import make_slug, normalize_name


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
