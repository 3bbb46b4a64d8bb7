import datetime as dt

from django.utils import timezone

from alerts.events import alerts_for_policies
from alerts.models import AlertKind, Event
from policies.models import Policy, PolicyStatus
from tests.jurisdictions import factories


def soon() -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=1)


def policy(
    agency=None, *, state=None, published: bool = True, topic: str = "detainers", answer: str = "honors_all"
) -> Policy:
    return Policy.objects.create(
        agency=agency,
        state=state,
        topic=topic,
        answer=answer,
        summary_en="Honors every detainer.",
        summary_es="Cumple todas las solicitudes.",
        status=PolicyStatus.PUBLISHED if published else PolicyStatus.DRAFT,
    )


def test_published_policy(agency):
    p = policy(agency)
    assert alerts_for_policies(until=soon()) == 1
    found = Event.objects.get()
    assert (found.kind, found.policy, found.agency, found.county_id, found.subject) == (
        AlertKind.POLICY_PUBLISHED,
        p,
        agency,
        agency.county_id,
        agency.name,
    )
    assert found.details["topic"] == "detainers"
    assert found.get_absolute_url() == agency.get_absolute_url() + "#policy-detainers"


def test_scanning_twice_records_once(agency):
    policy(agency)
    alerts_for_policies(until=soon())
    assert alerts_for_policies(until=soon()) == 0


def test_draft_is_not_news_until_published(agency):
    p = policy(agency, published=False)
    assert alerts_for_policies(until=soon()) == 0
    p.status = PolicyStatus.PUBLISHED
    p.save()
    assert alerts_for_policies(until=soon()) == 1
    assert Event.objects.get().kind == AlertKind.POLICY_PUBLISHED


def test_changed_answer(agency):
    p = policy(agency)
    alerts_for_policies(until=soon())
    p.summary_en = "Honors detainers only with a judicial warrant."
    p.save()
    assert alerts_for_policies(until=soon()) == 1
    changed = Event.objects.get(kind=AlertKind.POLICY_CHANGED)
    assert changed.details["summary_en"] == "Honors detainers only with a judicial warrant."


def test_rechecking_the_sources_is_not_news(agency):
    p = policy(agency)
    alerts_for_policies(until=soon())
    p.last_verified = dt.date(2030, 1, 1)
    p.save()
    assert alerts_for_policies(until=soon()) == 0


def test_unpublished_before_the_scan_is_not_sent(agency):
    p = policy(agency)
    p.status = PolicyStatus.DRAFT
    p.save()
    assert alerts_for_policies(until=soon()) == 0


def test_recent_revisions_wait_for_the_next_scan(agency):
    policy(agency)
    assert alerts_for_policies(until=timezone.now() - dt.timedelta(minutes=5)) == 0
    assert alerts_for_policies(until=soon()) == 1


def test_state_wide_policy(nevada):
    policy(state=nevada, topic="state_law", answer="limits_cooperation")
    alerts_for_policies(until=soon())
    found = Event.objects.get()
    assert (found.state, found.agency, found.county, found.statewide) == (nevada, None, None, True)
    assert found.get_absolute_url() == nevada.get_absolute_url() + "#policy-state_law"


def test_query_count_does_not_grow_with_policies(django_assert_max_num_queries):
    for n in range(10):
        policy(factories.agency(f"Policy Agency {n}"))
    # savepoint, checkpoint get-or-create (1-2), revisions (1), policies with places (1), known keys (1),
    # insert (1), checkpoint update (1), release
    with django_assert_max_num_queries(9):
        assert alerts_for_policies(until=soon()) == 10
