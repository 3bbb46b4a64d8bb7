"""Finding ICE's list links (both forms, on saved copies of its page) and downloading them over real HTTP."""

import datetime as dt
from pathlib import Path

import pytest

from agreements.ice_download import (
    DownloadError,
    ListLink,
    content_disposition_name,
    current_lists,
    fetch_list,
    find_list_links,
    last_modified_date,
    list_links,
)
from tests.agreements.conftest import IceSite
from tests.agreements.sheets import row, xlsx

DATA = Path(__file__).parent / "data"
PAGE_2025 = (DATA / "ice_287g_page.html").read_text()  # doclib links, names in the URL
PAGE_2026 = (DATA / "ice_287g_page_2026.html").read_text()  # file-download links, names in the headers
BASE = "https://www.ice.gov/identify-and-arrest/287g"
XLSX = xlsx([row()])


def test_doclib_links_are_found_and_made_absolute() -> None:
    assert list_links(PAGE_2025, base_url=BASE) == {
        "participating": "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies07092025am.xlsx",
        "pending": "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies07092025am.xlsx",
    }


def test_file_download_links_are_found_with_the_kind_from_the_link_text() -> None:
    links = find_list_links(PAGE_2026, base_url=BASE)
    # the fact sheet is a file-download link too: kept, its kind unknown until its columns are read;
    # the same list linked twice is fetched once
    assert links == [
        ListLink("https://www.ice.gov/file-download/download/public/209067", "participating"),
        ListLink("https://www.ice.gov/file-download/download/public/208001", None),
    ]


def test_other_links_are_ignored() -> None:
    assert list_links('<a href="/doclib/x/participating.xlsx">x</a>', base_url="https://www.ice.gov/") == {}


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (
            'attachment; filename="287gParticipatingAgencies091526pm.xlsx"',
            "287gParticipatingAgencies091526pm.xlsx",
        ),
        ("attachment; filename=ParticipatingAgency091826am.xlsx", "ParticipatingAgency091826am.xlsx"),
        (
            "attachment; filename=\"x.xlsx\"; filename*=UTF-8''participatingAgencies04212026am%2012.15.07%20AM.xlsx",
            "participatingAgencies04212026am 12.15.07 AM.xlsx",
        ),
        ('attachment; filename="../../etc/participatingAgencies.xlsx"', "participatingAgencies.xlsx"),
        ("inline", ""),
    ],
)
def test_content_disposition_names(header: str, name: str) -> None:
    assert content_disposition_name(header) == name


def test_last_modified_is_a_local_date() -> None:
    # 16:34 UTC is 12:34 in New York, the same day; 02:00 UTC is the evening before
    assert last_modified_date("Fri, 18 Sep 2026 16:34:00 GMT") == dt.date(2026, 9, 18)
    assert last_modified_date("Sat, 19 Sep 2026 02:00:00 GMT") == dt.date(2026, 9, 18)
    assert last_modified_date("not a date") is None


def test_the_name_comes_from_content_disposition(ice_site: IceSite) -> None:
    ice_site.routes["/file-download/download/public/209067"] = (
        XLSX,
        {
            "Content-Disposition": 'attachment; filename="287gParticipatingAgencies091526pm.xlsx"',
            "Last-Modified": "Tue, 15 Sep 2026 20:00:00 GMT",
        },
    )
    found = fetch_list(ListLink(f"{ice_site.base}/file-download/download/public/209067", None))
    assert (found.file_name, found.kind, found.last_modified) == (
        "287gParticipatingAgencies091526pm.xlsx",
        "participating",
        dt.date(2026, 9, 15),
    )


def test_without_content_disposition_the_url_names_it(ice_site: IceSite) -> None:
    ice_site.routes["/file-download/download/public/209067"] = (XLSX, {})
    found = fetch_list(ListLink(f"{ice_site.base}/file-download/download/public/209067", None))
    assert (found.file_name, found.kind, found.last_modified) == ("209067", None, None)


def test_an_html_page_served_as_the_list_is_an_error(ice_site: IceSite) -> None:
    ice_site.routes["/file-download/download/public/1"] = (b"<!DOCTYPE html><p>blocked</p>", {})
    with pytest.raises(DownloadError, match="did not return a spreadsheet"):
        fetch_list(ListLink(f"{ice_site.base}/file-download/download/public/1", None))


@pytest.mark.django_db
def test_current_lists_over_http(ice_site: IceSite) -> None:
    ice_site.routes["/file-download/download/public/209067"] = (
        XLSX,
        {"Content-Disposition": 'attachment; filename="287gParticipatingAgencies091526pm.xlsx"'},
    )
    ice_site.routes["/file-download/download/public/208001"] = (
        xlsx([row("Nye County Sheriff's Office")[:5]], kind="pending"),
        {"Last-Modified": "Fri, 27 Feb 2026 15:00:00 GMT"},
    )
    page = PAGE_2026.replace("https://www.ice.gov", ice_site.base)
    ice_site.routes["/identify-and-arrest/287g"] = (page.encode(), {})
    found = current_lists()
    # page order (a known pending list would come first); the absolute and relative links to 209067: once
    assert [(d.file_name, d.last_modified) for d in found] == [
        ("287gParticipatingAgencies091526pm.xlsx", None),
        ("208001", dt.date(2026, 2, 27)),
    ]
    assert ice_site.requested.count("/file-download/download/public/209067") == 1
