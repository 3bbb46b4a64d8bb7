"""`{% place_state_laws state %}`: the state laws in force today that bear on a county, town or ZIP code."""

from __future__ import annotations

from django import template
from django.utils import timezone

from jurisdictions.models import State
from policies.sections import StateLaws, state_laws_of
from policies.state_law_answers import state_postures

register = template.Library()


@register.inclusion_tag("policies/includes/_place_state_laws.html")
def place_state_laws(state: State) -> dict[str, object]:
    """One query: the laws of the place's state in force today, for a county, town or ZIP-code page."""
    all_laws = state_laws_of(state.pk)
    return {
        "state": state,
        "laws": StateLaws.split(all_laws),
        # No posture where the research has no row at all (the territories): unknown, not "neither".
        "postures": state_postures(all_laws, timezone.localdate()) if all_laws else [],
    }
