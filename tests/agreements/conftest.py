import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from agreements.models import Snapshot
from tests.agreements.helpers import import_list
from tests.agreements.sheets import Link, row

MOA = Link("https://www.ice.gov/doclib/287gMOA/ClarkCoNV_TFM_MOA.pdf")


@pytest.fixture
def two_lists(db: None) -> list[Snapshot]:
    """A pending list and two participating lists: one added, one renewed, one dropped, one corrected."""
    import_list([row("Nye County Sheriff's Office", county="Nye County")], "2025-05-15", kind="pending")
    import_list(
        [
            row(signed=dt.datetime(2025, 1, 2), moa=MOA),
            row("Elko County Sheriff's Office", county="Elko County", model="Jail Enforcement Model"),
            row("Lyon County Sheriff's Office", county="Lyon County", signed=dt.datetime(2025, 4, 15)),
        ],
        "2025-05-16",
    )
    import_list(
        [
            row(signed=dt.datetime(2025, 5, 20), moa=MOA),
            row("Nye County Sheriff's Office", county="Nye County"),
            row("Lyon County Sheriff's Office", county="Lyon County", signed=dt.datetime(2025, 4, 14)),
        ],
        "2025-05-23",
    )
    return list(Snapshot.objects.in_order())


@dataclass
class IceSite:
    """A real HTTP server on 127.0.0.1 standing in for ice.gov: path → (body, headers)."""

    base: str
    routes: dict[str, tuple[bytes, dict[str, str]]]
    requested: list[str]


@pytest.fixture
def ice_site(settings: Any) -> Iterator[IceSite]:
    routes: dict[str, tuple[bytes, dict[str, str]]] = {}
    requested: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            if self.path not in routes:
                self.send_error(404)
                return
            body, headers = routes[self.path]
            self.send_response(200)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.ICE_287G_PAGE_URL = f"{base}/identify-and-arrest/287g"
    try:
        yield IceSite(base, routes, requested)
    finally:
        server.shutdown()
        server.server_close()
