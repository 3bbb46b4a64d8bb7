from django.template import Context, Template

from jurisdictions.models import Agency

TEMPLATE = Template('{% include "agreements/includes/_agency_agreements.html" %}')


def render(agency: Agency) -> str:
    return TEMPLATE.render(Context({"agency": agency}))


def test_timeline_shows_renewal_and_moa(two_lists, django_assert_num_queries) -> None:
    agency = Agency.objects.select_related("state").get(name="Clark County Sheriff's Office")
    with django_assert_num_queries(1):  # the agency's agreements with their renewals
        html = render(agency)
    assert "Renewed: a new agreement signed" in html
    assert "ClarkCoNV_TFM_MOA.pdf" in html
    assert "1 active agreement" in html


def test_timeline_shows_missing(two_lists) -> None:
    agency = Agency.objects.select_related("state").get(name="Elko County Sheriff's Office")
    assert "Missing from ICE’s latest list" in render(agency)


def test_agency_never_listed(db) -> None:
    from tests.factories import agency

    assert "has not appeared" in render(agency())


def test_agency_page_includes_the_timeline(client, two_lists) -> None:
    agency = Agency.objects.get(name="Nye County Sheriff's Office")
    body = client.get(agency.get_absolute_url()).content.decode()
    assert "On ICE’s pending list from" in body
