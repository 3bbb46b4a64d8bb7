"""`{% agency_policies agency %}` and `{% state_policies state %}`: every question with its answer and sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template

from jurisdictions.models import Agency, State
from policies.models import Policy
from policies.vocabulary import Topic

register = template.Library()


@dataclass
class TopicRow:
    topic: str
    question: str
    policies: list[Policy] = field(default_factory=list)  # the agency's own first, then its state's


def topic_rows(policies: list[Policy], topics: list[str] | None = None) -> list[TopicRow]:
    """One row per topic (all topics unless given), in the `Topic` order; topics without policy stay empty."""
    rows = {
        topic: TopicRow(topic, str(label))
        for topic, label in Topic.choices
        if topics is None or topic in topics
    }
    for policy in sorted(policies, key=lambda p: p.is_state_wide):
        if policy.topic in rows:
            rows[policy.topic].policies.append(policy)
    return list(rows.values())


@register.inclusion_tag("policies/includes/_agency_policies.html")
def agency_policies(agency: Agency) -> dict[str, object]:
    """Two queries (policies, citations with sources); `agency.state` must be loaded or costs a third."""
    policies = list(Policy.objects.for_agency(agency))
    return {"agency": agency, "state": agency.state, "rows": topic_rows(policies)}


@register.inclusion_tag("policies/includes/_state_policies.html")
def state_policies(state: State) -> dict[str, object]:
    """Two queries. Shows the state-law question always, other questions where the state has an answer."""
    policies = list(Policy.objects.for_state(state))
    topics = [Topic.STATE_LAW, *(p.topic for p in policies)]
    return {"state": state, "rows": topic_rows(policies, topics)}
