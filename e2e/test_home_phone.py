"""The home page on a phone (390×844): the state map works by touch, nothing scrolls sideways, and the
table of states says everything the map does."""

import re

from e2e.browser import Page, axe_violations, blocking, describe, expect, screenshot


def test_tapping_a_state_on_the_map_opens_its_page(page: Page, make_agreement) -> None:
    make_agreement("Clark County Test Sheriff", model="JEM")  # in Nevada: Texas stays uncoloured
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"
    texas = page.locator('.state-map-svg a[data-state="TX"]')
    expect(texas).to_have_count(1)
    texas.scroll_into_view_if_needed()  # the answers come first: the map is below them on a phone
    box = texas.bounding_box()
    assert box is not None and box["width"] > 44 and box["height"] > 44, box  # a big enough target
    screenshot(page, "home-phone-map", full_page=False)
    # Tap the middle of the shape (inside Texas), as a finger would.
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/states/tx/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Texas")


def test_the_table_of_states_gives_every_fact_of_the_map(page: Page, make_agreement) -> None:
    make_agreement("Silver State Test Sheriff", model="TFM")  # Clark County, Nevada
    page.goto("/")
    table = page.get_by_role("table", name=re.compile("by state"))
    expect(table).to_be_visible()
    nevada = table.get_by_role("row").filter(has=page.get_by_role("link", name="Nevada", exact=True))
    expect(nevada).to_contain_text("1")
    # The map's name for Nevada carries the same count (its <title>: tooltip and accessible name).
    expect(page.locator('.state-map-svg a[data-state="NV"] title')).to_contain_text("1 agreements in force")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"


def test_home_on_a_phone_has_no_serious_accessibility_violation(page: Page) -> None:
    page.goto("/")
    violations = axe_violations(page)
    assert not blocking(violations), describe(violations)
