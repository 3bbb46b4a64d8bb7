"""Forms for MOA documents: the public search box, and the editors' upload and review forms (admin)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, SupportModel
from documents.extract import looks_like_pdf
from documents.fetch import MAX_BYTES
from documents.models import DocumentKind, MoaDocument

MAX_QUERY_LENGTH = 200


class DocumentSearchForm(forms.Form):
    q = forms.CharField(
        label=_('Words or a "quoted phrase"'),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def terms(self) -> str:
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""


class DocumentUploadForm(forms.ModelForm):
    """An editor's upload: checked for size and, by its first bytes, for being a PDF (the name is not trusted)."""

    upload = forms.FileField(label=_("PDF file"), help_text=_("At most 25 MB."))
    source_url = forms.URLField(label=_("source URL"), max_length=500, required=False, assume_scheme="https")
    password = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput,
        help_text=_("Only for an encrypted PDF that does not open without one; it is not stored."),
    )

    class Meta:
        model = MoaDocument
        fields = ["agreement", "kind", "source_url"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agreement = self.fields["agreement"]
        assert isinstance(agreement, forms.ModelChoiceField)
        agreement.queryset = Agreement.objects.select_related("agency__state")
        self.fields["kind"].initial = DocumentKind.MOA

    def clean_upload(self) -> bytes:
        upload = self.cleaned_data["upload"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(max)d MB."), params={"max": MAX_BYTES // (1024 * 1024)}
            )
        content: bytes = upload.read()
        if not looks_like_pdf(content):
            raise ValidationError(_("This file is not a PDF."))
        self.upload_name = upload.name or ""
        return content


class ContactsField(forms.JSONField):
    """The contacts list as JSON; each contact must be an object with the known keys only."""

    KEYS = {"name", "title", "organization", "phones", "emails", "address", "section"}

    def clean(self, value: Any) -> Any:
        contacts = super().clean(value)
        if contacts in (None, ""):
            return []
        if not isinstance(contacts, list) or not all(isinstance(c, dict) for c in contacts):
            raise ValidationError(_("Enter a list of contacts, each a JSON object."))
        for contact in contacts:
            unknown = set(contact) - self.KEYS
            if unknown:
                raise ValidationError(
                    _("Unknown keys: %(keys)s."), params={"keys": ", ".join(sorted(unknown))}
                )
        return contacts

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, str):
            return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class DocumentReviewForm(forms.ModelForm):
    """An editor confirms or corrects the extracted signing date, model and contacts."""

    extracted_model = forms.ChoiceField(
        label=_("287(g) model"), choices=[("", "—"), *SupportModel.choices], required=False
    )
    extracted_contacts = ContactsField(
        label=_("Agency points of contact"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
    )

    class Meta:
        model = MoaDocument
        fields = ["agreement", "agency", "kind", "extracted_signed", "extracted_model", "extracted_contacts"]
