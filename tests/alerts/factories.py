"""Subscriptions and events made directly, for tests that are not about how they are made."""

from __future__ import annotations

import datetime as dt
from itertools import count
from typing import Any

from django.utils import timezone

from alerts.models import AlertKind, Event, Subscription
from alerts.targets import Target
from jurisdictions.models import Agency, County, State

_seq = count(1)


def subscribe(
    obj: Agency | County | State,
    email: str = "ana@example.org",
    *,
    language: str = "en",
    confirmed: bool = True,
) -> Subscription:
    """A subscription confirmed an hour ago (so events recorded now are due)."""
    target = Target(obj)
    return Subscription.objects.create(
        email=email,
        language=language,
        confirmed_at=timezone.now() - dt.timedelta(hours=1) if confirmed else None,
        confirm_nonce="" if confirmed else "nonce",
        **target.fields(),
    )


def event(
    agency: Agency | None = None,
    *,
    state: State | None = None,
    kind: str = AlertKind.AGREEMENT_ADDED,
    **fields: Any,
) -> Event:
    """An agreement event of `agency` (or a state-wide policy event of `state`), recorded now."""
    n = next(_seq)
    if agency is not None:
        place: dict[str, Any] = {
            "agency": agency,
            "state_id": agency.state_id,
            "county_id": agency.county_id,
            "subject": agency.name,
        }
    else:
        assert state is not None
        place = {"state": state, "statewide": True, "subject": state.name}
    details = {"model": "TFM", "signed": "2025-01-02"}
    if kind in {AlertKind.POLICY_PUBLISHED, AlertKind.POLICY_CHANGED}:
        details = {
            "topic": "detainers",
            "answer": "honors_all",
            "summary_en": "Honors every detainer.",
            "summary_es": "Cumple todas.",
        }
    values = {
        "key": f"test:{n}",
        "kind": kind,
        "details": details,
        "occurred_on": dt.date(2025, 1, 9),
        **place,
    }
    values.update(fields)
    return Event.objects.create(**values)
