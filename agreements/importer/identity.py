"""One identity per agency: resolve each row of an ICE list to the agency it names.

The order (first that settles it wins), all within the row's state:
1. the exact name (case, accents, apostrophes and spaces unified) of one agency, or a known alias;
2. the same *canonical* name — abbreviations expanded and descriptive words dropped, so "Walker County
   Sheriff's Department", "Walker County SO" and "Walker County Sheriff's Office" agree — held by one agency;
3. a scored candidate from the roster (rapidfuzz on canonical names, the kind, the county, and whether the
   candidate already has an agreement of the row's model and signed date), accepted only when the evidence
   is strong: a near-identical name in the same county, or a similar name with the same agreement;
4. otherwise a new agency of its own (a stable identity for agencies the FBI never listed), and, where
   candidates came close, an `AgencyReview` for an editor.
Nothing merges across states, and a spelling an editor refused (`AgencyMerge.overridden`) is never merged
into that agency again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from agreements.ice_sheets import Row
from agreements.importer.counties import JurisdictionIndex, agency_kind
from agreements.models import AgencyMerge, AgencyReview, Agreement, Snapshot
from jurisdictions.models import Agency, AgencyAlias, AgencyKind
from jurisdictions.names import make_slug, normalize_name, unique_slug

SIMILAR_SCORE = 92  # canonical names this close, same county and kind: one agency (typos)
SIMILAR_UNPLACED_SCORE = 96  # this close when the row names no county we can read
EVIDENCE_SCORE = 80  # this close with the same model and signed date as the candidate's agreement
REVIEW_SCORE = 70  # this close: an editor is asked
MIN_SIMILAR_LENGTH = 10  # shorter canonical names differ by a letter too often ("Milton"/"Hilton")

# ICE's TYPE column against our kinds: a row typed County is not a town's police department.
_TYPE_KINDS = {
    "County": {AgencyKind.SHERIFF, AgencyKind.COUNTY_POLICE, AgencyKind.CORRECTIONS, AgencyKind.OTHER},
    "Municipality": {AgencyKind.MUNICIPAL_POLICE, AgencyKind.CAMPUS, AgencyKind.OTHER},
    "State Agency": {
        AgencyKind.CAMPUS,  # state universities' police
        AgencyKind.STATE_POLICE,
        AgencyKind.STATE_AGENCY,
        AgencyKind.CORRECTIONS,
        AgencyKind.OTHER,
    },
}

_WORDS = {
    "so": "sheriff",
    "sd": "sheriff",
    "sheriffs": "sheriff",
    "sherrifs": "sheriff",
    "sherriff": "sheriff",
    "constables": "constable",
    "marshals": "marshal",
    "pd": "police",
    "dept": "department",
    "co": "county",
    "cty": "county",
    "parish": "county",
    "saint": "st",
    "ft": "fort",
    "mt": "mount",
    "twp": "township",
    "&": "and",
}
# A town's department of public safety is its police: "Daytona Beach Shores Public Safety" is the FBI's
# "Daytona Beach Shores Police Department".
_PHRASES = [
    (re.compile(r"\b(department of )?public safety( department)?\b"), "police"),
    (re.compile(r"\bdps\b"), "police"),
]
# Words that describe rather than name: "Quarryville Borough Police Department" is Quarryville's police.
_DESCRIPTORS = {"office", "department", "services", "service", "division", "of", "the", "and"}
_PLACE_WORDS = {"borough"}  # "Melbourne Village", "Dade City" and "Lake City" are names, not descriptors
_PREFIX = re.compile(r"^(city|town|village|borough|county) of ")


def canonical_name(name: str) -> str:
    """A name reduced to what identifies the agency, for comparing spellings within one state.

    >>> canonical_name("City of Boca Raton Police Services Department")
    'boca raton police'
    >>> canonical_name("Lafourche Parish Sheriff's Office") == canonical_name("Lafourche County SO")
    True
    """
    text = normalize_name(name).replace("'", "").replace("&", " and ")
    text = _PREFIX.sub("", re.sub(r"[^\w\s]", " ", text).strip())
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    words = [w for word in text.split() for w in _WORDS.get(word, word).split()]
    kept: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in _DESCRIPTORS and kept:
            continue
        if word in _PLACE_WORDS and following in {"police", "public", "marshal", "marshals"} and kept:
            continue
        kept.append(word)
    return " ".join(kept)


_TOWN_WORD = re.compile(r"\b(city|town|village|township) (?=police\b)")


def loose_name(canon: str) -> str:
    """A canonical name without the town's legal kind before "police": "Camden Village Police Department"
    is ICE's "Camden Police Department" when no other Camden police exists in the state. Used only after
    the canonical name found nothing, and only when one agency has it."""
    return _TOWN_WORD.sub("", canon)


@dataclass
class AgencyResolution:
    agency_ids: list[int]  # one per row, same order
    county_ids: list[int | None]
    notes: dict[int, list[str]] = field(default_factory=dict)  # row number → notes
    created: int = 0
    how: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # exact, alias, canonical, …
    reviews: int = 0


@dataclass
class _Known:
    pk: int
    state_id: int
    name: str
    name_key: str
    kind: str
    ori: str | None
    county_ids: frozenset[int]
    county_id: int | None = None  # the main one
    canon: str = ""  # canonical_name(name), computed once

    def __post_init__(self) -> None:
        self.canon = self.canon or canonical_name(self.name)

    def label(self) -> str:
        return f"{self.name} ({self.ori})" if self.ori else self.name


@dataclass
class _Decision:
    agency_id: int | None
    how: str  # exact, alias, canonical, similar, same_agreement, new
    candidates: list[dict[str, object]] = field(default_factory=list)
    problem: str = ""
    reasons: str = ""  # why the accepted candidate was accepted


class _StateIndex:
    """The agencies of the states on a list, their names, aliases and agreements, in memory.

    Queries: agencies (1), their counties (1), aliases (1), refused merges (1), agreements (1).
    """

    def __init__(self, state_ids: set[int]) -> None:
        counties: dict[int, set[int]] = defaultdict(set)
        through = Agency.counties.through.objects.filter(agency__state_id__in=state_ids)
        for agency_id, county_id in through.values_list("agency_id", "county_id"):
            counties[agency_id].add(county_id)
        rows = Agency.objects.filter(state_id__in=state_ids).values_list(
            "pk", "state_id", "name", "name_key", "kind", "ori", "county_id"
        )
        self.known: dict[int, _Known] = {}
        for pk, state_id, name, key, kind, ori, county_id in rows:
            ids = counties.get(pk) or ({county_id} if county_id else set())
            self.known[pk] = _Known(pk, state_id, name, key, kind, ori, frozenset(ids), county_id)
        self.refused = set(
            AgencyMerge.objects.filter(overridden=True, agency__state_id__in=state_ids).values_list(
                "agency_id", "spelling"
            )
        )
        self.by_key: dict[tuple[int, str], set[int]] = defaultdict(set)
        self.alias_keys: set[tuple[int, int, str]] = set()
        self.by_canon: dict[tuple[int, str], set[int]] = defaultdict(set)
        self.by_loose: dict[tuple[int, str], set[int]] = defaultdict(set)
        self._choices: dict[int, dict[int, str]] = {}
        for a in self.known.values():
            self.add(a)
        aliases = AgencyAlias.objects.filter(agency__state_id__in=state_ids).values_list(
            "agency_id", "name", "name_key"
        )
        for agency_id, name, key in aliases:
            owner = self.known.get(agency_id)
            if owner is None or (agency_id, name) in self.refused:
                continue
            self.by_key[(owner.state_id, key)].add(agency_id)
            self.alias_keys.add((agency_id, owner.state_id, key))
            self.by_canon[(owner.state_id, canonical_name(name))].add(agency_id)
        self.agreements: dict[tuple[int, str, dt.date | None], set[int]] = defaultdict(set)
        for agency_id, model, signed in Agreement.objects.filter(agency__state_id__in=state_ids).values_list(
            "agency_id", "model", "signed"
        ):
            state_id = self.known[agency_id].state_id if agency_id in self.known else 0
            self.agreements[(state_id, model, signed)].add(agency_id)
        self.on_list: set[tuple[int, str]] = set()  # (state, name key) of every row of the list

    def add(self, a: _Known) -> None:
        self.known[a.pk] = a
        self.by_key[(a.state_id, a.name_key)].add(a.pk)
        self.by_canon[(a.state_id, a.canon)].add(a.pk)
        self.by_loose[(a.state_id, loose_name(a.canon))].add(a.pk)
        if a.state_id in self._choices:
            self._choices[a.state_id][a.pk] = a.canon

    def choices(self, state_id: int) -> dict[int, str]:
        if state_id not in self._choices:
            self._choices[state_id] = {a.pk: a.canon for a in self.known.values() if a.state_id == state_id}
        return self._choices[state_id]


def _fits(a: _Known, row: Row, county_id: int | None) -> bool:
    """Kind and county do not contradict the row (unknown on either side is no contradiction)."""
    kinds = _TYPE_KINDS.get(row.agency_type)
    if kinds is not None and a.kind not in kinds:
        return False
    return county_id is None or not a.county_ids or county_id in a.county_ids


def _narrow(ids: set[int], index: _StateIndex, row: Row, county_id: int | None) -> set[int]:
    allowed = {pk for pk in ids if (pk, row.agency_name) not in index.refused}
    if len(allowed) > 1:
        fitting = {pk for pk in allowed if _fits(index.known[pk], row, county_id)}
        allowed = fitting or allowed
    return allowed


def _decide(row: Row, state_id: int, county_id: int | None, index: _StateIndex) -> _Decision:
    exact = _narrow(index.by_key.get((state_id, row.name_key), set()), index, row, county_id)
    if len(exact) == 1:
        pk = next(iter(exact))
        return _Decision(pk, "exact" if index.known[pk].name_key == row.name_key else "alias")
    canon = canonical_name(row.agency_name)
    if len(exact) > 1:
        return _ambiguous(exact, index)
    same = _narrow(index.by_canon.get((state_id, canon), set()), index, row, county_id)
    if len(same) == 1:
        return _Decision(next(iter(same)), "canonical")
    if len(same) > 1:
        return _ambiguous(same, index)
    loose = _narrow(index.by_loose.get((state_id, loose_name(canon)), set()), index, row, county_id)
    if len(loose) == 1 and all(_fits(index.known[pk], row, county_id) for pk in loose):
        return _Decision(next(iter(loose)), "canonical")
    return _scored(row, state_id, county_id, canon, index)


def _ambiguous(ids: set[int], index: _StateIndex) -> _Decision:
    candidates = [_candidate(index.known[pk], 100, ["same name"]) for pk in sorted(ids)]
    return _Decision(None, "new", candidates, AgencyReview.Problem.AMBIGUOUS)


def _scored(row: Row, state_id: int, county_id: int | None, canon: str, index: _StateIndex) -> _Decision:
    found = process.extract(
        canon, index.choices(state_id), scorer=fuzz.token_set_ratio, limit=8, score_cutoff=REVIEW_SCORE
    )
    evidence = index.agreements.get((state_id, row.model, row.signed), set()) if row.signed else set()
    scored: list[tuple[float, _Known, list[str]]] = []
    digits = _digits(canon)
    for _name, _score, pk in found:
        a = index.known[pk]
        if (pk, row.agency_name) in index.refused or _digits(a.canon) != digits:
            continue  # "Town 10" is not "Town 1", nor "22nd Judicial Circuit" the 21st
        # typos in the descriptive words ("Police Departent", "Sheriff's Offic") count on the full names
        ratio = max(fuzz.ratio(canon, a.canon), fuzz.ratio(row.name_key, a.name_key))
        reasons = [f"name {ratio:.0f}/100 (words {_score:.0f})"]
        if county_id is not None and county_id in a.county_ids:
            reasons.append("same county")
        if pk in evidence:
            reasons.append(f"has a {row.model} agreement signed {row.signed}")
        scored.append((ratio, a, reasons))
    scored.sort(key=lambda item: (-item[0], item[1].pk))
    candidates = [_candidate(a, ratio, reasons) for ratio, a, reasons in scored]
    fitting = [(ratio, a) for ratio, a, _ in scored if _fits(a, row, county_id)]
    near = [
        a
        for ratio, a in fitting
        if (ratio >= SIMILAR_SCORE and county_id is not None and county_id in a.county_ids)
        or (ratio >= SIMILAR_UNPLACED_SCORE and county_id is None)
    ]
    runners_up = [ratio for ratio, a in fitting if a not in near and ratio >= SIMILAR_SCORE - 4]
    if len(near) == 1 and not runners_up and len(canon) >= MIN_SIMILAR_LENGTH:
        return _Decision(near[0].pk, "similar", candidates, reasons=_why(scored, near[0]))
    # A renamed agency leaves its old name behind: a candidate listed under its own name on this same list
    # is another agency that signed the same day (many did), not this row under a new name.
    same_agreement = [
        a
        for ratio, a in fitting
        if a.pk in evidence
        and _words(canon, a) >= EVIDENCE_SCORE
        and (a.state_id, a.name_key) not in index.on_list
    ]
    if len(same_agreement) == 1:
        return _Decision(
            same_agreement[0].pk, "same_agreement", candidates, reasons=_why(scored, same_agreement[0])
        )
    return _Decision(None, "new", candidates, AgencyReview.Problem.SIMILAR if candidates else "")


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _why(scored: list[tuple[float, _Known, list[str]]], chosen: _Known) -> str:
    return "; ".join(next(reasons for _, a, reasons in scored if a is chosen))


def _words(canon: str, a: _Known) -> float:
    return fuzz.token_set_ratio(canon, a.canon)


def _candidate(a: _Known, score: float, reasons: list[str]) -> dict[str, object]:
    return {"id": a.pk, "name": a.name, "ori": a.ori or "", "score": round(score), "reasons": reasons}


def agencies_resolve(*, rows: list[Row], snapshot: Snapshot, index: JurisdictionIndex) -> AgencyResolution:
    """Resolve every row to an agency id (creating agencies the roster lacks) and a county.

    Writes: new agencies, aliases and merge records for each new spelling, open reviews, and the county of
    agencies without an ORI (re-derived from the latest list on every import, never frozen; an agency with
    an ORI keeps the FBI's counties). Queries: the five of `_StateIndex`, every slug (1), bulk writes.
    """
    state_ids = {postal: state.pk for postal, state in index.states.items()}
    known = _StateIndex(set(state_ids.values()))
    known.on_list = {(state_ids[row.state], row.name_key) for row in rows}
    slugs = set(Agency.objects.order_by().values_list("slug", flat=True))
    result = AgencyResolution(agency_ids=[], county_ids=[])
    aliases: dict[tuple[int, str], AgencyAlias] = {}
    merges: dict[tuple[int, str], AgencyMerge] = {}
    reviews: dict[tuple[int, str, str], AgencyReview] = {}
    recounty: dict[int, int | None] = {}
    placeholders: list[Agency] = []
    renamed: dict[int, str] = {}
    for row in rows:
        state_id = state_ids[row.state]
        match = index.county_for_agency(row.state, row.agency_name, row.county_name, row.agency_type)
        county_id = match.county.pk if match.county else None
        if match.note:
            result.notes.setdefault(row.row_number, []).append(match.note)
        decision = _decide(row, state_id, county_id, known)
        if decision.agency_id is None:
            agency = _new_agency(row, state_id, county_id, slugs)
            placeholders.append(agency)
            temp_id = -len(placeholders)  # a stand-in id until the bulk insert below
            known.add(_Known(temp_id, state_id, agency.name, agency.name_key, agency.kind, None, frozenset()))
            decision.agency_id = temp_id
        agency_id = decision.agency_id
        result.how[decision.how] += 1
        owner = known.known[agency_id]
        problems = [decision.problem] if decision.problem else []
        if match.conflict and owner.ori is None:
            problems.append(AgencyReview.Problem.COUNTY)
        for problem in problems:
            key = (agency_id, row.agency_name, problem)
            reviews.setdefault(key, _review(row, snapshot, state_id, agency_id, problem, decision.candidates))
        if owner.ori is None and row.agency_type != "State Agency":
            recounty[agency_id] = county_id  # the latest list's county; the last row of this list wins
        if owner.ori and county_id not in owner.county_ids:
            county_id = owner.county_id  # the FBI's county for the agency, not a guess from the row
        result.county_ids.append(county_id)
        result.agency_ids.append(agency_id)
        if (
            row.name_key != owner.name_key
            and (agency_id, owner.state_id, row.name_key) not in known.alias_keys
        ):
            _record_spelling(owner, row, snapshot, decision, aliases, merges)
            known.alias_keys.add((agency_id, owner.state_id, row.name_key))
        if owner.ori is None and agency_id > 0 and decision.how in _RENAMES and row.agency_name != owner.name:
            renamed[agency_id] = row.agency_name  # the latest list's name, for agencies the FBI lacks
    Agency.objects.bulk_create(placeholders)
    result.created = len(placeholders)

    def real(pk: int) -> int:
        return placeholders[-pk - 1].pk if pk < 0 else pk

    result.agency_ids = [real(pk) for pk in result.agency_ids]
    for record in [*aliases.values(), *merges.values(), *reviews.values()]:
        record.agency_id = real(record.agency_id)  # type: ignore[attr-defined]
    AgencyAlias.objects.bulk_create(list(aliases.values()), ignore_conflicts=True)
    AgencyMerge.objects.bulk_create(list(merges.values()), ignore_conflicts=True)
    AgencyReview.objects.bulk_create(list(reviews.values()), ignore_conflicts=True)
    _update_counties({real(pk): county for pk, county in recounty.items()}, new={a.pk for a in placeholders})
    if snapshot.kind == "participating" and _is_latest(snapshot):
        _rename(renamed)
    result.reviews = len(reviews)
    return result


def _new_agency(row: Row, state_id: int, county_id: int | None, slugs: set[str]) -> Agency:
    slug = unique_slug(make_slug(row.agency_name, row.state.lower(), max_length=130), slugs)
    kind = agency_kind(row.agency_name, row.agency_type)
    return Agency(
        state_id=state_id,
        county_id=county_id,
        name=row.agency_name,
        name_key=normalize_name(row.agency_name),
        slug=slug,
        kind=kind,
    )


def _update_counties(recounty: dict[int, int | None], *, new: set[int]) -> None:
    """Agencies the FBI does not list take their county from the latest list's row; the agencies just
    created get their county link. Queries: 1 read, then bulk writes."""
    if not recounty:
        return
    stale = [
        a
        for a in Agency.objects.filter(pk__in=recounty, ori__isnull=True).only("pk", "county_id")
        if a.county_id != recounty[a.pk] or a.pk in new
    ]
    for agency in stale:
        agency.county_id = recounty[agency.pk]
    Agency.objects.bulk_update(stale, ["county"])
    through = Agency.counties.through
    through.objects.filter(agency_id__in=[a.pk for a in stale]).delete()
    through.objects.bulk_create(
        [through(agency_id=a.pk, county_id=a.county_id) for a in stale if a.county_id]
    )


# A new name, not a typo: "similar" matches are misspellings ("Sheriff's Offic") and never become the name.
_RENAMES = {"canonical", "same_agreement"}


def _is_latest(snapshot: Snapshot) -> bool:
    return not Snapshot.objects.filter(kind=snapshot.kind, published__gt=snapshot.published).exists()


def _rename(renamed: dict[int, str]) -> None:
    """An agency the FBI does not list is shown as ICE's latest list spells it; the earlier name stays an
    alias (search finds every spelling) and the page keeps its address."""
    agencies = list(Agency.objects.filter(pk__in=renamed, ori__isnull=True).only("pk", "name", "name_key"))
    AgencyAlias.objects.bulk_create(
        [
            AgencyAlias(agency=a, name=a.name, name_key=a.name_key, source="earlier spelling")
            for a in agencies
        ],
        ignore_conflicts=True,
    )
    for agency in agencies:
        agency.name = renamed[agency.pk]
        agency.name_key = normalize_name(agency.name)
    Agency.objects.bulk_update(agencies, ["name", "name_key"])


def _review(
    row: Row,
    snapshot: Snapshot,
    state_id: int,
    agency_id: int,
    problem: str,
    candidates: list[dict[str, object]],
) -> AgencyReview:
    return AgencyReview(
        state_id=state_id,
        spelling=row.agency_name[:200],
        agency_id=agency_id,
        problem=problem,
        candidates=candidates,
        snapshot=snapshot,
        row_number=row.row_number,
    )


_REASONS = {
    "exact": AgencyMerge.Reason.SAME_KEY,
    "alias": AgencyMerge.Reason.ALIAS,
    "canonical": AgencyMerge.Reason.LOOSE_KEY,
    "similar": AgencyMerge.Reason.SIMILAR,
    "same_agreement": AgencyMerge.Reason.SAME_AGREEMENT,
    "new": AgencyMerge.Reason.SAME_KEY,
}


def _record_spelling(
    agency: _Known,
    row: Row,
    snapshot: Snapshot,
    decision: _Decision,
    aliases: dict[tuple[int, str], AgencyAlias],
    merges: dict[tuple[int, str], AgencyMerge],
) -> None:
    key = (agency.pk, row.agency_name)
    if key in merges:
        return
    source = f"ICE {snapshot.kind} list {snapshot.published:%Y-%m-%d}, row {row.row_number}"
    aliases[key] = AgencyAlias(
        agency_id=agency.pk, name=row.agency_name, name_key=row.name_key, source=source
    )
    merges[key] = AgencyMerge(
        agency_id=agency.pk,
        spelling=row.agency_name,
        reason=_REASONS[decision.how],
        snapshot=snapshot,
        row_number=row.row_number,
        note=decision.reasons,
    )
