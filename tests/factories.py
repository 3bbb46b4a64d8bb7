"""Small factories for tests. Reference data (states, counties) is loaded once per run by conftest."""

from itertools import count

from jurisdictions.models import Agency, AgencyKind, County, State
from jurisdictions.names import make_slug

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
