"""The policy sections of agency and state pages: every question with its answer and sources, and the
state laws that bear on it. Called by the pages' views (`pages`), which render
`policies/includes/_agency_policies.html` and `_state_policies.html` with what these return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from jurisdictions.models import Agency, State
from policies.models import Policy, StateLaw
from policies.state_law_answers import binds_agency_kind, conflicts_with, question_for, state_postures
from policies.vocabulary import Topic


@dataclass
class TopicRow:
    topic: str
    question: str
    policies: list[Policy] = field(default_factory=list)  # the agency's own first, then its state's
    # State laws in force today that answer this question for this agency (or, for the state-law
    # question, every law in force that binds it), and those the agency's own answer contradicts.
    state_laws: list[StateLaw] = field(default_factory=list)
    conflicts: list[StateLaw] = field(default_factory=list)

    @property
    def has_own_policy(self) -> bool:
        return any(not policy.is_state_wide for policy in self.policies)


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


@dataclass
class StateLaws:
    """One state's rows split for display: in force today, not yet in force, ended; and "none found"."""

    in_force: list[StateLaw]
    upcoming: list[StateLaw]
    ended: list[StateLaw]
    none_found: StateLaw | None

    @classmethod
    def split(cls, laws: list[StateLaw]) -> StateLaws:
        today = timezone.localdate()
        in_force, upcoming, ended, none_found = [], [], [], None
        for law in laws:
            if law.is_none_found:
                none_found = none_found or law
            elif law.is_in_force_on(today):
                in_force.append(law)
            elif law.ended is not None and law.ended <= today:
                ended.append(law)
            else:
                upcoming.append(law)
        return cls(in_force, upcoming, ended, none_found)


def state_laws_of(state_id: int) -> list[StateLaw]:
    """One query: every row of the state (the caller has the state itself)."""
    return list(StateLaw.objects.for_state(state_id))


def agency_policies(agency: Agency, *, policies: list[Policy], laws: list[StateLaw]) -> dict[str, object]:
    """No query: `policies` are `Policy.objects.for_agency(agency)` (two queries: rows, sources) and `laws`
    `state_laws_of(agency.state_id)` (one), which the view loads once for this section and the answer box.
    A question the agency has no published answer to is answered from state law, labelled."""
    split = StateLaws.split(laws)
    binding = [law for law in split.in_force if binds_agency_kind(law, agency.kind)]
    rows = topic_rows(policies)
    for row in rows:
        if row.topic == Topic.STATE_LAW:
            # Laws that answer another question are shown under it, not twice.
            row.state_laws = [law for law in binding if question_for(law) == Topic.STATE_LAW]
        else:
            row.state_laws = [law for law in binding if question_for(law) == row.topic]
            own = [policy for policy in row.policies if not policy.is_state_wide]
            row.conflicts = [law for policy in own for law in conflicts_with(policy, row.state_laws)]
    return {
        "state": agency.state,
        "rows": rows,
        "none_found": split.none_found,
        "laws_answered_above": any(question_for(law) != Topic.STATE_LAW for law in binding),
    }


def state_policies(state: State) -> dict[str, object]:
    """Three queries (policies, citations, laws). Opens with the state's posture in one line; shows the
    state-law question always (answered by its laws), other questions where the state has an answer."""
    policies = list(Policy.objects.for_state(state))
    topics = [Topic.STATE_LAW, *(p.topic for p in policies)]
    all_laws = state_laws_of(state.pk)
    laws = StateLaws.split(all_laws)
    return {
        "state": state,
        "rows": topic_rows(policies, topics),
        "laws": laws,
        # No posture where the research has no row at all (the territories): unknown, not "neither".
        "postures": state_postures(all_laws, timezone.localdate()) if all_laws else [],
    }
