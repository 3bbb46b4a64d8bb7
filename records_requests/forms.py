from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from records_requests.calculator import check_received, find_law
from records_requests.models import RecordsLaw


def state_choices() -> list[tuple[str, Any]]:
    """(postal, name) for every state with a law on file (one query)."""
    laws = RecordsLaw.objects.select_related("state").order_by("state__name")
    return [("", _("Choose a state"))] + [(law.state.postal, law.state.name) for law in laws]


class DeadlineForm(forms.Form):
    state = forms.ChoiceField(label=_("State"))
    received = forms.DateField(
        label=_("Date the agency received the request"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("That day is not counted."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = state_choices()  # type: ignore[attr-defined]

    def clean_state(self) -> RecordsLaw:
        try:
            return find_law(self.cleaned_data["state"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean_received(self) -> date:
        try:
            return check_received(self.cleaned_data["received"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
