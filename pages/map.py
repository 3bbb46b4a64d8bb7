"""The US county map: an inline SVG drawn on the server from the committed shapes, one link per county.

The shapes (`data/us_counties_albers.json`, built by `scripts/build_county_map.py` from `us-atlas@3.0.1`)
are read once per process and kept; rendering the whole country is string joining, a few milliseconds.

Accessibility: the `<svg>` is a named group (not `role="img"`, which would hide the links inside it from
assistive technology); every linked county is an `<a href>` (keyboard-focusable) named by the `<title>`
child that SVG-AAM maps to its accessible name and browsers show as a tooltip (an `aria-label` as well
would make screen readers read the name twice, the title then becoming the description), and the page pairs the map with a table of the same facts (`includes/_county_map_table.html`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING, NamedTuple

from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jurisdictions.shapes import load_shapes, padded_view_box

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from jurisdictions.models import County


class MapStatus(models.TextChoices):
    """A county's 287(g) status on the map; the CSS class of its shape is `s-<value>`."""

    ACTIVE = "active", _("287(g) agreement in force")
    PENDING = "pending", _("287(g) agreement pending")
    ENDED = "ended", _("287(g) agreement ended")
    NONE = "none", _("No 287(g) agreement listed")
    UNKNOWN = "unknown", _("Not known")


# The strongest agreement status in a county wins (ICE's own statuses, see agreements.AgreementStatus).
_AGREEMENT_TO_MAP = {
    "active": MapStatus.ACTIVE,
    "missing": MapStatus.ACTIVE,  # missing from the latest list but not ended: still what residents live with
    "pending": MapStatus.PENDING,
    "superseded": MapStatus.ENDED,
    "ended": MapStatus.ENDED,
}
_RANK = {MapStatus.ACTIVE: 3, MapStatus.PENDING: 2, MapStatus.ENDED: 1}


