"""An organizer makes and revokes an API token on their account page; the lockout page after wrong passwords.
axe-core on both, in English and Spanish."""

import re
from collections.abc import Iterator

import pytest

from e2e.browser import Page, axe_violations, blocking, describe, expect, screenshot


@pytest.fixture
def clean_lockouts() -> Iterator[None]:
    """The live server commits django-axes' counts; clear them so that other tests can log in."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    yield
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.all().delete()


def log_in(page: Page, username: str, password: str = "pw-for-e2e-only", prefix: str = "") -> None:
    page.goto(prefix + "/requests/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")


def test_an_organizer_makes_and_revokes_a_token(page: Page, make_request, clean_lockouts) -> None:
    make_request("e2e-tokens", "Saguaro Flats Police Department")
    log_in(page, "e2e-tokens")
    expect(page).to_have_url(re.compile(r"/requests/mine/$"))
    page.get_by_role("link", name="Your account and API tokens").click()
    page.get_by_role("button", name="Make a token").click()
    token = page.locator("#new-token").inner_text()
    assert len(token) == 64
    screenshot(page, "account-new-token-en-phone")
    for prefix, language in (("", "en"), ("/es", "es")):
        page.goto(prefix + "/requests/accounts/account/")
        assert token not in page.content()  # shown once
        violations = axe_violations(page)
        assert blocking(violations) == [], f"[{language}] {describe(violations)}"
    page.goto("/requests/accounts/account/")
    page.get_by_role("button", name=re.compile(f"^Revoke {token[:15]}")).click()
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()


@pytest.mark.parametrize("language,prefix", [("en", ""), ("es", "/es")])
def test_the_lockout_page_is_readable(page: Page, make_request, clean_lockouts, language, prefix) -> None:
    make_request(f"e2e-locked-{language}", f"Ocotillo Bend Sheriff {language}")
    for _ in range(5):
        log_in(page, f"e2e-locked-{language}", password="wrong", prefix=prefix)
    expect(page.get_by_role("alert")).to_be_visible()
    screenshot(page, f"lockout-{language}-phone")
    violations = axe_violations(page)
    assert blocking(violations) == [], f"[{language}] {describe(violations)}"
