"""Download one MOA link (stdlib urllib): a timeout, a size cap, and the bytes checked to be a PDF."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from documents.extract import looks_like_pdf

TIMEOUT_SECONDS = 30
MAX_BYTES = 25 * 1024 * 1024
USER_AGENT = "ice-agreements-directory/1 (public-interest archive of 287(g) agreements)"
ALLOWED_SCHEMES = {"http", "https"}


class FetchError(Exception):
    """The URL gave no PDF. `transient` is True where trying again later may work (network, 5xx, 429)."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def pdf_fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET `url` and return its bytes if they are a PDF. Raises FetchError, never a bare network error.

    The server's Content-Type is recorded but not trusted (ice.gov has served PDFs as octet-stream);
    only the `%PDF-` magic bytes decide. Reads at most `max_bytes + 1` bytes.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(
            f"{url}: only http and https links are fetched, not {scheme or 'no scheme'}", transient=False
        )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/pdf,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content: bytes = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        transient = exc.code >= 500 or exc.code in (408, 429)
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}", transient=transient) from exc
    except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections, bad URLs
        raise FetchError(f"{url}: {exc}", transient=not isinstance(exc, ValueError)) from exc
    if len(content) > max_bytes:
        raise FetchError(f"{url}: larger than {max_bytes} bytes", transient=False)
    if not looks_like_pdf(content):
        raise FetchError(
            f"{url}: not a PDF (served as {content_type}, starts with {content[:16]!r})", transient=False
        )
    return Fetched(url=final_url, content=content, content_type=content_type)
