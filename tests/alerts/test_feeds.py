import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from alerts.feeds import FEED_LENGTH
from alerts.models import AlertKind
from tests.alerts.factories import event
from tests.jurisdictions import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    return root.findall(f"{ATOM}entry")


def titles(response) -> list[str]:
    return [e.findtext(f"{ATOM}title") or "" for e in entries(response)]


def test_agency_feed_is_atom_with_its_events(client, agency):
    event(agency, key="a1")
    event(agency, key="a2", kind=AlertKind.AGREEMENT_ENDED)
    event(factories.agency(county_fips="32031"), key="other")
    found = entries(client.get(reverse("alerts:feed_agency", kwargs={"slug": agency.slug})))
    assert [e.findtext(f"{ATOM}title") for e in found] == [
        "Alerts Test Sheriff's Office: 287(g) agreement ended (TFM)",
        "Alerts Test Sheriff's Office: new 287(g) agreement (TFM)",
    ]
    first = found[0]
    assert first.findtext(f"{ATOM}id") == "tag:directory.example,2025:alerts/a2"
    link = first.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == f"http://testserver{agency.get_absolute_url()}"
    assert first.findtext(f"{ATOM}updated")
    assert "Signed" in (first.findtext(f"{ATOM}summary") or "")


def test_county_feed_has_its_agencies_and_state_wide_news(client, agency, county, nevada):
    event(agency)
    event(state=nevada, kind=AlertKind.POLICY_PUBLISHED)
    event(factories.agency(county_fips="32031"))  # Washoe County
    url = reverse("alerts:feed_county", kwargs={"state": "nv", "county": county.slug})
    assert sorted(titles(client.get(url))) == [
        "Alerts Test Sheriff's Office: new 287(g) agreement (TFM)",
        "Nevada: new answer to “Does the jail honor ICE detainer requests?”: Holds people for ICE whenever asked",
    ]


def test_state_feed_has_every_event_in_the_state(client, agency, nevada):
    event(agency)
    event(factories.agency(county_fips="32031"))
    event(factories.agency(county_fips="06037"))  # Los Angeles, CA
    assert len(titles(client.get(reverse("alerts:feed_state", kwargs={"state": "nv"})))) == 2


def test_feed_is_bounded_with_a_fixed_query_count(client, agency, django_assert_max_num_queries):
    for _n in range(FEED_LENGTH + 5):
        event(agency)
    # the agency with its state (1), the latest events with agency and state joined (1)
    with django_assert_max_num_queries(2):
        response = client.get(reverse("alerts:feed_agency", kwargs={"slug": agency.slug}))
    assert len(entries(response)) == FEED_LENGTH


def test_spanish_feed_links_to_spanish_pages(client, agency):
    event(agency)
    page = f"http://testserver/es/agencies/{agency.slug}/"
    response = client.get(f"/es/alerts/feeds/agency/{agency.slug}/")
    link = entries(response)[0].find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == page


def test_summary_is_plain_text_escaped_for_html(client, nevada):
    details = {"topic": "detainers", "answer": "honors_all", "summary_en": "Holds <b>all</b> & more"}
    event(state=nevada, kind=AlertKind.POLICY_CHANGED, details=details)
    entry = entries(client.get(reverse("alerts:feed_state", kwargs={"state": "nv"})))[0]
    assert entry.findtext(f"{ATOM}summary") == "Holds &lt;b&gt;all&lt;/b&gt; &amp; more"


def test_empty_feed_is_valid(client, nevada):
    assert entries(client.get(reverse("alerts:feed_state", kwargs={"state": "nv"}))) == []


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("alerts:feed_agency", {"slug": "no-such-agency"}),
        ("alerts:feed_county", {"state": "nv", "county": "no-such-county"}),
        ("alerts:feed_state", {"state": "zz"}),
    ],
)
def test_unknown_place_is_404(client, name, kwargs):
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404
