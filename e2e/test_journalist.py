"""A journalist downloads agreements as CSV, reads the API docs and fetches the schema and API CSV."""

import csv
import io
import re

from e2e.browser import Page, axe_violations, blocking, describe, expect, screenshot


def test_agreements_list_downloads_the_rows_as_csv(page: Page, make_agreement):
    make_agreement("Quail Hollow County Sheriff's Office")
    page.goto("/agreements/")
    expect(page.get_by_role("link", name="Quail Hollow County Sheriff's Office")).to_be_visible()
    screenshot(page, "agreements-list-en-phone")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("CSV")).click()
    text = download_info.value.path().read_text(encoding="utf-8")

    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2
    assert any("Quail Hollow County Sheriff's Office" in row for row in rows[1:])


def test_agreement_page_names_the_agency_and_its_source(page: Page, make_agreement):
    agreement = make_agreement("Juniper Flats Police Department")

    page.goto(agreement.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_contain_text("Juniper Flats Police Department")
    screenshot(page, "agreement-detail-en-phone")


def test_api_docs_render_from_the_site_itself(page: Page, offsite_requests: list[str]):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    page.goto("/api/docs/")

    expect(page.get_by_text("Police–ICE agreements directory API").first).to_be_visible(timeout=20_000)
    screenshot(page, "api-docs-en-phone", full_page=False)  # the whole spec is ~40,000 px long
    # Redoc's sidebar credit points its logo at cdn.redoc.ly; the site's CSP (img-src 'self' data:) refuses
    # it, so visitors' browsers never contact that host. Google Fonts are gone from the page template.
    # Any request leaving the site, or any other CSP refusal, fails.
    assert offsite_requests == []
    refused = [error for error in errors if "Content Security Policy" in error or "violates" in error]
    assert [error for error in refused if "cdn.redoc.ly" not in error] == []


def test_api_schema_describes_the_endpoints(page: Page):
    response = page.request.get("/api/schema/")

    assert response.ok
    assert response.text().startswith("openapi:")
    assert "/api/v1/agencies/" in response.text()


def test_api_serves_agencies_as_csv(page: Page, make_agency):
    make_agency("Sagebrush Township Police Department")

    response = page.request.get("/api/v1/agencies/?format=csv&state=NV")

    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text())))
    assert any("Sagebrush Township Police Department" in row for row in rows[1:])


def test_deadline_calculator_counts_the_days(page: Page):
    page.goto("/requests/deadline/")

    page.get_by_label("State").select_option("NV")
    page.get_by_label("Date the agency received the request").fill("2026-03-02")
    page.get_by_role("button", name="Calculate").click()

    expect(page).to_have_url(re.compile(r"state=NV"))
    expect(page.get_by_role("heading", level=2, name=re.compile("Nevada: due"))).to_be_visible()
    screenshot(page, "deadline-result-en-phone")


def test_api_guide_is_accessible(page: Page):
    response = page.goto("/api/v1/guide/")

    assert response is not None and response.ok
    violations = axe_violations(page)
    screenshot(page, "axe-api-guide-en-phone")
    assert blocking(violations) == [], describe(violations)
