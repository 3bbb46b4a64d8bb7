"""How state laws answer residents' questions: which question each law topic answers, when an agency's
own answer conflicts with a law, and each state's posture on 287(g) agreements and detainer holds.

Pure functions over loaded rows: no queries here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policies.models import Policy, StateLaw, StateLawEffect, StateLawTopic
from policies.models.state_laws import AppliesTo, applies_to_values_for_kind
from policies.vocabulary import Topic

# The one mapping from a state-law topic to the resident's question it answers. Topics not listed
# (courthouse arrests, "sanctuary" bans, state immigration crimes) answer only the state-law question.
QUESTION_FOR_TOPIC: dict[str, str] = {
    StateLawTopic.DETAINER_HOLDS: Topic.DETAINERS,
    StateLawTopic.AGREEMENTS_287G: Topic.PROGRAM_287G_STANCE,
    StateLawTopic.ICE_JAIL_ACCESS: Topic.ICE_JAIL_ACCESS,
    StateLawTopic.RELEASE_NOTIFICATION: Topic.RELEASE_NOTIFICATION,
    StateLawTopic.INFO_SHARING: Topic.DATA_SHARING,
}

# An agency's own answer that a law in force contradicts: (question, law effect) -> answers.
_REQ, _PRO, _LIM = StateLawEffect.REQUIRES, StateLawEffect.PROHIBITS, StateLawEffect.LIMITS
CONFLICTING_ANSWERS: dict[tuple[str, str], frozenset[str]] = {
    (Topic.DETAINERS, _REQ): frozenset({"does_not_honor", "judicial_warrant_only"}),
    (Topic.DETAINERS, _PRO): frozenset({"honors_all", "honors_some"}),
    (Topic.DETAINERS, _LIM): frozenset({"honors_all"}),
    (Topic.PROGRAM_287G_STANCE, _REQ): frozenset({"declines", "withdrew"}),
    (Topic.PROGRAM_287G_STANCE, _PRO): frozenset({"participates", "applied"}),
    (Topic.RELEASE_NOTIFICATION, _REQ): frozenset({"does_not_notify"}),
    (Topic.RELEASE_NOTIFICATION, _PRO): frozenset({"notifies_all", "notifies_some"}),
    (Topic.RELEASE_NOTIFICATION, _LIM): frozenset({"notifies_all"}),
    (Topic.ICE_JAIL_ACCESS, _REQ): frozenset({"no_access"}),
    (Topic.ICE_JAIL_ACCESS, _PRO): frozenset({"unrestricted"}),
    (Topic.ICE_JAIL_ACCESS, _LIM): frozenset({"unrestricted"}),
    (Topic.DATA_SHARING, _REQ): frozenset({"does_not_share"}),
    (Topic.DATA_SHARING, _PRO): frozenset({"shares_broadly"}),
    (Topic.DATA_SHARING, _LIM): frozenset({"shares_broadly"}),
}


def question_for(law: StateLaw) -> str:
    return QUESTION_FOR_TOPIC.get(law.topic, Topic.STATE_LAW)


def conflicts_with(policy: Policy, laws: Iterable[StateLaw]) -> list[StateLaw]:
    """The laws (already in force and binding the policy's agency) that the policy's answer contradicts."""
    return [
        law
        for law in laws
        if question_for(law) == policy.topic
        and policy.answer in CONFLICTING_ANSWERS.get((policy.topic, law.effect), frozenset())
    ]


def binds_agency_kind(law: StateLaw, kind: str) -> bool:
    return law.applies_to in applies_to_values_for_kind(kind)


class Posture(models.TextChoices):
    """A state's stance on one posture topic; the CSS class on the map is `p-<value>`."""

    REQUIRED = "required", _("Required by state law")
    PROHIBITED = "prohibited", _("Prohibited by state law")
    LIMITED = "limited", _("Limited by state law")
    NEITHER = "neither", _("No state requirement or ban found")


POSTURE_TOPICS = [StateLawTopic.AGREEMENTS_287G, StateLawTopic.DETAINER_HOLDS]
_POSTURE_BY_EFFECT: dict[str, Posture] = {
    _REQ: Posture.REQUIRED,
    _PRO: Posture.PROHIBITED,
    _LIM: Posture.LIMITED,
}
_EFFECT_RANK: dict[str, int] = {_REQ: 0, _PRO: 1, _LIM: 2}

# One sentence per (topic, posture), so that each language can agree its words with the topic.
_POSTURE_PHRASES: dict[tuple[str, str], Promise] = {
    (StateLawTopic.AGREEMENTS_287G, Posture.REQUIRED): _(
        "287(g) agreements: required for %(scope)s%(since)s"
    ),
    (StateLawTopic.AGREEMENTS_287G, Posture.PROHIBITED): _(
        "287(g) agreements: prohibited for %(scope)s%(since)s"
    ),
    (StateLawTopic.AGREEMENTS_287G, Posture.LIMITED): _("287(g) agreements: limited for %(scope)s%(since)s"),
    (StateLawTopic.AGREEMENTS_287G, Posture.NEITHER): _(
        "287(g) agreements: no state requirement or ban found"
    ),
    (StateLawTopic.DETAINER_HOLDS, Posture.REQUIRED): _("detainer holds: required for %(scope)s%(since)s"),
    (StateLawTopic.DETAINER_HOLDS, Posture.PROHIBITED): _(
        "detainer holds: prohibited for %(scope)s%(since)s"
    ),
    (StateLawTopic.DETAINER_HOLDS, Posture.LIMITED): _("detainer holds: limited for %(scope)s%(since)s"),
    (StateLawTopic.DETAINER_HOLDS, Posture.NEITHER): _("detainer holds: no state requirement or ban found"),
}


@dataclass(frozen=True)
class TopicPosture:
    topic: str
    posture: str
    law: StateLaw | None  # the law that decides it

    @property
    def label(self) -> str:
        return str(Posture(self.posture).label)

    def sentence(self) -> str:
        """E.g. "287(g) agreements: required for sheriffs since 2022", in the current language."""
        since = ""
        if self.law is not None and self.law.effective is not None:
            since = gettext(" since %(date)s") % {"date": self.law.effective_display()}
        scope = str(AppliesTo(self.law.applies_to).label) if self.law is not None else ""
        return str(_POSTURE_PHRASES[(self.topic, Posture(self.posture))]) % {"scope": scope, "since": since}


def topic_posture(topic: str, laws: Iterable[StateLaw], day: dt.date) -> TopicPosture:
    """The state's posture on one topic from its laws (any order) in force on `day`.

    Laws binding local agencies decide first; laws binding only state agencies decide when no local one
    does. Among them "requires" outranks "prohibits", which outranks "limits"; "permits" is neither. Ties
    go to the law in force longest.
    """
    in_force = [
        law for law in laws if law.topic == topic and law.effect in _EFFECT_RANK and law.is_in_force_on(day)
    ]
    for scope_is_local in (True, False):
        group = [law for law in in_force if (law.applies_to != AppliesTo.STATE_AGENCIES) == scope_is_local]
        if group:
            law = min(group, key=lambda x: (_EFFECT_RANK[x.effect], x.effective or dt.date.min, x.pk or 0))
            return TopicPosture(topic, _POSTURE_BY_EFFECT[law.effect], law)
    return TopicPosture(topic, Posture.NEITHER, None)


def state_postures(laws: Iterable[StateLaw], day: dt.date) -> list[TopicPosture]:
    """The posture line of one state: 287(g) agreements, then detainer holds."""
    laws = list(laws)
    return [topic_posture(topic, laws, day) for topic in POSTURE_TOPICS]
