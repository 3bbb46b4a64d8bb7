"""Find and download the current ICE 287(g) lists from ice.gov's 287(g) page (stdlib urllib only)."""

from __future__ import annotations

import logging
import re
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 30
MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "ice-agreements-directory/1 (+https://github.com/; public-interest archive of ICE 287(g) lists)"
_LIST_PATH = re.compile(r"/doclib/about/offices/ero/287g/[^?#]*(participating|pending)[^?#]*\.xlsx$", re.I)


class DownloadError(Exception):
    """The ICE page or a list could not be fetched; the message says which URL and why."""


def fetch(url: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """GET a URL with a timeout and a size cap. Raises DownloadError (never a bare network exception)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        raise DownloadError(f"could not fetch {url}: {exc}") from exc
    if len(data) > max_bytes:
        raise DownloadError(f"{url} is larger than {max_bytes} bytes")
    return data


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def list_links(html: str, *, base_url: str) -> dict[str, str]:
    """{"participating": url, "pending": url} for the xlsx links on the ICE 287(g) page (first of each)."""
    parser = _Links()
    parser.feed(html)
    found: dict[str, str] = {}
    for href in parser.hrefs:
        url = urljoin(base_url, href.strip())
        match = _LIST_PATH.search(urlsplit(url).path)
        if match:
            found.setdefault(match.group(1).lower(), url)
    return found


def current_lists(*, page_url: str | None = None) -> list[tuple[str, str, bytes]]:
    """Download the lists linked from the ICE page: [(kind, url, bytes)]. Raises DownloadError, after
    logging it and recording it for editors (an `IceDownloadFailure` row, listed in the admin)."""
    page_url = page_url or settings.ICE_287G_PAGE_URL
    try:
        return _current_lists(page_url)
    except DownloadError as exc:
        from agreements.models import IceDownloadFailure

        logger.error("ICE 287(g) download failed: %s", exc)
        IceDownloadFailure.objects.create(url=page_url, message=str(exc))
        raise


def _current_lists(page_url: str) -> list[tuple[str, str, bytes]]:
    html = fetch(page_url).decode("utf-8", errors="replace")
    links = list_links(html, base_url=page_url)
    if not links:
        raise DownloadError(f"no participating or pending .xlsx link found on {page_url}")
    return [(kind, url, fetch(url)) for kind, url in sorted(links.items(), key=lambda kv: kv[0] != "pending")]
