"""Generated directory data at the scale of DESIGN.md "Quality bars": agencies, agreements, ICE history.

Reference data (states, counties, places, ZIP codes, records laws and the national agency roster) is the
real one, loaded by `load_reference_data`; everything else here is invented but shaped like the real thing:
records contacts, a 287(g) program that grows over 200 lists published Monday, Wednesday and Friday,
agreements that renew, go missing and end. No real ICE row is ever used.

Agencies and agreements go in with `bulk_create` (tens of thousands of rows, so model defaults apply);
listings, the bulk of the rows, are built inside PostgreSQL by one INSERT … SELECT.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

from agreements.models import Agreement, AgreementStatus, Snapshot, SnapshotKind, SnapshotStatus
from bench.bulk import bulk_load
from jurisdictions.models import Agency, AgencyAlias, AgencyKind
from jurisdictions.names import normalize_name

AGENCIES = 20_000  # more than the roster holds: every roster agency at full scale
AGREEMENTS = 5_000
SNAPSHOTS = 200
LAST_PUBLISHED = dt.date(2026, 11, 20)
MODELS = ["TFM", "WSO", "JEM"]
MODEL_WEIGHTS = [48, 36, 16]
MODEL_NAMES = {"JEM": "Jail Enforcement Model", "TFM": "Task Force Model", "WSO": "Warrant Service Officer"}
ICE_TYPE = {
    AgencyKind.SHERIFF: "County",
    AgencyKind.CORRECTIONS: "County",
    AgencyKind.MUNICIPAL_POLICE: "Municipality",
    AgencyKind.STATE_AGENCY: "State Agency",
    AgencyKind.STATE_POLICE: "State Agency",
    AgencyKind.COUNTY_POLICE: "County",
    AgencyKind.CAMPUS: "Municipality",
    AgencyKind.TRIBAL: "Municipality",
    AgencyKind.OTHER: "Municipality",
}


@dataclass
class Span:
    """An agreement's run on the participating lists, as snapshot positions (inclusive)."""

    agreement: Agreement
    first: int
    last: int


