"""The answer a resident came for, on one screen: who polices this place, whether each is in 287(g) on
ICE's latest list and under which model, what the jail does with detainers, and the state's law.

Pure: `build_answer` works over rows the view has loaded (agencies with `pages.directory.with_summary` columns, the
published policies of those agencies, the state's laws); it runs no query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from agreements.models import SupportModel
from jurisdictions.models import Agency, AgencyKind
from jurisdictions.names import normalize_name, place_name
from policies.models import Policy, StateLaw
from policies.state_law_answers import TopicPosture, state_postures
from policies.vocabulary import Topic

# The topics the answer quotes from an agency's own published policies.
ANSWER_TOPICS = [Topic.DETAINERS, Topic.PROGRAM_287G_STANCE]
# Agencies that run a jail, whose detainer policy the answer states (or says is unknown).
JAIL_KINDS = frozenset({AgencyKind.SHERIFF, AgencyKind.CORRECTIONS})
# A county with more town police than this names only the resident's town and the ones in 287(g);
# the full list is the table below the answer.
MAX_TOWN_POLICE = 4

MODEL_SLUGS = {"JEM": "jail-enforcement-model", "TFM": "task-force-model", "WSO": "warrant-service-officer"}


@dataclass(frozen=True)
class AgencyAnswer:
    agency: Agency
    models_in_force: list[str]  # JEM / TFM / WSO, on ICE's latest participating list
    pending: bool  # on ICE's pending list
    detainers: Policy | None  # the agency's own published answer, if any
    stance: Policy | None  # the agency's own published answer on 287(g), if any
    runs_jail: bool

    @property
    def in_287g(self) -> bool:
        return bool(self.models_in_force)

    @property
    def model_links(self) -> list[tuple[str, str]]:
        """(label, explainer slug) per model in force, e.g. ("Jail Enforcement Model", "jail-enforcement-model")."""
        return [(str(SupportModel(code).label), MODEL_SLUGS[code]) for code in self.models_in_force]

    @property
    def stance_contradicts_list(self) -> bool:
        """An own answer that says "not in 287(g)" while ICE lists an agreement in force: the list wins."""
        return self.in_287g and self.stance is not None and self.stance.answer != "participates"


@dataclass
class Answer:
    place: str  # "San Francisco County, California" or the town
    list_date: dt.date | None  # ICE's latest participating list
    list_url: str = ""  # that list's page (its rows and what changed)
    is_agency: bool = False  # the answer for one agency's page, not a place
    local: list[AgencyAnswer] = field(default_factory=list)
    more_local: int = 0  # local agencies left out of the answer (they are in the table below)
    statewide: list[AgencyAnswer] = field(default_factory=list)
    postures: list[TopicPosture] = field(default_factory=list)

    @property
    def any_in_287g(self) -> bool:
        return any(a.in_287g for a in self.local) or any(a.in_287g for a in self.statewide)

    @property
    def local_in_287g(self) -> list[AgencyAnswer]:
        return [a for a in self.local if a.in_287g]


def _answer_for(agency: Agency, policies: dict[tuple[int, str], Policy]) -> AgencyAnswer:
    return AgencyAnswer(
        agency=agency,
        models_in_force=list(getattr(agency, "models_in_force", None) or []),
        pending=bool(getattr(agency, "pending_agreements", 0)),
        detainers=policies.get((agency.pk, Topic.DETAINERS)),
        stance=policies.get((agency.pk, Topic.PROGRAM_287G_STANCE)),
        runs_jail=agency.kind in JAIL_KINDS,
    )


def is_town_police(agency: Agency, town: str) -> bool:
    """The town's own police: by the place it is filed under, else by the town in its name."""
    if not town:
        return False
    key = normalize_name(town)
    if agency.place_id is not None and agency.place is not None:
        return normalize_name(agency.place.name) == key
    return agency.kind == AgencyKind.MUNICIPAL_POLICE and normalize_name(place_name(agency.name)) == key


def _local_order(agency: Agency, town: str) -> tuple[int, str]:
    if is_town_police(agency, town):
        rank = 0
    elif agency.kind == AgencyKind.SHERIFF:
        rank = 1
    elif agency.kind == AgencyKind.MUNICIPAL_POLICE:
        rank = 2
    elif agency.kind == AgencyKind.COUNTY_POLICE:
        rank = 3
    else:
        rank = 4
    return (rank, agency.name)


def build_answer(
    *,
    place: str,
    local_agencies: Sequence[Agency],
    statewide_agencies: Iterable[Agency] = (),
    policies: Iterable[Policy] = (),
    laws: Iterable[StateLaw] = (),
    list_date: dt.date | None,
    list_url: str = "",
    today: dt.date,
    town: str = "",
) -> Answer:
    """The answer for a place. `local_agencies` are the ones serving it (any order); those named are the
    town's police (when `town` is given), sheriffs, town and county police (all of them when there are
    few, else only those in 287(g)), then any other local agency in 287(g) or pending. Statewide agencies
    are named only when ICE lists them, in their own group."""
    by_key = {(p.agency_id, p.topic): p for p in policies if p.agency_id is not None}
    laws = list(laws)
    ordered = sorted(local_agencies, key=lambda a: _local_order(a, town))
    town_police = [a for a in ordered if a.kind == AgencyKind.MUNICIPAL_POLICE]
    few_towns = len(town_police) <= MAX_TOWN_POLICE
    named: list[AgencyAnswer] = []
    for agency in ordered:
        answer = _answer_for(agency, by_key)
        listed = answer.in_287g or answer.pending
        if (
            is_town_police(agency, town)
            or agency.kind in (AgencyKind.SHERIFF, AgencyKind.COUNTY_POLICE)
            or (agency.kind == AgencyKind.MUNICIPAL_POLICE and few_towns)
            or listed
        ):
            named.append(answer)
    statewide = [_answer_for(a, by_key) for a in statewide_agencies]
    return Answer(
        place=place,
        list_date=list_date,
        list_url=list_url,
        local=named,
        more_local=len(ordered) - len(named),
        statewide=[a for a in statewide if a.in_287g or a.pending],
        postures=state_postures(list(laws), today) if laws else [],
    )


def answer_for_agency(
    agency: Agency,
    *,
    policies: Iterable[Policy] = (),
    laws: Iterable[StateLaw] = (),
    list_date: dt.date | None,
    list_url: str = "",
    today: dt.date,
) -> Answer:
    """The same answer for one agency's own page."""
    by_key = {(p.agency_id, p.topic): p for p in policies if p.agency_id is not None}
    laws = list(laws)
    answer = _answer_for(agency, by_key)
    is_statewide = agency.kind in AgencyKind.statewide() and agency.county_id is None
    return Answer(
        place=agency.name,
        list_date=list_date,
        list_url=list_url,
        is_agency=True,
        local=[] if is_statewide else [answer],
        statewide=[answer] if is_statewide else [],
        postures=state_postures(list(laws), today) if laws else [],
    )
