"""An organizer logs in, finds their request on the dashboard and opens it; a visitor reads it too."""

import re

from e2e.browser import Page, axe_violations, blocking, describe, expect, screenshot


def test_organizer_logs_in_and_opens_their_request(page: Page, make_request):
    make_request("e2e-organizer", "Pinyon Ridge Sheriff's Office", title="Pinyon Ridge 287(g) emails")
    page.goto("/requests/accounts/login/")

    page.get_by_label("Username").fill("e2e-organizer")
    page.get_by_label("Password").fill("pw-for-e2e-only")
    page.get_by_label("Password").press("Enter")

    expect(page).to_have_url(re.compile(r"/requests/mine/$"))
    screenshot(page, "dashboard-en-phone")
    page.get_by_role("link", name="Pinyon Ridge 287(g) emails").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pinyon Ridge 287(g) emails")
    screenshot(page, "request-detail-owner-en-phone")


def test_wrong_password_keeps_the_organizer_on_the_login_page(page: Page, make_request):
    make_request("e2e-forgetful", "Cholla Wash Police Department")
    page.goto("/requests/accounts/login/")

    page.get_by_label("Username").fill("e2e-forgetful")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_label("Password").press("Enter")

    expect(page).to_have_url(re.compile(r"/requests/accounts/login/$"))
    expect(page.get_by_label("Username")).to_have_value("e2e-forgetful")


def test_a_visitor_reads_a_public_request_in_both_languages(page: Page, make_request):
    records_request = make_request("e2e-public", "Ironwood Police Department", title="Ironwood jail contract")
    path = records_request.get_absolute_url().removeprefix("/es")

    for prefix, language in (("", "en"), ("/es", "es")):
        page.goto(prefix + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Ironwood jail contract")
        violations = axe_violations(page)
        screenshot(page, f"axe-request-detail-{language}-phone")
        assert blocking(violations) == [], f"[{language}] {describe(violations)}"
