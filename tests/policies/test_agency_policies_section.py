import re

import pytest

from jurisdictions.models import Agency
from policies.vocabulary import Topic
from tests.jurisdictions import factories
from tests.policies.factories import make_policy
from tests.policies.sections import render_agency_policies

pytestmark = pytest.mark.django_db

UNKNOWN = "<strong>Unknown</strong> — we have no source yet."


def render(agency: Agency, language: str = "en") -> str:
    html = render_agency_policies(agency, language)
    return " ".join(html.split())  # layout-insensitive: the template's line breaks are djLint's


def answer_of(html: str, topic: str) -> str:
    """The HTML of one question's article."""
    match = re.search(rf'<article id="policy-{topic}".*?</article>', html, re.S)
    assert match, topic
    return match.group(0)


def test_lvmpd_answers_every_question_or_says_unknown(lvmpd):
    html = render(lvmpd)
    answered: dict[str, str] = {
        Topic.PROGRAM_287G_STANCE: "Takes part in the 287(g) program",
        Topic.IMMIGRATION_ENFORCEMENT: "Does not enforce immigration law",
        Topic.DETAINERS: "Does not hold people past their release for ICE",
        Topic.RELEASE_NOTIFICATION: "Tells ICE in some cases",
        Topic.DATA_SHARING: "Shares criminal information with ICE",
    }
    for topic, label in Topic.choices:
        article = answer_of(html, topic)
        assert f">{label}</h3>" in article
        if topic in answered:
            assert answered[topic] in article
            assert "Last verified" in article
        elif topic == Topic.STATE_LAW:  # answered from Nevada's laws (tests/policies/test_state_law_pages.py)
            assert "State laws on the questions above are shown under each question." in article
        else:
            assert UNKNOWN in article
    assert html.count(UNKNOWN) == len(Topic.values) - len(answered) - 1


def test_sources_show_publisher_date_and_where_the_text_is(lvmpd):
    article = answer_of(render(lvmpd), Topic.PROGRAM_287G_STANCE)
    assert "<cite>287(g) Small Victory “A Step forward”</cite>" in article
    assert "Make the Road Nevada, February 2019." in article
    assert "text on file as seed:000_58e8022d89372b03.txt" in article
    assert "Sheriff Joe Lombardo has directed the jail" in article


def test_a_source_with_a_url_is_linked_and_unnamed_publishers_said_so(lvmpd):
    agency = factories.agency()
    make_policy(agency=agency)
    article = answer_of(render(agency), Topic.DETAINERS)
    assert re.search(r'<a href="https://example.org/article-\d+" rel="noopener">Article \d+</a>', article)
    assert "publisher not named" in answer_of(render(lvmpd), Topic.DETAINERS)


def test_summary_follows_the_language(lvmpd):
    html = render(lvmpd, "es")
    assert "no retrasará la salida de nadie de la cárcel" in html
    assert "will not delay anyone’s release" not in html


def test_english_summary_is_marked_when_spanish_is_missing():
    agency = factories.agency()
    make_policy(agency=agency, summary_es="")
    assert '<p lang="en">An English summary.</p>' in render(agency, "es")


def test_state_wide_policy_shows_on_every_agency_of_the_state_only():
    nv_a, nv_b = factories.agency(), factories.agency()
    ca = factories.agency(county_fips="06037")
    make_policy(state=nv_a.state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    for agency in (nv_a, nv_b):
        assert "State-wide: Nevada" in answer_of(render(agency), Topic.STATE_LAW)
    assert "State-wide: Nevada" not in answer_of(render(ca), Topic.STATE_LAW)


def test_drafts_stay_unknown():
    agency = factories.agency()
    make_policy(agency=agency, published=False)
    assert UNKNOWN in answer_of(render(agency), Topic.DETAINERS)


def test_query_budget_is_fixed(django_assert_max_num_queries):
    agency = Agency.objects.select_related("state").get(pk=factories.agency().pk)
    for topic, answer in [("detainers", "honors_all"), ("data_sharing", "does_not_share")]:
        make_policy(agency=agency, topic=topic, answer=answer, sources=3)
    make_policy(state=agency.state, topic=Topic.STATE_LAW, answer="limits_cooperation", sources=2)
    # 1 policies (agency's and state-wide), 1 citations with their sources, 1 the state's laws
    with django_assert_max_num_queries(3):
        render(agency)