def scaled(count: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def publication_dates(count: int = SNAPSHOTS, last: dt.date = LAST_PUBLISHED) -> list[dt.date]:
    """`count` Mondays, Wednesdays and Fridays ending on `last`, oldest first."""
    days: list[dt.date] = []
    day = last
    while len(days) < count:
        if day.weekday() in (0, 2, 4):
            days.append(day)
        day -= dt.timedelta(days=1)
    return days[::-1]


def agencies_generate(*, scale: float, rng: random.Random) -> list[Agency]:
    """The real national roster (the FBI agency list, loaded by `load_reference_data`: ~18,500 agencies
    with their real names, kinds, counties and towns), with invented records-request contacts and aliases.
    Below full scale, a sample of it signs the agreements; the whole roster stays in the database."""
    agencies = list(Agency.objects.order_by("pk"))
    for agency in agencies:
        domain = agency.slug.replace("-", "")[:40]
        agency.website = f"https://www.{domain}.gov/" if rng.random() < 0.7 else ""
        agency.records_email = f"records@{domain}.gov" if rng.random() < 0.6 else ""
        agency.records_portal_url = f"https://{domain}.nextrequest.com/" if rng.random() < 0.2 else ""
        agency.records_postal_address = "Custodian of Records\n100 Main Street" if rng.random() < 0.5 else ""
    Agency.objects.bulk_update(
        agencies,
        ["website", "records_email", "records_portal_url", "records_postal_address"],
        batch_size=2000,
    )
    aliases = [
        AgencyAlias(
            agency=a,
            name=a.name.upper().replace("'", "’"),
            name_key=normalize_name(a.name.upper()) + " ",
            source="generated",
        )
        for a in agencies
        if rng.random() < 0.1
    ]
    AgencyAlias.objects.bulk_create(aliases, batch_size=2000, ignore_conflicts=True)
    total = scaled(AGENCIES, scale, 20)
    return agencies if total >= len(agencies) else rng.sample(agencies, total)


def _pool(agencies: list[Agency], rng: random.Random) -> list[Agency]:
    """Agencies that sign agreements: mostly sheriffs, then municipal police, a few state agencies."""
    by_kind: dict[str, list[Agency]] = defaultdict(list)
    for agency in agencies:
        by_kind[agency.kind].append(agency)
    pool: list[Agency] = []
    for kind, share in ((AgencyKind.SHERIFF, 0.7), (AgencyKind.MUNICIPAL_POLICE, 0.12)):
        pool += rng.sample(by_kind[kind], round(len(by_kind[kind]) * share))
    state_level = by_kind[AgencyKind.STATE_AGENCY] + by_kind[AgencyKind.STATE_POLICE]
    pool += state_level[: max(1, len(state_level) // 30)]
    pool += rng.sample(by_kind[AgencyKind.CORRECTIONS], len(by_kind[AgencyKind.CORRECTIONS]) // 10)
    rng.shuffle(pool)
    return pool


def _span(rng: random.Random, first: int, last_index: int) -> int:
    roll = rng.random()
    if roll < 0.72 or first >= last_index - 6:
        return last_index
    if roll < 0.8:
        return last_index - rng.randint(1, 2)
    return rng.randint(first + 3, last_index - 3)


def agreements_generate(
    *, agencies: list[Agency], scale: float, rng: random.Random
) -> tuple[list[Snapshot], list[Span]]:
    """200 participating lists, one pending list, and the agreements seen on them (with renewals)."""
    goal = scaled(AGREEMENTS, scale, 10)
    days = publication_dates()
    last_index = len(days) - 1
    snapshots = Snapshot.objects.bulk_create(
        [
            Snapshot(
                kind=SnapshotKind.PARTICIPATING,
                published=day,
                published_part="am",
                file_name=f"participatingAgencies{day:%m%d%Y}am.xlsx",
                sha256=hashlib.sha256(f"bench participating {day}".encode()).hexdigest(),
                status=SnapshotStatus.ACCEPTED,
            )
            for day in days
        ]
        + [
            Snapshot(
                kind=SnapshotKind.PENDING,
                published=days[-1],
                published_part="am",
                file_name=f"pendingAgencies{days[-1]:%m%d%Y}am.xlsx",
                sha256=hashlib.sha256(f"bench pending {days[-1]}".encode()).hexdigest(),
                status=SnapshotStatus.ACCEPTED,
            )
        ]
    )
    pool = _pool(agencies, rng)
    plans: list[tuple[Agreement, int, int]] = []
    renewals: list[tuple[int, int]] = []  # (old plan index, new plan index)
    pending: list[Agreement] = []
    position = 0
    while len(plans) + len(pending) < goal:
        agency = pool[position % len(pool)]
        position += 1
        k = rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
        for model in rng.sample(MODELS, k) if k < 3 else MODELS:
            if rng.random() < 0.04:
                pending.append(
                    Agreement(
                        agency=agency,
                        model=model,
                        status=AgreementStatus.PENDING,
                        pending_since=days[-1] - dt.timedelta(days=rng.randint(3, 120)),
                    )
                )
                continue
            first = 0 if rng.random() < 0.15 else min(last_index, int(last_index * rng.random() ** 0.6))
            while True:
                last = _span(rng, first, last_index)
                plans.append((_agreement(agency, model, days, first, last, rng), first, last))
                if last >= last_index - 3 or rng.random() > 0.4:
                    break
                renewals.append((len(plans) - 1, len(plans)))
                first = min(last_index, last + rng.randint(1, 4))
    Agreement.objects.bulk_create([p[0] for p in plans] + pending, batch_size=2000)
    for old, new in renewals:
        plans[old][0].status = AgreementStatus.SUPERSEDED
        plans[old][0].superseded_by = plans[new][0]
    for agreement, _first, last in plans:
        if last < last_index:
            agreement.first_missing_snapshot = snapshots[last + 1]
            agreement.missing_count = min(last_index - last, 3)
    Agreement.objects.bulk_update(
        [p[0] for p in plans],
        ["status", "superseded_by", "first_missing_snapshot", "missing_count"],
        batch_size=2000,
    )
    spans = [Span(agreement, first, last) for agreement, first, last in plans]
    _listings_insert(snapshots, spans, pending)
    return snapshots, spans


def _agreement(
    agency: Agency, model: str, days: list[dt.date], first: int, last: int, rng: random.Random
) -> Agreement:
    last_index = len(days) - 1
    if first == 0:
        signed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, (days[0] - dt.date(2019, 1, 1)).days))
    else:
        signed = days[first] - dt.timedelta(days=rng.randint(3, 45))
    status = AgreementStatus.ACTIVE
    if last < last_index:
        status = AgreementStatus.MISSING if last >= last_index - 2 else AgreementStatus.ENDED
    moa = ""
    if rng.random() < 0.75:
        moa = f"https://www.ice.gov/doclib/about/offices/ero/287g/moa/{agency.slug}-{model.lower()}-{signed:%Y%m%d}.pdf"
    return Agreement(
        agency=agency,
        model=model,
        signed=signed,
        status=status,
        first_listed=days[first],
        last_listed=days[last],
        moa_url=moa,
        addendum_url=moa.replace("/moa/", "/addendum/") if moa and rng.random() < 0.5 else "",
    )


def _listings_insert(snapshots: list[Snapshot], spans: list[Span], pending: list[Agreement]) -> None:
    """One listing per agreement per list it was on, with a raw row shaped like the importer's."""
    with bulk_load(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(
            "CREATE TEMP TABLE bench_span (agreement_id bigint, first int, last int, pos int) ON COMMIT DROP"
        )
        cursor.execute("CREATE TEMP TABLE bench_snap (idx int, snapshot_id bigint) ON COMMIT DROP")
        # Rows in sheet order (state, agency, model), numbered in a narrow sort before the wide rows are built.
        pending_index = len(snapshots) - 1  # the pending list sits after every participating one
        runs = [(span.agreement, span.first, span.last) for span in spans]
        runs += [(agreement, pending_index, pending_index) for agreement in pending]
        runs.sort(key=lambda run: (run[0].agency.state.name, run[0].agency.name, run[0].model))
        with cursor.copy("COPY bench_span FROM STDIN") as copy:
            for position, (agreement, first, last) in enumerate(runs):
                copy.write_row((agreement.pk, first, last, position))
        with cursor.copy("COPY bench_snap FROM STDIN") as copy:
            for index, snapshot in enumerate(snapshots):
                copy.write_row((index, snapshot.pk))
        type_case = " ".join(f"WHEN '{kind}' THEN '{ice}'" for kind, ice in ICE_TYPE.items())
        model_case = " ".join(f"WHEN '{m}' THEN '{n}'" for m, n in MODEL_NAMES.items())
        cursor.execute(
            f"""
            INSERT INTO agreements_listing (snapshot_id, agreement_id, agency_id, row_number, raw, state_id,
                agency_name, agency_type, county_name, county_id, model, signed, moa_url, addendum_url, problems)
            WITH numbered AS (
                SELECT bs.snapshot_id, sp.agreement_id,
                       1 + row_number() OVER (PARTITION BY bs.snapshot_id ORDER BY sp.pos) AS row_number
                FROM bench_span sp JOIN bench_snap bs ON bs.idx BETWEEN sp.first AND sp.last
            )
            SELECT s.id, a.id, ag.id, n.row_number,
                   jsonb_build_object(
                       'STATE', upper(st.name), 'LAW ENFORCEMENT AGENCY', ag.name,
                       'TYPE', CASE ag.kind {type_case} END,
                       'COUNTY', COALESCE(c.name, '#N/A'),
                       'SUPPORT TYPE', CASE a.model {model_case} END,
                       'SIGNED', a.signed,
                       'MOA', CASE WHEN a.moa_url = '' THEN 'link pending' ELSE 'link' END
                   ) || CASE WHEN a.moa_url = '' THEN '{{}}'::jsonb
                             ELSE jsonb_build_object('MOA_hyperlink', a.moa_url) END,
                   ag.state_id, ag.name, CASE ag.kind {type_case} END, COALESCE(c.name, '#N/A'),
                   ag.county_id, a.model, a.signed,
                   CASE WHEN s.kind = 'pending' THEN '' ELSE a.moa_url END,
                   CASE WHEN s.published >= DATE '2025-07-02' THEN a.addendum_url ELSE '' END,
                   '[]'::jsonb
            FROM numbered n
            JOIN agreements_snapshot s ON s.id = n.snapshot_id
            JOIN agreements_agreement a ON a.id = n.agreement_id
            JOIN jurisdictions_agency ag ON ag.id = a.agency_id
            JOIN jurisdictions_state st ON st.id = ag.state_id
            LEFT JOIN jurisdictions_county c ON c.id = ag.county_id
            """
        )
        cursor.execute(
            """
            UPDATE agreements_snapshot s SET row_count = n.count
            FROM (SELECT snapshot_id, count(*) AS count FROM agreements_listing GROUP BY snapshot_id) n
            WHERE n.snapshot_id = s.id
            """
        )
