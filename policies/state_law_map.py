"""The national state-law map: one shape per state (51, not 3,000 counties), coloured by its posture on
287(g) agreements or on detainer holds, each linking to its state page. The table beside it says the same.

Drawn from the state outlines in the county-map shapes (`jurisdictions.shapes.load_shapes`, read once per
process). Same accessibility pattern as the county map: a named group, one `<a>` per state whose `<title>`
is its accessible name and tooltip.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from django.utils.safestring import SafeString, mark_safe

from jurisdictions.shapes import load_shapes


def render_state_map(
    *,
    fills: Mapping[str, str],
    links: Mapping[str, str],
    labels: Mapping[str, str],
    title: str,
    description: str,
) -> SafeString:
    """An inline `<svg>` of the states. `fills` maps postal codes to a `Posture` value (class `p-<value>`)."""
    shapes = load_shapes()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {shapes.width} {shapes.height}" role="group" '
        'aria-labelledby="state-map-title" aria-describedby="state-map-desc" class="county-map-svg state-map-svg" '
        'preserveAspectRatio="xMidYMid meet">'
        f'<title id="state-map-title">{escape(title)}</title><desc id="state-map-desc">{escape(description)}</desc>'
        '<g class="states">'
    ]
    for postal, state in sorted(shapes.states.items()):
        css = f' class="p-{escape(fills[postal])}"' if postal in fills else ""
        label = escape(labels.get(postal, state.name))
        url = links.get(postal)
        if url:
            parts.append(
                f'<a href="{escape(url)}"><title>{label}</title><path{css} d="{state.outline}"/></a>'
            )
        else:
            parts.append(f'<path{css} d="{state.outline}"><title>{label}</title></path>')
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # every value from outside is escaped above
