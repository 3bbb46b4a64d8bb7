"""What policies adds to the states of the jurisdictions API: a link to their laws on cooperation with ICE.
Registered from `PoliciesConfig.ready()` (see `jurisdictions/extensions.py`)."""

from django.utils.translation import gettext_lazy as _

from core.api.fields import FilteredListURLField
from jurisdictions.extensions import ExtraField, add_field
from jurisdictions.models import State


def register() -> None:
    add_field(
        State,
        ExtraField(
            "state_laws_url",
            lambda: FilteredListURLField(
                "api:state-law-list", "state", "postal", help_text=_("Its laws on cooperation with ICE.")
            ),
            after="agencies_url",
        ),
    )
