from django.template import RequestContext, Template
from django.test import RequestFactory

from jurisdictions.models import Agency, County


def render(obj) -> str:
    request = RequestFactory().get("/")
    template = Template("{% load alerts_tags %}{% subscribe_form obj %}")
    return " ".join(template.render(RequestContext(request, {"obj": obj})).split())  # layout-insensitive


def test_agency_form_posts_to_its_subscribe_page(agency, django_assert_num_queries):
    agency = Agency.objects.select_related("state").get(pk=agency.pk)
    with django_assert_num_queries(0):
        html = render(agency)
    assert f'action="/alerts/subscribe/agency/{agency.slug}/"' in html
    assert '<label for="alerts-email">' in html
    assert 'id="alerts-email" name="email" required' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'href="/alerts/feeds/agency/{agency.slug}/"' in html


def test_county_and_state(county, nevada, django_assert_num_queries):
    county = County.objects.select_related("state").get(pk=county.pk)
    with django_assert_num_queries(0):
        html = render(county) + render(nevada)
    assert 'action="/alerts/subscribe/county/nv/clark-county/"' in html
    assert 'action="/alerts/subscribe/state/nv/"' in html
    assert "Clark County, Nevada" in html


def test_feed_link_for_the_head(nevada):
    html = Template("{% load alerts_tags %}{% alerts_feed_link obj %}").render(
        RequestContext(RequestFactory().get("/"), {"obj": nevada})
    )
    flat = " ".join(html.split())
    assert '<link rel="alternate" type="application/atom+xml" href="/alerts/feeds/state/nv/"' in flat
