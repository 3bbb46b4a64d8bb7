import pytest

from policies.models import Policy
from policies.vocabulary import Topic
from tests.jurisdictions import factories
from tests.policies.factories import make_policy

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts():
    agency = factories.agency()
    make_policy(agency=agency, published=False)
    assert not Policy.objects.published().filter(agency=agency).exists()


def test_for_agency_has_its_own_and_its_states_policies_only():
    agency, neighbour = factories.agency(), factories.agency()
    own = make_policy(agency=agency)
    state_wide = make_policy(state=agency.state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    make_policy(agency=neighbour)
    make_policy(state=factories.state("CA"), topic=Topic.STATE_LAW, answer="limits_cooperation")
    make_policy(agency=agency, topic=Topic.DATA_SHARING, answer="does_not_share", published=False)
    assert set(Policy.objects.for_agency(agency)) == {own, state_wide}


def test_for_agency_costs_two_queries_however_many_sources(django_assert_num_queries):
    agency = factories.agency()
    for topic, answer in [("detainers", "honors_all"), ("data_sharing", "does_not_share")]:
        make_policy(agency=agency, topic=topic, answer=answer, sources=3)
    # 1 policies, 1 citations joined to their sources
    with django_assert_num_queries(2):
        policies = list(Policy.objects.for_agency(agency))
        titles = [c.source.title for p in policies for c in p.citations.all()]
    assert len(titles) == 6


def test_for_state_excludes_agency_policies():
    state = factories.state("OR")
    agency = factories.agency(county_fips="41051")
    make_policy(agency=agency)
    law = make_policy(state=state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    assert list(Policy.objects.for_state(state)) == [law]
