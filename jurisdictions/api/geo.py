"""A representative point per county, for the GeoJSON layer, until the project has county shapes.

The point is the mean latitude/longitude of the county's ZIP codes, taken from the `zipcodes` package
(USPS ZIP centroids). It falls inside or near the county's populated area, not on its geometric centre;
counties with no ZIP code in the reference data get no point (a null geometry).
"""

from functools import lru_cache

import zipcodes

from jurisdictions.models import ZipCode


@lru_cache(maxsize=1)
def county_points() -> dict[str, tuple[float, float]]:
    """FIPS code → (longitude, latitude). Costs ~1 s and one 40,000-row query, once per process."""
    located = {
        entry["zip_code"]: (float(entry["long"]), float(entry["lat"]))
        for entry in zipcodes.list_all()
        if entry.get("lat") and entry.get("long")
    }
    sums: dict[str, tuple[float, float, int]] = {}
    for code, fips in ZipCode.objects.filter(county__isnull=False).values_list("code", "county__fips"):
        if code in located:
            lon, lat = located[code]
            total_lon, total_lat, n = sums.get(fips, (0.0, 0.0, 0))
            sums[fips] = (total_lon + lon, total_lat + lat, n + 1)
    return {fips: (round(lon / n, 5), round(lat / n, 5)) for fips, (lon, lat, n) in sums.items()}
