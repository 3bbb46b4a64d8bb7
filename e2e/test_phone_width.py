"""Phone first (issue 19): no public page scrolls sideways at 390 px, in English and Spanish, and each is
axe clean; tables stack with the status first; the letter wraps.

Run alone: `pytest e2e/test_phone_width.py` (marked `browser` by the root conftest).
"""

import pytest

from e2e.browser import PHONE, Page, axe_violations, blocking, describe, screenshot

# (name, path without the language prefix); "{…}" is made by the test.
PAGES = [
    ("home", "/"),
    ("state", "/states/nv/"),
    ("county", "/states/nv/clark-county/"),
    ("zip", "/states/ca/san-francisco-county/?zip=94110"),
    ("agency", "{agency}"),
    ("search", "/search/?q=sheriff"),
    ("search-state", "/search/?q=harris+county%2C+tx"),
    ("explainer-287g", "/learn/287g/"),
    ("explainer-jem", "/learn/jail-enforcement-model/"),
    ("explainer-detainers", "/learn/detainers/"),
    ("glossary", "/learn/glossary/"),
    ("methodology", "/learn/methodology/"),
    ("agreements", "/agreements/"),
    ("agreement", "{agreement}"),
    ("state-laws", "/state-laws/"),
    ("data", "/data/"),
    ("requests", "/requests/"),
    ("request", "{request}"),
    ("deadline", "/requests/deadline/?state=NV"),
    ("deadline-result", "/requests/deadline/?state=NV&received=2026-03-02"),
    ("signup", "/requests/accounts/signup/"),
]
LANGUAGES = [("en", ""), ("es", "/es")]


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE.width, f"{page.url} is {width} px wide"


@pytest.mark.parametrize("language,prefix", LANGUAGES, ids=[code for code, _ in LANGUAGES])
@pytest.mark.parametrize("name,path", PAGES, ids=[name for name, _ in PAGES])
def test_no_public_page_scrolls_sideways_on_a_phone(
    page: Page, make_agency, make_agreement, make_request, name: str, path: str, language: str, prefix: str
):
    if path == "{agency}":
        path = make_agency("Phone Width County Sheriff's Office").get_absolute_url()
    elif path == "{agreement}":
        path = make_agreement("Phone Width Township Police Department").get_absolute_url()
    elif path == "{request}":
        path = make_request(f"e2e-phone-{language}", "Phone Width Police Department").get_absolute_url()
    path = path.removeprefix("/es")
    response = page.goto(prefix + path)
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    _no_sideways_scroll(page)
    screenshot(page, f"width-{name}-{language}-phone")
    violations = axe_violations(page)
    assert blocking(violations) == [], describe(violations)


def test_a_stacked_table_puts_the_status_first(page: Page):
    page.goto("/states/nv/clark-county/")
    row = page.locator("table.stack tbody tr").first
    status = row.locator(".status-cell")
    name = row.locator("th")
    assert status.bounding_box()["y"] < name.bounding_box()["y"]  # type: ignore[index]
    _no_sideways_scroll(page)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_organizers_letter_wraps_on_a_phone(page: Page, make_request, language: str):
    records_request = make_request(
        f"e2e-letter-{language}",
        "Letter Width County Sheriff's Office",
        letter="A very long line " + "x" * 400 + " https://example.org/" + "a" * 200,
    )
    page.goto("/requests/accounts/login/")
    page.get_by_label("Username").fill(f"e2e-letter-{language}")
    page.get_by_label("Password").fill("pw-for-e2e-only")
    page.get_by_label("Password").press("Enter")
    prefix = "/es" if language == "es" else ""
    path = records_request.get_absolute_url().removeprefix("/es")
    page.goto(prefix + path)
    _no_sideways_scroll(page)
    letters = page.locator("ul.letters a")
    if letters.count():
        href = letters.first.get_attribute("href")
        assert href
        page.goto(href)
        _no_sideways_scroll(page)
        violations = axe_violations(page)
        assert blocking(violations) == [], describe(violations)
    screenshot(page, f"letter-{language}-phone")


def test_a_resident_with_a_spanish_browser_gets_the_answer_in_spanish(browser, site_url):
    context = browser.new_context(
        base_url=site_url,
        viewport={"width": PHONE.width, "height": PHONE.height},
        is_mobile=True,
        locale="es-MX",
    )
    page = context.new_page()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("searchbox").fill("94110")
    page.get_by_role("searchbox").press("Enter")
    assert "94110" in page.locator("#answer-heading").locator("xpath=..").inner_text()
    _no_sideways_scroll(page)
    violations = axe_violations(page)
    assert blocking(violations) == [], describe(violations)
    context.close()
