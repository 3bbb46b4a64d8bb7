"""Fixtures for MOA documents: files stored in a temporary MEDIA_ROOT, a local HTTP server, tiny PDFs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from agreements.models import Agreement, SupportModel
from tests.documents.pdfs import MOA_TEXT, make_pdf
from tests.jurisdictions import factories


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def moa_pdf() -> bytes:
    return make_pdf(MOA_TEXT)


@pytest.fixture
def agreement(db: None) -> Agreement:
    return Agreement.objects.create(
        agency=factories.agency("Esmeralda County Sheriff's Office", county_fips="32009"),
        model=SupportModel.JEM,
        status="active",
    )


class Routes(dict[str, tuple[int, str, bytes]]):
    """path → (status, content type, body), filled by each test; the server answers from it."""

    base_url = ""

    def url(self, path: str) -> str:
        return self.base_url + path


@pytest.fixture
def web() -> Iterator[Routes]:
    """A real HTTP server on 127.0.0.1 (an ephemeral port), so the download code runs unchanged."""
    routes = Routes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, content_type, body = routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    routes.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield routes
    server.shutdown()
    server.server_close()


REAL_MOAS = {
    "LawrenceCoSheriffsOfficeAL_TFM_MOA_06182025.pdf": "Lawrence",
    "GraysonCountyDCKY_JEM_MOA_030425.pdf": "Grayson",
    "287gWSO_LafayetteCoFl2019-10-15.pdf": "Lafayette",
    "287g_JEM_TarrantCoTX_06-16-2020.pdf": "Tarrant",
}


@pytest.fixture
def real_moa_dir(shared_data: Path) -> Path:
    directory = shared_data / "moa"
    missing = [name for name in REAL_MOAS if not (directory / name).is_file()]
    if missing:
        pytest.skip(f"real MOAs missing from {directory}: {', '.join(missing)}")
    return directory
