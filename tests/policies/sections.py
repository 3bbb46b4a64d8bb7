"""Render the policy sections as the pages' views do (policies.sections), for tests of their HTML."""

from django.template.loader import render_to_string
from django.utils import translation

from jurisdictions.models import Agency, State
from policies.models import Policy
from policies.sections import agency_policies, state_laws_of, state_policies


def render_agency_policies(agency: Agency, language: str = "en") -> str:
    with translation.override(language):
        section = agency_policies(
            agency, policies=list(Policy.objects.for_agency(agency)), laws=state_laws_of(agency.state_id)
        )
        return render_to_string("policies/includes/_agency_policies.html", {"agency": agency, **section})


def render_state_policies(state: State) -> str:
    return render_to_string("policies/includes/_state_policies.html", state_policies(state))
