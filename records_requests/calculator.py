"""The public deadline calculator: validate a state and a date, run the engine, describe the answer.

Shared by the API (`api/views.py`) and the HTML page (`views.py`), so both give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records_requests.deadlines import (
    BUSINESS_DAYS,
    FOLLOW_UP_BUSINESS_DAYS,
    Clock,
    Deadline,
    compute_deadline,
)
from records_requests.models import Confidence, RecordsLaw

# Dates outside this window are typos, not requests (and would make the holiday tables enormous).
MIN_YEAR = 1967
YEARS_AHEAD = 5


def find_law(postal: str) -> RecordsLaw:
    """The law of the state with this postal code (one query). Raises ValueError with a message to show."""
    code = (postal or "").strip().upper()
    if not code:
        raise ValueError(_("Choose a state (a two-letter postal code such as NV)."))
    law = RecordsLaw.objects.select_related("state").filter(state__postal=code).first()
    if law is None:
        raise ValueError(
            _("No public-records law is on file for “%(code)s”: use one of the 50 states or DC.")
            % {"code": code[:10]}
        )
    return law


def check_received(received: date, today: date | None = None) -> date:
    """Refuse absurd years. Raises ValueError with a message to show."""
    today = today or timezone.localdate()
    if not MIN_YEAR <= received.year <= today.year + YEARS_AHEAD:
        raise ValueError(
            _("Enter a date between %(low)s and %(high)s.")
            % {"low": MIN_YEAR, "high": today.year + YEARS_AHEAD}
        )
    return received


@dataclass(frozen=True)
class Calculation:
    law: RecordsLaw
    deadline: Deadline
    today: date

    @property
    def days_elapsed(self) -> int:
        return self.deadline.days_elapsed(self.today)

    @property
    def show_caveat(self) -> bool:
        return self.law.confidence != Confidence.HIGH


def calculate(
    law: RecordsLaw, received: date, today: date | None = None, acknowledged: date | None = None
) -> Calculation:
    """Run the engine. With `acknowledged`, a second clock that counts from it starts that day."""
    today = today or timezone.localdate()
    deadline = compute_deadline(law.terms(), received, acknowledged=acknowledged, today=today)
    return Calculation(law=law, deadline=deadline, today=today)


def _clock_payload(clock: Clock | None) -> dict[str, Any] | None:
    if clock is None:
        return None
    return {
        "due": clock.due,
        "days": clock.days,
        "unit": clock.unit,
        "counts_from": clock.counts_from,
        "projected": clock.projected,
        "skipped": [{"date": d.date, "name": d.name} for d in clock.skipped],
    }


def _extension_payload(law: RecordsLaw, deadline: Deadline) -> dict[str, Any] | None:
    if not law.extension_rule and law.extension_days is None:
        return None
    return {
        "days": law.extension_days,
        "unit": law.extension_unit or None,
        "counts_from": law.extension_from or None,
        "citation": law.extension_citation or None,
        "rule": law.extension_rule,
        "due": deadline.extension_due,
    }


def _follow_up_payload(law: RecordsLaw, deadline: Deadline) -> dict[str, Any] | None:
    if deadline.has_deadline:
        return None
    return {
        "date": deadline.suggested_follow_up,
        "days": law.follow_up_days or FOLLOW_UP_BUSINESS_DAYS,
        "unit": law.follow_up_unit or BUSINESS_DAYS,
        "counts_from": deadline.received,
        "rule": law.follow_up_rule
        or "No number in the statute; 10 business days is this site's suggestion, not the law.",
    }


def calculation_payload(calc: Calculation) -> dict[str, Any]:
    """The API's answer, field for field (see `api/serializers.py`)."""
    law, deadline = calc.law, calc.deadline
    second = None
    if law.followon_deadline or deadline.second is not None:
        second = {
            "text": law.followon_deadline,
            "days": law.followon_days,
            "unit": law.followon_unit or None,
            "counts_from": law.followon_from or None,
            "clock": _clock_payload(deadline.second),
        }
    return {
        "state": law.state.postal,
        "state_name": law.state.name,
        "received": deadline.received,
        "due": deadline.due,
        "unit": law.initial_unit,
        "days": law.initial_days,
        "requires": law.initial_requires,
        "law": law.law_name,
        "citation": law.citation,
        "confidence": law.confidence,
        "caveats": law.caveats if calc.show_caveat else None,
        "skipped": [{"date": d.date, "name": d.name} for d in deadline.skipped],
        "second_clock": second,
        "no_deadline_reason": deadline.reason or None,
        "days_elapsed": calc.days_elapsed,
        "suggested_follow_up": deadline.suggested_follow_up,
        "nonresidents_may_request": law.nonresidents_may_request,
        "sources": law.source_urls,
        "primary_sources": law.primary_sources,
        "last_day": {
            "rule": law.last_day_rule,
            "citation": law.last_day_citation or None,
            "note": law.last_day_note or None,
        },
        "extension_due": deadline.extension_due,
        "extension": _extension_payload(law, deadline),
        "follow_up": _follow_up_payload(law, deadline),
        "deemed_denied_on": deadline.deemed_denied_on,
        "deemed_denial": (
            {"citation": law.deemed_denial_citation, "rule": law.deemed_denial_rule}
            if law.deemed_denial_citation
            else None
        ),
        "acknowledged": deadline.acknowledged,
        "acknowledged_late": deadline.acknowledged_late,
        "appeal_steps": law.appeal_steps,
    }
