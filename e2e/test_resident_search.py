"""A resident finds their county and sheriff from a ZIP code, in English, then in Spanish."""

import re

import pytest

from e2e.browser import DESKTOP, PHONE, Page, Viewport, expect, screenshot

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: v.name)


@VIEWPORTS
def test_zip_search_leads_to_the_county_then_the_agency(page: Page, viewport: Viewport, make_agency):
    make_agency("Desert Springs Police Department", county_fips="32003")

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ICE")
    screenshot(page, f"home-en-{viewport.name}")
    page.get_by_label("ZIP code, county, town or agency").fill("89101")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page).to_have_url(re.compile(r"/states/nv/clark(-county)?/\?zip=89101$"))
    expect(page.locator("#answer-heading")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clark County, Nevada")
    screenshot(page, f"county-en-{viewport.name}")
    page.get_by_role("link", name="Desert Springs Police Department").first.click()

    expect(page).to_have_url(re.compile(r"/agencies/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Desert Springs Police Department")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Clark County")
    screenshot(page, f"agency-en-{viewport.name}")


@VIEWPORTS
def test_spanish_persists_from_page_to_page(page: Page, viewport: Viewport, make_agency):
    make_agency("Mesa Verde Marshal Office", county_fips="32003")
    page.goto("/")

    page.get_by_role("link", name="Español").click()

    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("link", name="English")).to_be_visible()
    screenshot(page, f"home-es-{viewport.name}")
    page.locator("#q").fill("89101")
    page.locator("#q").press("Enter")

    expect(page).to_have_url(re.compile(r"/es/states/nv/[\w-]+/\?zip=89101$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    screenshot(page, f"county-es-{viewport.name}")
    page.get_by_role("link", name="Mesa Verde Marshal Office").first.click()

    expect(page).to_have_url(re.compile(r"/es/agencies/[\w-]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    screenshot(page, f"agency-es-{viewport.name}")


def test_switching_back_to_english_keeps_the_page(page: Page):
    page.goto("/es/states/nv/?sort=name")
    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(re.compile(r"^http://[^/]+/states/nv/\?sort=name$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_an_unknown_zip_says_nothing_matches(page: Page):
    page.goto("/")
    page.locator("#q").fill("00000")
    page.locator("#q").press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=00000$"))
    expect(page.get_by_role("alert")).to_contain_text("We know no ZIP code 00000")
    expect(page.get_by_role("searchbox")).to_have_value("00000")
    screenshot(page, "search-unknown-zip-en-phone")


def test_a_malformed_zip_is_explained(page: Page):
    page.goto("/search/?q=8910")

    expect(page.get_by_role("alert")).to_contain_text("five digits")


def test_an_unknown_address_shows_the_404_page_with_a_search_box(page: Page):
    response = page.goto("/states/atlantis/")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    expect(page.get_by_role("search")).to_be_visible()
    screenshot(page, "404-en-phone")
