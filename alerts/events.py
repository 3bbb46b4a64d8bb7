"""Turn what changed (ICE lists, policy revisions) into `Event` rows. Each event has a stable key, so
collecting the same change twice records it once and nobody is told twice."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from agreements.changes import snapshot_changes
from agreements.models import Agreement, Snapshot, SnapshotStatus
from alerts.models import AlertKind, Checkpoint, Event
from documents.models import MoaDocument
from jurisdictions.models import Agency, AgencyKind
from policies.models import Policy, PolicyRevision, StateLaw, StateLawRevision, StateLawTopic

# ICE lists imported this recently are (re)read on every run: a held list accepted later is still seen.
SNAPSHOT_LOOKBACK = dt.timedelta(days=14)
# MOA documents stored this recently are (re)read on every run: one whose agency is matched later counts.
DOCUMENT_LOOKBACK = dt.timedelta(days=14)
# Revisions younger than this may sit in a transaction not yet committed, behind a higher id already
# visible; waiting keeps the checkpoint from skipping them.
POLICY_SETTLE = dt.timedelta(minutes=5)
# Editing only `last_verified` ("checked again, still true") or the citations is not news.
POLICY_NEWS_FIELDS = {"answer", "summary_en", "summary_es", "effective_date", "status", "topic", "agency_id"}
POLICY_CHECKPOINT = "policy_revisions"
# Re-checking a state law (`checked`) or fixing its Spanish or its second source is not news.
STATE_LAW_NEWS_FIELDS = {
    "name",
    "citation",
    "effective",
    "ended",
    "status_note",
    "topic",
    "effect",
    "applies_to",
    "summary_en",
}
STATE_LAW_CHECKPOINT = "state_law_revisions"


def _place(agency: Agency) -> dict[str, Any]:
    return {
        "agency": agency,
        "state_id": agency.state_id,
        "county_id": agency.county_id,
        "statewide": agency.kind == AgencyKind.STATE_AGENCY,
    }


def _agreement_event(kind: str, key: str, agreement: Agreement, snapshot: Snapshot) -> Event:
    return Event(
        key=key,
        kind=kind,
        agreement=agreement,
        subject=agreement.agency.name[:300],
        details={
            "model": agreement.model,
            "signed": agreement.signed.isoformat() if agreement.signed else None,
            "from_pending": bool(agreement.pending_since) and kind == AlertKind.AGREEMENT_ADDED,
        },
        occurred_on=snapshot.published,
        **_place(agreement.agency),
    )


def _record(events: list[Event]) -> int:
    """Insert the events whose key is new; returns how many. Queries: 2."""
    if not events:
        return 0
    known = set(Event.objects.filter(key__in=[e.key for e in events]).values_list("key", flat=True))
    new = list({e.key: e for e in events if e.key not in known}.values())
    Event.objects.bulk_create(new, ignore_conflicts=True)  # a concurrent run may insert the same keys
    return len(new)


def alerts_for_snapshot(*, snapshot_id: int) -> int:
    """Record the agreements an accepted ICE list added, made pending or ended; returns the new events.

    Queries: the snapshot (1), its changes (≤ 4, see `snapshot_changes`), the insert (2).
    """
    snapshot = Snapshot.objects.get(pk=snapshot_id)
    if snapshot.status != SnapshotStatus.ACCEPTED:
        return 0
    changes = snapshot_changes(snapshot)
    events = [
        *(
            _agreement_event(AlertKind.AGREEMENT_ADDED, f"agreement-added:{a.pk}", a, snapshot)
            for a in changes.added
        ),
        *(
            _agreement_event(AlertKind.AGREEMENT_PENDING, f"agreement-pending:{a.pk}", a, snapshot)
            for a in changes.newly_pending
        ),
        *(
            _agreement_event(AlertKind.AGREEMENT_ENDED, f"agreement-ended:{a.pk}:{snapshot.pk}", a, snapshot)
            for a in changes.ended
        ),
    ]
    return _record(events)


def _policy_news(revisions: list[Mapping[str, Any]]) -> str | None:
    """PUBLISHED if one of these revisions published the policy, CHANGED if one changed what it says."""
    kind = None
    for revision in revisions:
        changes = revision["changes"]
        if changes.get("status", [None, None])[1] == "published":
            return AlertKind.POLICY_PUBLISHED
        if revision["action"] in {PolicyRevision.Action.CREATED, PolicyRevision.Action.CHANGED} and (
            POLICY_NEWS_FIELDS & set(changes)
        ):
            kind = AlertKind.POLICY_CHANGED
    return kind


def _policy_event(policy: Policy, kind: str, last_revision: Mapping[str, Any]) -> Event:
    place: dict[str, Any]
    if policy.agency is not None:
        place, subject = _place(policy.agency), policy.agency.name
    else:
        assert policy.state is not None
        place = {"state_id": policy.state_id, "county_id": None, "agency": None, "statewide": True}
        subject = policy.state.name
    return Event(
        key=f"policy:{policy.pk}:{last_revision['pk']}",
        kind=kind,
        policy=policy,
        subject=subject[:300],
        details={
            "topic": policy.topic,
            "answer": policy.answer,
            "summary_en": policy.summary_en,
            "summary_es": policy.summary_es,
        },
        occurred_on=timezone.localdate(last_revision["created_at"]),
        **place,
    )


def alerts_for_policies(*, until: dt.datetime | None = None) -> int:
    """Record one event per published policy whose revisions since the last scan are news.

    A policy edited then unpublished before the scan is not reported. Locks the checkpoint row, so two
    runs scan in turn. Queries: 6 (checkpoint, revisions, policies, known keys, insert, checkpoint
    update), whatever the number of revisions.
    """
    until = until or timezone.now() - POLICY_SETTLE
    with transaction.atomic():
        checkpoint, _ = Checkpoint.objects.select_for_update().get_or_create(name=POLICY_CHECKPOINT)
        revisions = list(
            PolicyRevision.objects.filter(pk__gt=checkpoint.position, created_at__lte=until)
            .order_by("pk")
            .values("pk", "policy_pk", "action", "changes", "created_at")
        )
        if not revisions:
            return 0
        by_policy: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
        for revision in revisions:
            by_policy[revision["policy_pk"]].append(revision)
        policies = (
            Policy.objects.published().select_related("agency__state", "state").filter(pk__in=by_policy)
        )
        events = [
            _policy_event(policy, kind, by_policy[policy.pk][-1])
            for policy in policies
            if (kind := _policy_news(by_policy[policy.pk]))
        ]
        created = _record(events)
        checkpoint.position = revisions[-1]["pk"]
        checkpoint.save(update_fields=["position", "updated_at"])
    return created


def _state_law_news(revisions: list[Mapping[str, Any]]) -> str | None:
    """ADDED if one of these revisions created the law, CHANGED if one changed what it says."""
    kind = None
    for revision in revisions:
        if revision["action"] == StateLawRevision.Action.CREATED:
            return AlertKind.STATE_LAW_ADDED
        if revision["action"] == StateLawRevision.Action.CHANGED and STATE_LAW_NEWS_FIELDS & set(
            revision["changes"]
        ):
            kind = AlertKind.STATE_LAW_CHANGED
    return kind


def alerts_for_state_laws(*, until: dt.datetime | None = None) -> int:
    """Record one event per state law added or changed since the last scan (not "none found" markers).

    State laws concern the whole state (`statewide`), so followers of the state, its counties and its
    agencies hear of them. Queries: 6, as `alerts_for_policies`.
    """
    until = until or timezone.now() - POLICY_SETTLE
    with transaction.atomic():
        checkpoint, _ = Checkpoint.objects.select_for_update().get_or_create(name=STATE_LAW_CHECKPOINT)
        revisions = list(
            StateLawRevision.objects.filter(pk__gt=checkpoint.position, created_at__lte=until)
            .order_by("pk")
            .values("pk", "law_pk", "action", "changes", "created_at")
        )
        if not revisions:
            return 0
        by_law: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
        for revision in revisions:
            by_law[revision["law_pk"]].append(revision)
        laws = (
            StateLaw.objects.select_related("state")
            .filter(pk__in=by_law)
            .exclude(topic=StateLawTopic.NONE_FOUND)
        )
        events = []
        for law in laws:
            kind = _state_law_news(by_law[law.pk])
            if kind is None:
                continue
            last = by_law[law.pk][-1]
            events.append(
                Event(
                    key=f"state-law:{law.pk}:{last['pk']}",
                    kind=kind,
                    state_id=law.state_id,
                    statewide=True,
                    subject=law.state.name[:300],
                    details={
                        "state_law_id": law.pk,
                        "name": law.name,
                        "citation": law.citation,
                        "topic": law.topic,
                        "effect": law.effect,
                        "ended": law.ended.isoformat() if law.ended else None,
                        "summary_en": law.summary_en,
                        "summary_es": law.summary_es,
                    },
                    occurred_on=timezone.localdate(last["created_at"]),
                )
            )
        created = _record(events)
        checkpoint.position = revisions[-1]["pk"]
        checkpoint.save(update_fields=["position", "updated_at"])
    return created


def alerts_for_documents(*, now: dt.datetime | None = None) -> int:
    """Record each MOA or addendum stored in the last two weeks whose agency is known; returns new events.

    Queries: 3 (documents with agency and agreement, known keys, insert), whatever their number.
    """
    now = now or timezone.now()
    documents = (
        MoaDocument.objects.listed()
        .filter(fetched_at__gte=now - DOCUMENT_LOOKBACK, agency__isnull=False)
        .select_related("agency", "agreement")
        .order_by("pk")
    )
    events = []
    for document in documents:
        assert document.agency is not None
        agreement = document.agreement
        signed = document.extracted_signed or (agreement.signed if agreement else None)
        events.append(
            Event(
                key=f"moa:{document.pk}",
                kind=AlertKind.MOA_POSTED,
                agreement=agreement,
                subject=document.agency.name[:300],
                details={
                    "document_id": document.pk,
                    "document_kind": document.kind,
                    "model": agreement.model if agreement else document.extracted_model,
                    "signed": signed.isoformat() if signed else None,
                },
                occurred_on=timezone.localdate(document.fetched_at),
                **_place(document.agency),
            )
        )
    return _record(events)


def events_collect(*, now: dt.datetime | None = None) -> int:
    """Everything new since the last run: recent ICE lists, MOA documents, policy and state-law revisions.

    Returns the number of new events. Queries: 1 + about 6 per ICE list imported in the last two weeks,
    3 for documents, 6 for policies, 6 for state laws.
    """
    now = now or timezone.now()
    created = 0
    recent = Snapshot.objects.accepted().filter(imported_at__gte=now - SNAPSHOT_LOOKBACK).in_order()
    for snapshot_id in recent.values_list("pk", flat=True):
        created += alerts_for_snapshot(snapshot_id=snapshot_id)
    created += alerts_for_documents(now=now)
    created += alerts_for_policies(until=now - POLICY_SETTLE)
    created += alerts_for_state_laws(until=now - POLICY_SETTLE)
    return created
