"""Active agreements over time, from snapshot history, as data for a server-drawn SVG chart and its table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.utils.safestring import SafeString, mark_safe

from agreements.models import Listing, Snapshot, SnapshotKind, SupportModel

WIDTH, HEIGHT, PAD = 640, 220, 40


@dataclass
class Point:
    published: dt.date
    counts: dict[str, int]  # model → agreements listed

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Chart:
    points: list[Point]
    lines: list[tuple[str, str, str]]  # (model code, label, SVG points)
    y_max: int
    width: int = WIDTH
    height: int = HEIGHT

    def table_rows(self) -> SafeString:
        """The table equivalent's rows (one per list, ~200 at national scale), joined here rather than by a
        template loop: a tenth of the time, and this table is most of the home page's template work."""
        codes = [code for code, _label in SupportModel.choices]
        return mark_safe(  # dates and integers only
            "".join(
                f'<tr><th scope="row">{p.published:%Y-%m-%d}</th>'
                + "".join(f"<td>{int(p.counts.get(code, 0))}</td>" for code in codes)
                + f"<td>{int(p.total)}</td></tr>"
                for p in self.points
            )
        )


def active_over_time() -> Chart | None:
    """Agreements per model on each accepted participating list. Queries: 1, plus 1 grouped count over all
    listings when the cache (keyed by the latest snapshot) is cold."""
    latest = (
        Snapshot.objects.accepted()
        .filter(kind=SnapshotKind.PARTICIPATING)
        .order_by("-pk")
        .values("pk")
        .first()
    )
    if latest is None:
        return None
    key = f"agreements:active-over-time:{latest['pk']}"
    points: list[Point] | None = cache.get(key)
    if points is None:
        rows = (
            Listing.objects.filter(snapshot__status="accepted", snapshot__kind=SnapshotKind.PARTICIPATING)
            .values("snapshot__published", "snapshot__part_order", "snapshot_id", "model")
            .annotate(n=Count("agreement", distinct=True))
            .order_by("snapshot__published", "snapshot__part_order", "snapshot_id")
        )
        by_snapshot: dict[int, Point] = {}
        for row in rows:
            point = by_snapshot.setdefault(row["snapshot_id"], Point(row["snapshot__published"], {}))
            point.counts[row["model"]] = row["n"]
        points = list(by_snapshot.values())
        cache.set(key, points, 3600)
    return _draw(points) if points else None  # lists accepted but none of their rows kept: no line to draw


def _draw(points: list[Point]) -> Chart:
    y_max = max((p.total for p in points), default=0) or 1
    first, last = points[0].published, points[-1].published
    span = max((last - first).days, 1)

    def xy(day: dt.date, value: int) -> str:
        x = PAD + (WIDTH - 2 * PAD) * ((day - first).days / span if len(points) > 1 else 0.5)
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / y_max
        return f"{x:.1f},{y:.1f}"

    lines = [("all", "", " ".join(xy(p.published, p.total) for p in points))]
    for code, label in SupportModel.choices:
        lines.append((code, str(label), " ".join(xy(p.published, p.counts.get(code, 0)) for p in points)))
    return Chart(points=points, lines=lines, y_max=y_max)
