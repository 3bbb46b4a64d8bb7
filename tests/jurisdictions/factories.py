"""Plain functions that make jurisdictions rows for tests. Reference data (states, counties, places, ZIP
codes) is loaded once per run by tests/conftest.py; these look it up or add agencies."""

from itertools import count

from jurisdictions.models import Agency, AgencyKind, County, State
from jurisdictions.names import make_slug, normalize_name

_seq = count(1)


def state(postal: str = "NV") -> State:
    return State.objects.get(postal=postal)


def county(fips: str = "32003") -> County:
    return County.objects.select_related("state").get(fips=fips)


def agency(
    name: str | None = None,
    *,
    county_fips: str | None = "32003",
    kind: str = AgencyKind.SHERIFF,
    **fields: object,
) -> Agency:
    n = next(_seq)
    name = name or f"Test Agency {n}"
    home = County.objects.select_related("state").get(fips=county_fips) if county_fips else None
    st = fields.pop("state", None) or (home.state if home else State.objects.get(postal="NV"))
    assert isinstance(st, State)
    created = Agency.objects.create(
        name=name, slug=make_slug(name, str(n)), state=st, county=home, kind=kind, **fields
    )
    if home is not None:
        created.counties.add(home)
    return created


def bulk_agencies(count: int, *, county_fips: str = "32003", prefix: str = "Bulk Agency") -> list[Agency]:
    """Create `count` agencies in two queries (bulk_create skips save(), so name_key is set here), each
    serving its county."""
    county = County.objects.select_related("state").get(fips=county_fips)
    created = Agency.objects.bulk_create(
        Agency(
            name=f"{prefix} {n:05d}",
            name_key=normalize_name(f"{prefix} {n:05d}"),
            slug=f"{prefix.lower().replace(' ', '-')}-{county_fips}-{n:05d}",
            state=county.state,
            county=county,
            kind=AgencyKind.MUNICIPAL_POLICE if n % 2 else AgencyKind.SHERIFF,
        )
        for n in range(count)
    )
    through = Agency.counties.through
    through.objects.bulk_create([through(agency_id=a.pk, county_id=county.pk) for a in created])
    return created
