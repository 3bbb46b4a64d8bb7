"""What the e2e tests share: the Chromium they drive, viewports, screenshots and axe-core.

Playwright is imported only where it is installed; conftest skips every e2e test otherwise, so the names
below are never used then.
"""

import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Debian's package; E2E_CHROMIUM points elsewhere (e.g. /usr/bin/chromium-browser on Ubuntu).
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


HAS_PLAYWRIGHT = _importable("playwright.sync_api")
HAS_AXE = _importable("axe_playwright_python.sync_playwright")

if TYPE_CHECKING or HAS_PLAYWRIGHT:
    from playwright.sync_api import Browser, BrowserContext, Page, expect
else:  # pragma: no cover - every test is skipped then
    Browser = BrowserContext = Page = expect = None


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    is_mobile: bool


PHONE = Viewport("phone", 390, 844, is_mobile=True)
DESKTOP = Viewport("desktop", 1280, 800, is_mobile=False)

# axe impacts that fail a test; "minor" and "moderate" are printed by the report but tolerated.
BLOCKING_IMPACTS = {"serious", "critical"}


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not HAS_PLAYWRIGHT:
        return "Playwright is not installed (pip install playwright; browsers come from apt, not playwright install)"
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
    if not HAS_AXE:
        return "axe-playwright-python is not installed (pip install axe-playwright-python)"
    return None


def screenshot(page: "Page", name: str, *, full_page: bool = True) -> Path:
    """Save the page under e2e/artifacts/ (the whole length unless full_page is False)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-')}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_violations(page: "Page") -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA and best practices) in the page; returns its violations. ~0.5 s a page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return list(results.response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
