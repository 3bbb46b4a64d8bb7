import pytest
from django.contrib.auth import get_user_model

from policies.models import Policy, PolicyRevision
from tests.jurisdictions import factories
from tests.policies.factories import make_policy

pytestmark = pytest.mark.django_db


def test_creation_records_every_field():
    policy = make_policy(agency=factories.agency(), sources=0)
    revision = policy.revisions.get()
    assert revision.action == PolicyRevision.Action.CREATED
    assert revision.changes["answer"] == [None, "honors_all"]
    assert revision.changes["status"] == [None, "published"]


def test_a_change_records_only_the_changed_fields_and_who():
    editor = get_user_model().objects.create_user("editor")
    policy = make_policy(agency=factories.agency(), sources=0)
    policy = Policy.objects.get(pk=policy.pk)
    policy.answer = "does_not_honor"
    policy.updated_by = editor
    policy.save()
    revision = policy.revisions.first()
    assert revision is not None
    assert (revision.action, revision.user) == (PolicyRevision.Action.CHANGED, editor)
    assert revision.changes == {"answer": ["honors_all", "does_not_honor"]}


def test_saving_without_change_records_nothing():
    policy = make_policy(agency=factories.agency(), sources=0)
    Policy.objects.get(pk=policy.pk).save()
    assert policy.revisions.count() == 1


def test_deletion_keeps_the_history():
    policy = make_policy(agency=factories.agency(), sources=0)
    pk = policy.pk
    policy.delete()
    history = PolicyRevision.objects.filter(policy_pk=pk)
    assert [r.action for r in history] == ["deleted", "created"]
    assert all(r.policy is None for r in history)


def test_revisions_are_append_only():
    revision = make_policy(agency=factories.agency(), sources=0).revisions.get()
    with pytest.raises(RuntimeError):
        revision.save()
    with pytest.raises(RuntimeError):
        revision.delete()