def county_statuses(pairs: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Map (county FIPS, agreement status) pairs to each county's map status; unlisted counties are absent.

    Feed it `Agreement.objects.values_list("agency__county__fips", "status")`; rows without a county
    (statewide agencies) are skipped.
    """
    result: dict[str, MapStatus] = {}
    for fips, agreement_status in pairs:
        status = _AGREEMENT_TO_MAP.get(agreement_status)
        if not fips or status is None:
            continue
        if fips not in result or _RANK[status] > _RANK[result[fips]]:
            result[fips] = status
    return {fips: str(status.value) for fips, status in result.items()}


# `none`, by far the most common, is the fill of the counties group: no class attribute, 3,000 times over.
_CLASS_ATTRIBUTES = {status.value: f' class="s-{status.value}"' for status in MapStatus} | {
    MapStatus.NONE.value: ""
}
_UNKNOWN_CLASS = _CLASS_ATTRIBUTES[MapStatus.UNKNOWN]


def render_county_map(
    *,
    fills: Mapping[str, str],
    links: Mapping[str, str],
    labels: Mapping[str, str],
    title: str,
    description: str = "",
    state_postal: str | None = None,
    map_id: str = "county-map",
) -> SafeString:
    """The map as an inline `<svg>`; empty when there is nothing to draw (a territory, an unknown state).

    `fills` maps FIPS to a `MapStatus` value (absent: `none`; anything else: `unknown`), `links` to a URL,
    `labels` to the county's accessible name and tooltip. FIPS codes the shapes lack are ignored; counties with no link
    are drawn as plain shapes. With `state_postal`, only that state's counties, cropped to fit.
    """
    shapes = load_shapes()
    if state_postal is None:
        counties, outline = shapes.counties, shapes.borders
        view_box = f"0 0 {shapes.width} {shapes.height}"
    else:
        state = shapes.states.get(state_postal.upper())
        if state is None:
            return SafeString("")
        counties, outline, view_box = state.counties, state.outline, padded_view_box(state.bbox)
    mid = escape(map_id)
    described = f' aria-describedby="{mid}-desc"' if description else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" role="group" '
        f'aria-labelledby="{mid}-title"{described} class="county-map-svg" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{mid}-title">{escape(title)}</title>',
        f'<desc id="{mid}-desc">{escape(description)}</desc>' if description else "",
        '<g class="counties s-none">',
    ]
    for fips, d in counties:
        fill = fills.get(fips)
        css = "" if fill is None else _CLASS_ATTRIBUTES.get(fill, _UNKNOWN_CLASS)
        url, label = links.get(fips), labels.get(fips)
        if url:
            name = escape(label or fips)
            parts.append(f'<a href="{escape(url)}"><title>{name}</title><path{css} d="{d}"/></a>')
        elif label:
            parts.append(f'<path{css} d="{d}"><title>{escape(label)}</title></path>')
        else:
            parts.append(f'<path{css} d="{d}"/>')
    parts.append(f'</g><path class="borders" d="{outline}" aria-hidden="true"/></svg>')
    return mark_safe("".join(parts))  # every value from outside is escaped above


class MapRow(NamedTuple):
    fips: str
    name: str
    state_name: str
    status: str
    status_label: str
    url: str


def county_rows_html(rows: Iterable[MapRow]) -> SafeString:
    """The table's rows joined here, not in a template loop: a state has up to 254 counties (Texas), and
    the loop was most of the state page's template time."""
    return mark_safe(  # every value is escaped
        "".join(
            f'<tr><th scope="row"><a href="{escape(row.url)}">{escape(row.name)}</a></th>'
            f'<td>{escape(row.state_name)}</td><td><span class="county-map-swatch s-{escape(row.status)}" '
            f'aria-hidden="true"></span>{escape(row.status_label)}</td></tr>\n'
            for row in rows
        )
    )


def county_map_context(
    *,
    counties: QuerySet[County],
    statuses: Mapping[str, str],
    title: str,
    state_postal: str | None = None,
    table_every_county: bool = True,
) -> dict[str, object]:
    """Everything `includes/_county_map.html` and `_county_map_table.html` need. One query (the counties).

    `statuses` maps FIPS to a `MapStatus` value (see `county_statuses`); absent counties are `none`.
    With `table_every_county=False` the table lists only counties with a status other than `none`
    (the home page: 3,000 rows of "none" say less than one sentence).
    """
    url_pattern = reverse("pages:county", kwargs={"state": "STATE-SLUG", "county": "COUNTY-SLUG"})
    status_labels = {status.value: str(status.label) for status in MapStatus}
    label_pattern = gettext("%(county)s, %(state)s: %(status)s")
    rows, links, labels, fills = [], {}, {}, {}
    for fips, name, slug, state_name, state_slug in counties.order_by("state__name", "name").values_list(
        "fips", "name", "slug", "state__name", "state__slug"
    ):
        status = statuses.get(fips, MapStatus.NONE.value)
        if status not in status_labels:
            status = MapStatus.UNKNOWN.value
        url = url_pattern.replace("STATE-SLUG", state_slug).replace("COUNTY-SLUG", slug)
        fills[fips] = status
        links[fips] = url
        labels[fips] = label_pattern % {"county": name, "state": state_name, "status": status_labels[status]}
        if table_every_county or status != MapStatus.NONE:
            rows.append(MapRow(fips, name, state_name, status, status_labels[status], url))
    svg = render_county_map(
        fills=fills,
        links=links,
        labels=labels,
        title=title,
        description=gettext(
            "Each county is shaded by its 287(g) status and links to its page. The table below lists the same facts."
        ),
        state_postal=state_postal,
    )
    return {
        "county_map_svg": svg,
        "county_map_legend": [(status.value, str(status.label)) for status in MapStatus],
        "county_map_rows": rows,
        "county_map_rows_html": county_rows_html(rows),
        "county_map_table_complete": table_every_county,
    }


# The home page's map: one shape per state, the shapes themselves in a static, fingerprinted SVG sprite
# (static/maps/us-states.svg, built by `state_sprite_svg`). Each state is a `<use>` of its path inside
# an `<a>`: the page carries ~7 KB of links and colours instead of ~65 KB of outlines, and the browser
# caches the 65 KB once for every page that draws the states.
STATE_SPRITE = "maps/us-states.svg"


def state_sprite_svg() -> str:
    """The sprite: one `<path id="<postal>">` per state in the national map's coordinates (so the file
    is itself a map of the states), with no fill of its own: the `<use>` that draws a state sets its fill
    by class, and the `<use>`'s box is the state's own (what a tap or a focus ring needs). Written to
    static/ by `scripts/build_state_sprite.py`; tests check the committed file matches."""
    shapes = load_shapes()
    paths = "".join(
        f'<path id="{postal}" d="{state.outline}"/>\n' for postal, state in sorted(shapes.states.items())
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {shapes.height}">\n{paths}</svg>\n'


def render_state_map(
    *,
    sprite_url: str,
    fills: Mapping[str, str],
    links: Mapping[str, str],
    labels: Mapping[str, str],
    title: str,
    description: str,
    map_id: str = "state-map",
) -> SafeString:
    """The states as an inline `<svg>` of `<use>`s of the sprite at `sprite_url`. `fills` maps a postal
    code to a `MapStatus` value (class `s-<value>`), `links` to a URL, `labels` to its accessible name and
    tooltip (which the table beside the map repeats: nothing is said on hover only)."""
    shapes = load_shapes()
    mid = escape(map_id)
    sprite = escape(sprite_url)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {shapes.height}" role="group" '
        f'aria-labelledby="{mid}-title" aria-describedby="{mid}-desc" class="state-map-svg" '
        'preserveAspectRatio="xMidYMid meet">'
        f'<title id="{mid}-title">{escape(title)}</title><desc id="{mid}-desc">{escape(description)}</desc>'
    ]
    for postal in sorted(shapes.states):
        fill = fills.get(postal, MapStatus.NONE.value)
        css = f"s-{escape(fill)}"
        label = escape(labels.get(postal, shapes.states[postal].name))
        use = f'<use href="{sprite}#{postal}" class="{css}"/>'
        url = links.get(postal)
        if url:
            parts.append(f'<a href="{escape(url)}" data-state="{postal}"><title>{label}</title>{use}</a>')
        else:
            parts.append(f"<g><title>{label}</title>{use}</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every value from outside is escaped above
