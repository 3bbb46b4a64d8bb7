"""Find and download the current ICE 287(g) lists from ice.gov's 287(g) page (stdlib urllib only).

The real download path, as ICE serves it in 2026 (ICE_SHEETS_2021_2026.md, section 2.3):

1. GET the page (`ICE_287G_PAGE_URL`, https://www.ice.gov/identify-and-arrest/287g).
2. Take every link to a list, in either of the two forms ICE uses side by side:
   `/doclib/about/offices/ero/287g/<participating|pending>…xlsx` (the name is in the URL), and
   `/file-download/download/public/<numeric id>` (the name is only in the response's
   `Content-Disposition` header). Which list a link is comes from its file name, else from the link's
   text ("Participating agencies"), else from the spreadsheet's columns when it is imported.
3. GET each list (timeout, size cap); the body must be a zip (an HTML block page served with 200 is an
   error, not a list). Keep the file name (`Content-Disposition`, else the URL's last segment) and the
   `Last-Modified` date: the importer dates a list by its name, and by `Last-Modified` only when the name
   carries no date, then by the day it was downloaded (`captured`).

The pending list has not been published since February 2026: a page with only a participating link is
normal, and the absence of a pending list says nothing about the pending agencies.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 30
MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "ice-agreements-directory/1 (+https://github.com/; public-interest archive of ICE 287(g) lists)"
_DOCLIB = re.compile(r"/doclib/about/offices/ero/287g/[^?#]*(participating|pending)[^?#]*\.xlsx$", re.I)
_FILE_DOWNLOAD = re.compile(r"/file-download/download/public/\d+/?$", re.I)
_KIND_IN_TEXT = re.compile(r"(participating|pending)", re.I)


class DownloadError(Exception):
    """The ICE page or a list could not be fetched; the message says which URL and why."""


@dataclass(frozen=True)
class ListLink:
    url: str
    kind: str | None  # participating / pending when the URL or the link text says; else None


@dataclass(frozen=True)
class Downloaded:
    url: str
    data: bytes
    file_name: str  # from Content-Disposition, else the URL's last segment
    kind: str | None
    last_modified: dt.date | None
    captured: dt.date


def _get(url: str, *, max_bytes: int) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(max_bytes + 1)
            headers = {k.lower(): v for k, v in getattr(response, "headers", {}).items()}
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        raise DownloadError(f"could not fetch {url}: {exc}") from exc
    if len(data) > max_bytes:
        raise DownloadError(f"{url} is larger than {max_bytes} bytes")
    return data, headers


def fetch(url: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """GET a URL with a timeout and a size cap. Raises DownloadError (never a bare network exception)."""
    return _get(url, max_bytes=max_bytes)[0]


def content_disposition_name(header: str) -> str:
    """The file name in a Content-Disposition header (`filename*=UTF-8''…` preferred), else ""."""
    if m := re.search(r"filename\*\s*=\s*[\w-]+'[^']*'([^;]+)", header, re.I):
        return _safe_name(unquote(m[1].strip().strip('"')))
    if m := re.search(r'filename\s*=\s*"([^"]*)"', header, re.I) or re.search(
        r"filename\s*=\s*([^;]+)", header, re.I
    ):
        return _safe_name(m[1].strip())
    return ""


def _safe_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip()[:255]


def last_modified_date(header: str) -> dt.date | None:
    """The date of an HTTP `Last-Modified` header, in the site's time zone; None if unreadable."""
    try:
        moment = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return timezone.localtime(moment).date()


def fetch_list(link: ListLink, *, captured: dt.date | None = None) -> Downloaded:
    """Download one list. Raises DownloadError for a network failure or a body that is not a zip."""
    data, headers = _get(link.url, max_bytes=MAX_BYTES)
    if not data.startswith(b"PK"):
        raise DownloadError(f"{link.url} did not return a spreadsheet (got {data[:40]!r})")
    name = content_disposition_name(headers.get("content-disposition", ""))
    if not name:
        name = unquote(urlsplit(link.url).path.rstrip("/").rsplit("/", 1)[-1])
    kind = _kind_of(name) or link.kind
    return Downloaded(
        url=link.url,
        data=data,
        file_name=name,
        kind=kind,
        last_modified=last_modified_date(headers.get("last-modified", "")),
        captured=captured or timezone.localdate(),
    )


class _Links(HTMLParser):
    """Each <a href>, with the text inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = next((value for name, value in attrs if name == "href" and value), "")
            self._open, self._href = [], href
            title = next((value for name, value in attrs if name in {"title", "aria-label"} and value), "")
            if title:
                self._open.append(title)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            if self._href:
                self.links.append((self._href, " ".join(" ".join(self._open).split())))
            self._open = None


def _kind_of(text: str) -> str | None:
    m = _KIND_IN_TEXT.search(text)
    return m[1].lower() if m else None


def find_list_links(html: str, *, base_url: str) -> list[ListLink]:
    """Every list link on the ICE page, in page order, without repeats: doclib xlsx links (kind from the
    name) and file-download links (kind from the link text, or None to learn it from the columns)."""
    parser = _Links()
    parser.feed(html)
    found: dict[str, ListLink] = {}
    for href, text in parser.links:
        url = urljoin(base_url, href.strip())
        path = urlsplit(url).path
        if m := _DOCLIB.search(path):
            found.setdefault(url, ListLink(url, m[1].lower()))
        elif _FILE_DOWNLOAD.search(path):
            found.setdefault(url, ListLink(url, _kind_of(text)))
    return list(found.values())


def list_links(html: str, *, base_url: str) -> dict[str, str]:
    """{"participating": url, "pending": url}: the first link of each kind that the page names."""
    found: dict[str, str] = {}
    for link in find_list_links(html, base_url=base_url):
        if link.kind:
            found.setdefault(link.kind, link.url)
    return found


def current_lists(*, page_url: str | None = None) -> list[Downloaded]:
    """Download the lists linked from the ICE page, pending first. Raises DownloadError, after logging it
    and recording it for editors (an `IceDownloadFailure` row, listed in the admin)."""
    page_url = page_url or settings.ICE_287G_PAGE_URL
    try:
        return _current_lists(page_url)
    except DownloadError as exc:
        from agreements.models import IceDownloadFailure

        logger.error("ICE 287(g) download failed: %s", exc)
        IceDownloadFailure.objects.create(url=page_url, message=str(exc))
        raise


def _current_lists(page_url: str) -> list[Downloaded]:
    html = fetch(page_url).decode("utf-8", errors="replace")
    links = find_list_links(html, base_url=page_url)
    if not links:
        raise DownloadError(
            f"no participating or pending .xlsx link (doclib or file-download) found on {page_url}"
        )
    captured = timezone.localdate()
    lists = [fetch_list(link, captured=captured) for link in links]
    return sorted(lists, key=lambda d: d.kind != "pending")
