"""Issue 19's organizer journey, on a phone and a desktop, in English and Spanish: from an agency's page,
"Ask this agency for its records" → log in → the request form for that same agency; the deadline
calculator link answers with the state filled in. Axe clean at each step."""

import pytest

from e2e.browser import DESKTOP, PHONE, Page, axe_violations, blocking, describe, expect, screenshot


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("prefix", ["", "/es"], ids=["en", "es"])
def test_asking_an_agency_for_its_records_keeps_the_agency_through_login(
    page: Page, make_agency, make_request, viewport, prefix: str
):
    make_request(f"e2e-journey{prefix.strip('/')}-{viewport.name}", "Journey Other Police Department")
    agency = make_agency(f"Journey {viewport.name} {prefix.strip('/') or 'en'} Sheriff's Office")
    page.goto(prefix + agency.get_absolute_url().removeprefix("/es"))
    assert blocking(axe_violations(page)) == []

    calculator = page.locator('a[href*="/requests/deadline/?state="]').first
    calculator.click()
    expect(page.locator('select[name="state"]')).to_have_value(agency.state.postal)
    assert blocking(axe_violations(page)) == []
    page.go_back()

    page.locator(f'a[href$="/requests/new/?agency={agency.pk}"]').first.click()

    assert "next=" in page.url
    page.locator('input[name="username"]').fill(f"e2e-journey{prefix.strip('/')}-{viewport.name}")
    page.locator('input[name="password"]').fill("pw-for-e2e-only")
    page.locator('input[name="password"]').press("Enter")
    expect(page.locator("h1")).to_be_visible()
    assert f"agency={agency.pk}" in page.url
    assert agency.name in page.content()
    violations = axe_violations(page)
    screenshot(page, f"journey-request-form-{prefix.strip('/') or 'en'}-{viewport.name}")
    assert blocking(violations) == [], describe(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport.width
