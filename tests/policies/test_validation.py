import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies.models import Policy, PolicyStatus
from policies.vocabulary import ANSWERS, Topic, answers_for
from tests.jurisdictions import factories
from tests.policies.factories import make_policy

pytestmark = pytest.mark.django_db


def _policy(**fields: object) -> Policy:
    values: dict[str, object] = {"topic": "detainers", "answer": "honors_all", "summary_en": "Summary."}
    values.update(fields)
    return Policy(**values)


def test_every_topic_has_a_vocabulary_with_unknown():
    assert set(ANSWERS) == set(Topic.values)
    assert all("unknown" in answers_for(topic) for topic in Topic.values)


def test_published_policy_without_source_is_rejected():
    policy = _policy(agency=factories.agency(), status=PolicyStatus.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "status" in error.value.message_dict


def test_saved_published_policy_without_citations_is_rejected():
    policy = make_policy(agency=factories.agency(), sources=0)
    with pytest.raises(ValidationError, match="at least one source"):
        policy.full_clean()


def test_published_policy_with_a_source_is_valid():
    make_policy(agency=factories.agency(), sources=1).full_clean()


def test_draft_without_source_is_valid():
    _policy(agency=factories.agency(), status=PolicyStatus.DRAFT).full_clean()


def test_answer_outside_the_topics_vocabulary_is_rejected():
    # "notifies_all" is a release-notification answer, not a detainer one.
    policy = _policy(agency=factories.agency(), answer="notifies_all")
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "answer" in error.value.message_dict


def test_database_refuses_an_answer_outside_the_vocabulary():
    policy = make_policy(agency=factories.agency())
    with pytest.raises(IntegrityError), transaction.atomic():
        Policy.objects.filter(pk=policy.pk).update(answer="notifies_all")


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_agency_xor_state_in_clean(both):
    policy = _policy(agency=factories.agency() if both else None, state=factories.state() if both else None)
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "agency" in error.value.message_dict


def test_database_refuses_agency_and_state_together():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_policy(agency=factories.agency(), state=factories.state(), sources=0)


def test_one_published_policy_per_agency_and_topic():
    agency = factories.agency()
    make_policy(agency=agency)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_policy(agency=agency, answer="does_not_honor", sources=0)


def test_second_published_policy_is_reported_by_full_clean():
    agency = factories.agency()
    make_policy(agency=agency)
    second = make_policy(agency=agency, published=False)
    second.status = PolicyStatus.PUBLISHED
    with pytest.raises(ValidationError, match="already has a published answer"):
        second.full_clean()


def test_drafts_may_sit_beside_the_published_policy():
    agency = factories.agency()
    make_policy(agency=agency)
    make_policy(agency=agency, answer="does_not_honor", published=False)
    assert Policy.objects.filter(agency=agency).count() == 2


def test_one_published_policy_per_state_and_topic():
    state = factories.state("OR")
    make_policy(state=state, topic=Topic.STATE_LAW, answer="limits_cooperation")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_policy(state=state, topic=Topic.STATE_LAW, answer="no_state_law", sources=0)
