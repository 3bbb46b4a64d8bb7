from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import AgreementQuerySet, AgreementStatus, SupportModel
from jurisdictions.models import State


class AgreementFilterForm(forms.Form):
    state = forms.ModelChoiceField(
        State.objects.for_directory(), required=False, to_field_name="postal", empty_label=_("All states"),
        label=_("State"),
    )  # fmt: skip
    model = forms.ChoiceField(
        choices=[("", _("All models")), *SupportModel.choices], required=False, label=_("Model")
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *AgreementStatus.choices], required=False, label=_("Status")
    )
    signed_after = forms.DateField(
        required=False, label=_("Signed on or after"), widget=forms.DateInput(attrs={"type": "date"})
    )
    signed_before = forms.DateField(
        required=False, label=_("Signed on or before"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def filter(self, agreements: AgreementQuerySet) -> AgreementQuerySet:
        """Apply the valid filters; call after is_valid()."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("state"):
            agreements = agreements.filter(agency__state=data["state"])
        if data.get("model"):
            agreements = agreements.filter(model=data["model"])
        if data.get("status"):
            agreements = agreements.filter(status=data["status"])
        if data.get("signed_after"):
            agreements = agreements.filter(signed__gte=data["signed_after"])
        if data.get("signed_before"):
            agreements = agreements.filter(signed__lte=data["signed_before"])
        return agreements
