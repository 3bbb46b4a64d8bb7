"""Median server time of 100-row API pages at the design scale (not a test; run it by hand).

    DATABASE_URL=postgres://…/db SECRET_KEY=x DEBUG=false python -m tests.api.bench_api_pages [--seed]

Also runs on the development data as it is (without `--seed`), over the pages it has.

Needs a migrated database with the reference data (`manage.py load_reference_data`), ideally with the real
ICE lists imported (`manage.py import_ice_sheets ../shared/data/ice-287g-sheets`). `--seed` then tops it
up with synthetic agencies and agreements to the scale in DESIGN.md (20,000 agencies, 5,000 agreements).
Times are measured in-process through the full middleware stack with Django's test client (no network).
"""

import os
import statistics
import sys
import time
from datetime import date

import django

AGENCIES = 20_000
AGREEMENTS = 5_000
REQUESTS = 60


def seed() -> None:
    from agreements.models import Agreement
    from jurisdictions.models import Agency, AgencyKind, County
    from jurisdictions.names import normalize_name

    counties = list(County.objects.select_related("state"))
    missing = AGENCIES - Agency.objects.count()
    if missing > 0:
        Agency.objects.bulk_create(
            (
                Agency(
                    name=f"Bench Police Department {n}",
                    name_key=normalize_name(f"Bench Police Department {n}"),
                    slug=f"bench-police-department-{n}",
                    state=counties[n % len(counties)].state,
                    county=counties[n % len(counties)],
                    kind=AgencyKind.MUNICIPAL_POLICE,
                )
                for n in range(missing)
            ),
            batch_size=2000,
        )
    missing = AGREEMENTS - Agreement.objects.count()
    if missing > 0:
        agency_ids = list(Agency.objects.order_by("pk").values_list("pk", flat=True)[:missing])
        Agreement.objects.bulk_create(
            (
                Agreement(
                    agency_id=agency_id,
                    model=("JEM", "TFM", "WSO")[n % 3],
                    signed=date(2019 + n % 7, 1 + n % 12, 1 + n % 28),
                    status=("active", "active", "active", "missing", "ended")[n % 5],
                    first_listed=date(2025, 5, 16),
                    last_listed=date(2026, 9, 1),
                )
                for n, agency_id in enumerate(agency_ids)
            ),
            batch_size=2000,
        )


def measure(client: object, path: str, pages: int) -> tuple[float, float, float, int]:
    """Median and p90 wall time, median CPU time of this process (excludes PostgreSQL), query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, cpu = [], []
    for n in range(REQUESTS):
        url = f"{path}&page={1 + n % pages}"
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, HTTP_HOST="localhost")  # type: ignore[attr-defined]
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{path}&page=1", HTTP_HOST="localhost")  # type: ignore[attr-defined]
    return (
        statistics.median(timings),
        statistics.quantiles(timings, n=10)[-1],
        statistics.median(cpu),
        len(queries),
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from agreements.models import Agreement
    from jurisdictions.models import Agency

    if "--seed" in sys.argv:
        seed()
    cache.clear()
    # The anonymous throttle (120/minute) would stop the run: measure as a signed-in staff user instead.
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="api-bench", defaults={"is_staff": True})
    client = Client()
    client.force_login(user)
    print(f"{Agreement.objects.count()} agreements, {Agency.objects.count()} agencies")
    for path in (
        "/api/v1/agreements/?page_size=100",
        "/api/v1/agencies/?page_size=100",
        "/api/v1/counties/?page_size=100",
    ):
        rows = client.get(path, HTTP_HOST="localhost").json()["count"]
        # Up to 10 pages, fewer on the development data (about 850 agreements).
        median, p90, cpu, queries = measure(client, path, pages=max(1, min(10, rows // 100)))
        print(
            f"{path}: median {median:.1f} ms (p90 {p90:.1f}), Python CPU {cpu:.1f} ms, "
            f"{queries} queries incl. session and user ({REQUESTS} requests)"
        )
    print("load average:", " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
