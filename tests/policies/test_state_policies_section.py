import pytest

from jurisdictions.models import State
from policies.vocabulary import Topic
from tests.jurisdictions import factories
from tests.policies.factories import make_policy
from tests.policies.sections import render_state_policies

pytestmark = pytest.mark.django_db


def render(state: State) -> str:
    return render_state_policies(state)


def test_state_law_is_unknown_without_a_source():
    html = render(factories.state("GU"))  # the research covers the 50 states and DC, not territories
    assert 'id="policy-state_law"' in html
    assert "<strong>Unknown</strong> — no state law in force is on file." in html


def test_state_policies_are_listed_and_agency_ones_are_not(django_assert_max_num_queries):
    state = factories.state("OR")
    make_policy(state=state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    make_policy(state=state, topic=Topic.DETAINERS, answer="judicial_warrant_only", sources=2)
    make_policy(
        agency=factories.agency(county_fips="41051"), topic=Topic.DATA_SHARING, answer="does_not_share"
    )
    # 1 policies, 1 citations with their sources, 1 the state's laws
    with django_assert_max_num_queries(3):
        html = render(state)
    assert "State law limits cooperation with ICE" in html
    assert "Holds people for ICE only with a judge’s warrant" in html
    assert 'id="policy-data_sharing"' not in html
