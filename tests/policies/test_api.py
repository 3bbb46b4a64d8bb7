from typing import Any

import pytest

from policies.vocabulary import Topic
from tests.jurisdictions import factories
from tests.policies.factories import make_policy

pytestmark = pytest.mark.django_db

URL = "/api/v1/policies/"


def ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.data["results"]}


def test_lists_only_published_policies_with_nested_sources(api):
    agency = factories.agency()
    published = make_policy(agency=agency, sources=2)
    make_policy(agency=agency, topic=Topic.DATA_SHARING, answer="does_not_share", published=False)
    response = api.get(URL, {"agency": agency.pk})
    assert ids(response) == {published.pk}
    row = response.data["results"][0]
    assert row["level"] == "agency"
    assert row["agency"]["id"] == agency.pk
    assert row["state"] is None
    assert row["question"] == "Does the jail honor ICE detainer requests?"
    assert row["answer_label"] == "Holds people for ICE whenever asked"
    assert len(row["citations"]) == 2
    assert set(row["citations"][0]["source"]) >= {
        "title",
        "publisher",
        "url",
        "reference",
        "published_display",
    }


def test_draft_detail_is_404(api):
    draft = make_policy(agency=factories.agency(), published=False)
    assert api.get(f"{URL}{draft.pk}/").status_code == 404


def test_seed_detail_shows_its_seed_reference(api, lvmpd):
    response = api.get(URL, {"agency": lvmpd.pk, "topic": "detainers"})
    (row,) = response.data["results"]
    source = row["citations"][0]["source"]
    assert (source["url"], source["reference"]) == ("", "seed:001_3ae18bd690f84194.txt")
    assert (source["published_precision"], source["published_display"]) == ("year", "2025")
    assert row["html_url"].endswith(f"/agencies/{lvmpd.slug}/#policy-detainers")


def test_state_filter_covers_state_wide_and_agency_policies(api):
    state = factories.state("OR")
    law = make_policy(state=state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    agency_policy = make_policy(agency=factories.agency(county_fips="41051"))
    make_policy(agency=factories.agency(county_fips="06037"))
    assert ids(api.get(URL, {"state": "or"})) == {law.pk, agency_policy.pk}
    assert ids(api.get(URL, {"state": "OR", "level": "state"})) == {law.pk}
    assert ids(api.get(URL, {"state": "OR", "level": "agency"})) == {agency_policy.pk}


def test_topic_and_answer_filters(api):
    agency = factories.agency(county_fips="41051")
    honors = make_policy(agency=agency)
    shares = make_policy(agency=agency, topic=Topic.DATA_SHARING, answer="does_not_share")
    assert ids(api.get(URL, {"state": "OR", "topic": "data_sharing"})) == {shares.pk}
    assert ids(api.get(URL, {"state": "OR", "answer": "honors_all"})) == {honors.pk}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"topic": "weather"}, "topic"),
        ({"answer": "maybe"}, "answer"),
        ({"state": "N1"}, "state"),
        ({"agency": "x"}, "agency"),
        ({"agency": "99999999999999999999"}, "agency"),
        ({"agency": "1.5"}, "agency"),
        ({"level": "county"}, "level"),
    ],
)
def test_bad_filter_values_are_400(api, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert field in response.data


def test_list_query_budget_does_not_grow_with_rows(api, django_assert_max_num_queries):
    for _n in range(30):
        make_policy(agency=factories.agency(county_fips="41051"), sources=2)
    make_policy(state=factories.state("OR"), topic=Topic.STATE_LAW, answer="limits_cooperation")
    # 1 count, 1 policies with agency, agency state and state joined, 1 citations with sources
    with django_assert_max_num_queries(3):
        response = api.get(URL, {"state": "OR", "page_size": 100})
    assert response.data["count"] == 31


def test_csv_download(api):
    make_policy(agency=factories.agency(county_fips="41051"))
    response = api.get(URL, {"state": "OR", "format": "csv"})
    assert response.status_code == 200
    header = b"".join(response.streaming_content).decode().splitlines()[0]
    assert "topic" in header and "answer" in header and "agency.name" in header
