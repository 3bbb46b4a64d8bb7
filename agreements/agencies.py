"""Find or create the agency behind each row of an ICE list, recording every spelling merged into one."""

from __future__ import annotations

from dataclasses import dataclass, field

from agreements.ice_sheets import Row
from agreements.ice_values import edit_distance, loose_key
from agreements.models import AgencyMerge, Snapshot
from jurisdictions.matching import JurisdictionIndex, agency_kind
from jurisdictions.models import Agency, AgencyAlias
from jurisdictions.names import make_slug


@dataclass
class AgencyResolution:
    agency_ids: list[int]  # one per row, same order
    county_ids: list[int | None]
    notes: dict[int, list[str]] = field(default_factory=dict)  # row number → notes
    created: int = 0


def agencies_resolve(*, rows: list[Row], snapshot: Snapshot, index: JurisdictionIndex) -> AgencyResolution:
    """Match rows to agencies by (state, name key), alias, then loose key; create the rest in bulk.

    Queries: agencies and aliases of the states on the list (2), merges refused by editors (1), every
    agency slug (1; 20,000 short strings at full scale), then bulk inserts. Loose-key matches and new spellings become `AgencyAlias` + `AgencyMerge` rows.
    """
    state_ids = {postal: state.pk for postal, state in index.states.items()}
    agencies = list(Agency.objects.filter(state_id__in=state_ids.values()))
    by_key: dict[tuple[int, str], Agency] = {(a.state_id, a.name_key): a for a in agencies}
    by_loose: dict[tuple[int, str], Agency] = {}
    for a in agencies:
        by_loose.setdefault((a.state_id, loose_key(a.name)), a)
    by_id = {a.pk: a for a in agencies}
    refused = set(
        AgencyMerge.objects.filter(overridden=True, agency__state_id__in=state_ids.values()).values_list(
            "agency_id", "spelling"
        )
    )
    for alias in AgencyAlias.objects.filter(agency__state_id__in=state_ids.values()).only(
        "agency_id", "name", "name_key"
    ):
        owner = by_id[alias.agency_id]
        if (owner.pk, alias.name) in refused:
            continue
        by_key.setdefault((owner.state_id, alias.name_key), owner)
        by_loose.setdefault((owner.state_id, loose_key(alias.name)), owner)
    slugs = set(Agency.objects.order_by().values_list("slug", flat=True))

    result = AgencyResolution(agency_ids=[], county_ids=[])
    to_create: dict[tuple[int, str], Agency] = {}
    aliases: dict[tuple[int, str], AgencyAlias] = {}
    merges: dict[tuple[int, str], AgencyMerge] = {}
    pending_rows: list[tuple[int, Row, tuple[int, str]]] = []
    counties: list[int | None] = []
    updates: dict[int, Agency] = {}
    for position, row in enumerate(rows):
        state_id = state_ids[row.state]
        match = index.county_for_agency(row.state, row.agency_name, row.county_name, row.agency_type)
        counties.append(match.county.pk if match.county else None)
        if match.note:
            result.notes.setdefault(row.row_number, []).append(match.note)
        agency: Agency | None = by_key.get((state_id, row.name_key))
        reason = AgencyMerge.Reason.SAME_KEY
        found = by_loose.get((state_id, row.loose_key)) if agency is None else None
        note = ""
        if agency is None and found is None and counties[-1] is not None:
            found = _similar(agencies, state_id, counties[-1], row.loose_key)
            note = SIMILAR_NOTE
        if found is not None and (found.pk, row.agency_name) not in refused:
            agency, reason = found, AgencyMerge.Reason.LOOSE_KEY
        if agency is None:
            key = (state_id, row.loose_key)
            if key not in to_create:
                slug = _unique_slug(make_slug(row.agency_name, row.state.lower(), max_length=130), slugs)
                to_create[key] = Agency(
                    state_id=state_id,
                    county_id=counties[-1],
                    name=row.agency_name,
                    name_key=row.name_key,
                    slug=slug,
                    kind=agency_kind(row.agency_name, row.agency_type),
                )
            pending_rows.append((position, row, key))
            result.agency_ids.append(0)
            continue
        result.agency_ids.append(agency.pk)
        if agency.county_id is None and counties[-1] is not None and row.agency_type != "State Agency":
            agency.county_id = counties[-1]
            updates[agency.pk] = agency
        if row.agency_name != agency.name:
            _record_spelling(agency, row, snapshot, reason, aliases, merges, note)

    Agency.objects.bulk_create(list(to_create.values()))
    result.created = len(to_create)
    for position, row, key in pending_rows:
        agency = to_create[key]
        result.agency_ids[position] = agency.pk
        if row.agency_name != agency.name:
            _record_spelling(agency, row, snapshot, AgencyMerge.Reason.LOOSE_KEY, aliases, merges)
    if updates:
        Agency.objects.bulk_update(list(updates.values()), ["county"])
    AgencyAlias.objects.bulk_create(list(aliases.values()), ignore_conflicts=True)
    AgencyMerge.objects.bulk_create(list(merges.values()), ignore_conflicts=True)
    result.county_ids = counties
    return result


def _record_spelling(
    agency: Agency,
    row: Row,
    snapshot: Snapshot,
    reason: str,
    aliases: dict[tuple[int, str], AgencyAlias],
    merges: dict[tuple[int, str], AgencyMerge],
    note: str = "",
) -> None:
    key = (agency.pk, row.agency_name)
    if key in merges:
        return
    source = f"ICE {snapshot.kind} list {snapshot.published:%Y-%m-%d}, row {row.row_number}"
    aliases[key] = AgencyAlias(agency=agency, name=row.agency_name, name_key=row.name_key, source=source)
    merges[key] = AgencyMerge(
        agency=agency,
        spelling=row.agency_name,
        reason=reason,
        snapshot=snapshot,
        row_number=row.row_number,
        note=note,
    )


SIMILAR_NOTE = "Importer: name within 2 letters of this agency's, same county. Please review."


def _similar(agencies: list[Agency], state_id: int, county_id: int, key: str) -> Agency | None:
    """The one agency of the same state and county whose loose name is within 2 edits ("Berrian County
    Sheriff's Offic" → "Berrien County Sheriff's Office"); None when there are none or several."""
    if len(key) < 12:
        return None
    near = [
        a
        for a in agencies
        if a.state_id == state_id
        and a.county_id == county_id
        and edit_distance(key, loose_key(a.name), 2) <= 2
    ]
    return near[0] if len(near) == 1 else None


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug
