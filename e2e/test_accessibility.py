"""axe-core on every public page, in English and Spanish: no serious or critical violation.

Minor and moderate findings do not fail a test; they are listed in the failure message when something
else fails, and a full report is printed by `-s`.
"""

import pytest

from e2e.browser import Page, axe_violations, blocking, describe, screenshot

# (name, path without the language prefix, expected HTTP status)
PAGES = [
    ("home", "/", 200),
    ("search-results", "/search/?q=clark", 200),
    ("search-unknown-zip", "/search/?q=00000", 400),
    ("search-error", "/search/?q=8910", 400),
    ("state", "/states/nv/", 200),
    ("county", "/states/nv/clark-county/", 200),
    ("agency", "{agency}", 200),
    ("not-found", "/states/atlantis/", 404),
    ("deadline-calculator", "/requests/deadline/", 200),
    ("deadline-result", "/requests/deadline/?state=NV&received=2026-03-02", 200),
    ("deadline-invalid", "/requests/deadline/?state=&received=yesterday", 400),
    ("agreements", "/agreements/", 200),
    ("agreement", "{agreement}", 200),
    ("agreement-changes", "/agreements/changes/", 200),
    ("requests", "/requests/", 200),
    ("signup", "/requests/accounts/signup/", 200),
    ("login", "/requests/accounts/login/", 200),
    ("documents", "/documents/", 200),
    ("data", "/data/", 200),
    ("state-laws", "/state-laws/", 200),
    ("state-laws-detainers", "/state-laws/?view=detainers", 200),
    ("alerts-subscribe", "/alerts/subscribe/county/nv/clark-county/", 200),
]
# Pages that may answer 404 while being built (skipped then); every page is routed now.
ROUTED_LATER: set[str] = set()
LANGUAGES = [("en", ""), ("es", "/es")]

# Known failures in templates these tests do not own, reported with their fix. Not strict: the owners are
# fixing them now; an XPASS in the summary means the entry can go.
SCROLL_REGION = (
    "scrollable-region-focusable (serious): on a phone the empty list's .table-scroll overflows and holds "
    "nothing focusable, so keyboard users cannot scroll it; fix: tabindex=0 role=region and a label on it"
)
KNOWN: dict[str, str] = {}  # fixed: every .table-scroll is a focusable, labelled region


def _cases() -> list[object]:
    return [
        pytest.param(
            name,
            path,
            status,
            id=name,
            marks=[pytest.mark.xfail(strict=False, reason=KNOWN[name])] if name in KNOWN else [],
        )
        for name, path, status in PAGES
    ]


@pytest.mark.parametrize("language,prefix", LANGUAGES, ids=[code for code, _ in LANGUAGES])
@pytest.mark.parametrize("name,path,status", _cases())
def test_page_has_no_serious_accessibility_violation(
    page: Page, make_agency, make_agreement, name: str, path: str, status: int, language: str, prefix: str
):
    if path == "{agency}":
        path = make_agency("Axe County Sheriff's Office").get_absolute_url()
    elif path == "{agreement}":
        path = make_agreement("Axe Township Police Department").get_absolute_url()
    path = path.removeprefix("/es")  # reversed in whatever language is active here

    response = page.goto(prefix + path)
    if name in ROUTED_LATER and response is not None and response.status == 404:
        pytest.skip(f"{path} is not in config/urls.py yet")

    assert response is not None and response.status == status
    assert page.locator("html").get_attribute("lang") == language
    violations = axe_violations(page)
    screenshot(page, f"axe-{name}-{language}-phone")
    print(f"\n{name} [{language}]:\n{describe(violations) or '    no violations'}")
    assert blocking(violations) == [], describe(violations)


def test_axe_reports_what_it_should(page: Page):
    # The check above can fail: an unlabelled field and an image without text are caught here.
    page.set_content('<html lang="en"><body><main><input type="text"><img src="x.png"></main></body></html>')

    found = {violation["id"]: violation["impact"] for violation in axe_violations(page)}

    assert found["label"] == "critical"
    assert found["image-alt"] == "critical"
