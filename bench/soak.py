"""`make load`: the production server (gunicorn) under 50 concurrent clients for 60 s, over loopback.

A mix of what visitors do — home, a state, a county, an agency page, the agreements list, search, the
deadline calculator and the API (JSON and a filtered CSV) — spread across clients round-robin. Runs
against the database in DATABASE_URL (or the embedded one) as it is: import the ICE lists first
(`make run` does). Prints requests/s, median/p95 latency and the count of each status and connection error;
exits non-zero if there was any error. Bounded: stops at the time limit or MAX_REQUESTS, whichever first.

    python -m bench.soak [--clients 50] [--seconds 60] [--workers 3]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from typing import Any

from bench.load import _client, serve

MAX_REQUESTS = 200_000


def paths() -> list[str]:
    """Real addresses from the current database (an agency that has an agreement, its county and state)."""
    import django

    django.setup()
    from jurisdictions.models import Agency

    agency = Agency.objects.filter(agreements__isnull=False).select_related("state", "county").first()
    agency = agency or Agency.objects.select_related("state", "county").first()
    mix = ["/", "/es/", "/agreements/?state=FL", "/search/?q=county", "/requests/deadline/?state=NV&received=2026-11-20",
           "/api/v1/agreements/?page_size=100", "/api/v1/agencies/?state=TX", "/api/v1/deadline/?state=NV&received=2026-11-20",
           "/api/v1/agreements/?state=FL&model=TFM&format=csv"]  # fmt: skip
    if agency is not None:
        mix += [agency.get_absolute_url(), f"/states/{agency.state.slug}/"]
        if agency.county is not None:
            mix.append(agency.county.get_absolute_url())
    return mix


def hammer(base: str, mix: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """The bench's load client over the mix; an error is a failed connection or a 4xx/5xx status."""
    report = _client([base + path for path in mix], clients, seconds, MAX_REQUESTS)
    report["clients"] = clients
    report["errors"] += sum(n for status, n in report["statuses"].items() if int(status) >= 400)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", f"load-throwaway-{secrets.token_urlsafe(32)}")
    os.environ.setdefault("DEBUG", "false")
    os.environ["API_ANON_RATE"] = "1000000/s"  # measure the server, not the throttle
    if not os.environ.get("DATABASE_URL"):
        from config import embedded_postgres

        os.environ["DATABASE_URL"] = embedded_postgres.url()
    mix = paths()
    from django.core.management import call_command

    call_command("collectstatic", verbosity=0, interactive=False)
    with serve(dict(os.environ), args.workers) as base:
        report = hammer(base, mix, args.clients, args.seconds)
    report["paths"] = mix
    print(json.dumps(report, indent=2))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
