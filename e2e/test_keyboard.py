"""Keyboard only: the first Tabs reach the skip link, the search field and its button; Enter searches."""

import re

from e2e.browser import Page, expect


def _focused(page: Page) -> str:
    return str(page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)"))


def test_tab_reaches_skip_link_search_field_and_button(page: Page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # the skip link shows itself when focused

    reached = []
    for _ in range(20):  # the header's links come first
        page.keyboard.press("Tab")
        reached.append(_focused(page))
        if page.evaluate("() => document.activeElement.id") == "q":
            break
    expect(page.locator("#q"), f"20 Tabs reached only: {reached}").to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_focused()


def test_skip_link_then_one_tab_reaches_the_search_field(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.keyboard.press("Tab")

    expect(page.locator("#q")).to_be_focused()


def test_skip_link_moves_focus_to_the_main_content(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()


def test_typing_a_zip_and_pressing_enter_searches(page: Page):
    page.goto("/")
    page.locator("#q").focus()

    page.keyboard.type("89101")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Clark County, Nevada")


def test_focus_is_visible_on_the_search_button(page: Page):
    page.goto("/")
    page.locator("#q").focus()
    page.keyboard.press("Tab")

    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")

    assert outline not in ("none", "")
