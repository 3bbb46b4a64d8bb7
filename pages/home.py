"""What the home page shows, assembled in a fixed number of queries whatever the number of agreements:
the date of ICE's latest list, national counts, the chart over time, and each state's agreements and law."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from django.db.models import Count, Q
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from agreements.chart import active_over_time
from agreements.models import Agreement, AgreementStatus, Snapshot, SnapshotKind, SupportModel
from jurisdictions.models import State
from jurisdictions.shapes import load_shapes
from pages.map import STATE_SPRITE, MapStatus, render_state_map
from policies.models import StateLaw, StateLawTopic
from policies.state_law_answers import state_postures

IN_FORCE = (AgreementStatus.ACTIVE, AgreementStatus.MISSING)
# What policies.state_law_answers.state_postures reads of a law (tests/pages/test_home.py counts queries).
POSTURE_FIELDS = ("state_id", "topic", "effect", "applies_to", "effective", "ended", "confidence")


class StateRow(NamedTuple):
    name: str
    postal: str
    url: str
    in_force: int
    pending: int
    status: str  # a MapStatus value
    status_label: str
    law: str  # the state's law on 287(g) agreements, in words ("" where none has been researched)
    has_shape: bool


def counts_by_state() -> dict[int, dict[str, int]]:
    """One query over the agreements, grouped by state (~56 rows): in force, active (on the latest list),
    pending, active by model, agencies with an active agreement, and every agreement."""
    active = Q(status=AgreementStatus.ACTIVE)
    rows = (
        Agreement.objects.order_by()
        .values("agency__state_id")
        .annotate(
            in_force=Count("pk", filter=Q(status__in=IN_FORCE)),
            total=Count("pk", filter=active),
            agencies=Count("agency_id", filter=active, distinct=True),
            pending=Count("pk", filter=Q(status=AgreementStatus.PENDING)),
            listed=Count("pk"),
            **{code: Count("pk", filter=Q(active, model=code)) for code in SupportModel.values},
        )
    )
    return {row.pop("agency__state_id"): row for row in rows}


def national_counts(by_state: dict[int, dict[str, int]]) -> dict[str, int]:
    """The nation's counts, added up from `counts_by_state` (an agency is in one state, so its agencies
    add up too)."""
    names = ("total", "agencies", "pending", *SupportModel.values)
    return {name: sum(counts[name] for counts in by_state.values()) for name in names}


def latest_list_date() -> dt.date | None:
    """One query: the publication date of ICE's latest accepted participating list."""
    return (
        Snapshot.objects.accepted()
        .filter(kind=SnapshotKind.PARTICIPATING)
        .order_by("-published")
        .values_list("published", flat=True)
        .first()
    )


def _laws_287g() -> dict[int, str]:
    """One query: each state's law on 287(g) agreements today, in words (states with no research absent)."""
    laws: dict[int, list[StateLaw]] = defaultdict(list)
    # Only what the posture reads: a StateLaw loaded whole snapshots every tracked field for its history
    # (StateLaw.from_db), which was a third of the home page's time.
    for law in StateLaw.objects.order_by("pk").only(*POSTURE_FIELDS):
        laws[law.state_id].append(law)
    today = timezone.localdate()
    return {
        state_id: next(
            p.label for p in state_postures(state_laws, today) if p.topic == StateLawTopic.AGREEMENTS_287G
        )
        for state_id, state_laws in laws.items()
    }


def state_rows(by_state: dict[int, dict[str, int]]) -> list[StateRow]:
    """Two queries: the states, every state law."""
    laws = _laws_287g()
    shapes = load_shapes().states
    labels = {status.value: str(status.label) for status in MapStatus}
    url_pattern = reverse("pages:state", kwargs={"state": "STATE-SLUG"})
    rows = []
    for pk, name, postal, slug in State.objects.for_directory().values_list("pk", "name", "postal", "slug"):
        counts = by_state.get(pk)
        in_force, pending = (counts["in_force"], counts["pending"]) if counts else (0, 0)
        if in_force:
            status = MapStatus.ACTIVE
        elif pending:
            status = MapStatus.PENDING
        elif counts:
            status = MapStatus.ENDED
        else:
            status = MapStatus.NONE
        rows.append(
            StateRow(
                name=name,
                postal=postal,
                url=url_pattern.replace("STATE-SLUG", slug),
                in_force=in_force,
                pending=pending,
                status=status.value,
                status_label=labels[status.value],
                law=laws.get(pk, ""),
                has_shape=postal in shapes,
            )
        )
    return rows


def state_map(rows: list[StateRow]) -> SafeString:
    # Translated once for the 56 states.
    counts_text = gettext("%(state)s: %(in_force)s agreements in force, %(pending)s pending")
    state_law = gettext("State law")

    def label(row: StateRow) -> str:
        text = counts_text % {"state": row.name, "in_force": row.in_force, "pending": row.pending}
        return f"{text}. {state_law}: {row.law}" if row.law else text

    return render_state_map(
        sprite_url=static(STATE_SPRITE),
        fills={row.postal: row.status for row in rows},
        links={row.postal: row.url for row in rows},
        labels={row.postal: label(row) for row in rows},
        title=gettext("287(g) agreements by state"),
        description=gettext(
            "Each state is shaded by its 287(g) agreements and links to its page, with its counties. "
            "The table below gives the same facts."
        ),
    )


def home_context() -> dict[str, object]:
    """Queries: 5 whatever the number of agreements: counts by state, the states, state laws, the latest
    list, the chart (1 more when its cache is cold)."""
    by_state = counts_by_state()
    counts = national_counts(by_state)
    rows = state_rows(by_state)
    return {
        "latest_list": latest_list_date(),
        "counts": counts,
        "by_model": [(code, label, counts[code]) for code, label in SupportModel.choices],
        "chart": active_over_time(),
        "state_rows": rows,
        "state_map_svg": state_map(rows),
        "state_map_legend": [
            (status.value, str(status.label)) for status in MapStatus if status != MapStatus.UNKNOWN
        ],
    }
