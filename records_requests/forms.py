from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency
from records_requests.calculator import check_received, find_law
from records_requests.documents import validate_document
from records_requests.letters import LANGUAGES, QUESTIONS
from records_requests.models import RecordsLaw, RecordsRequest, RequestEventKind, RequestStatus, Visibility


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


class RequestCreateForm(forms.Form):
    """A new request. Without a letter, the letter is composed from the questions (see letters.py)."""

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.select_related("state__records_law"), widget=forms.HiddenInput
    )
    title = forms.CharField(label=_("Short title"), max_length=200)
    questions = forms.MultipleChoiceField(
        label=_("What do you want to know?"),
        choices=[(key, question) for key, (question, _en, _es) in QUESTIONS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_records = forms.CharField(
        label=_("Other records"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    language = forms.ChoiceField(label=_("Language of the letter"), choices=LANGUAGES, initial="en")
    requester_name = forms.CharField(label=_("Your name, to sign the letter"), max_length=200)
    return_address = forms.CharField(
        label=_("Your postal address (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        required=False,
        help_text=_("Printed at the top of follow-up and appeal letters; never shown publicly."),
    )
    letter = forms.CharField(
        label=_("Letter"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text=_("Leave empty and press Preview to have it written for you; edit it as you like."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see this request"),
        choices=Visibility.choices,
        help_text=_("Until you log that you sent it, a request is a draft only you can see."),
    )
    embargo_until = forms.DateField(
        label=_("Private until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sent_on = forms.DateField(
        label=_("Date you sent it (leave empty if not sent yet)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("questions") and not (data.get("other_records") or "").strip():
            raise forms.ValidationError(_("Tick at least one question or describe the records you want."))
        if data.get("visibility") == Visibility.EMBARGOED and not data.get("embargo_until"):
            self.add_error("embargo_until", _("Give the date the embargo ends."))
        sent_on = data.get("sent_on")
        if sent_on and sent_on > timezone.localdate():
            self.add_error("sent_on", _("This date is in the future."))
        return data


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=RequestEventKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    extended_to = forms.DateField(
        label=_("Extended to (for an extension)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    text = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    document = forms.FileField(
        label=_("Document (PDF, PNG or JPEG, up to 20 MB)"), required=False, validators=[validate_document]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == RequestEventKind.EXTENSION and not data.get("extended_to"):
            self.add_error("extended_to", _("An extension needs the date it extends to."))
        if data.get("date") and data["date"] > timezone.localdate():
            self.add_error("date", _("This date is in the future."))
        return data


class RequestListFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *RequestStatus.choices]
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    agency = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Any state")), *state_choices()[1:]]  # type: ignore[attr-defined]


class RequestEditForm(forms.ModelForm):
    """The request's own fields; every change is kept as a RequestRevision by `request_update`."""

    class Meta:
        model = RecordsRequest
        fields = [
            "title",
            "tracking_number",
            "records_sought",
            "letter",
            "visibility",
            "embargo_until",
            "return_address",
        ]
        widgets = {
            "embargo_until": forms.DateInput(attrs={"type": "date"}),
            "return_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("visibility") == Visibility.EMBARGOED and not data.get("embargo_until"):
            self.add_error("embargo_until", _("Give the date the embargo ends."))
        return data


class LetterSendForm(forms.Form):
    """Email a follow-up or appeal letter from the site; the organizer gets a copy."""

    to = forms.EmailField(
        label=_("Send to"),
        help_text=_("The agency's records address, or the appeal body's. You get a copy."),
    )
