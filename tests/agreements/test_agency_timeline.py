from django.template.loader import render_to_string

from agreements.sections import agency_agreements
from jurisdictions.models import Agency


def render(agency: Agency) -> str:
    return render_to_string(
        "agreements/includes/_agency_timeline.html", {"agency": agency, **agency_agreements(agency)}
    )


def test_timeline_shows_renewal_and_moa(two_lists, django_assert_num_queries) -> None:
    agency = Agency.objects.select_related("state").get(
        name="Clark County Sheriff's Office", state__postal="NV"
    )
    with django_assert_num_queries(1):  # the agency's agreements with their renewals
        html = render(agency)
    assert "Renewed: a new agreement signed" in html
    assert "ClarkCoNV_TFM_MOA.pdf" in html
    assert "1 active agreement" in html


def test_timeline_shows_missing(two_lists) -> None:
    agency = Agency.objects.select_related("state").get(
        name="Elko County Sheriff's Office", state__postal="NV"
    )
    assert "Missing from ICE’s latest list" in render(agency)


def test_agency_never_listed(db) -> None:
    from tests.jurisdictions.factories import agency

    assert "is on none of the ICE 287(g) lists we hold" not in render(agency())  # no list imported yet
    assert "We hold no ICE 287(g) list yet" in render(agency())


def test_agency_page_includes_the_timeline(client, two_lists) -> None:
    agency = Agency.objects.get(name="Nye County Sheriff's Office", state__postal="NV")
    body = client.get(agency.get_absolute_url()).content.decode()
    assert "On ICE’s pending list from" in body


def test_agency_on_no_list_gets_the_period_the_lists_cover(two_lists) -> None:
    from tests.jurisdictions.factories import agency

    html = render(agency("Never Listed Police Department"))
    assert "is on none of the ICE 287(g) lists we hold" in html
    assert "May 15, 2025 to May 23, 2025" in html
