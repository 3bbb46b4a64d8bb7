"""Admin for MOA documents: upload (checked by content and size) and the review of extracted fields."""

from __future__ import annotations

import hashlib
import json
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.forms import DocumentReviewForm, DocumentUploadForm
from documents.models import MoaDocument, MoaFetch, ReviewStatus
from documents.services import document_extract, document_review, document_store

REVIEW_FIELDS = ("extracted_signed", "extracted_model", "extracted_contacts")
DOCUMENT_FIELDS = (
    "agreement",
    "agency",
    "kind",
    "file",
    "file_name",
    "source_url",
    "sha256",
    "size",
    "page_count",
    "encrypted",
    "extraction_status",
    "extraction_error",
    "uploaded_by",
    "fetched_at",
)
READONLY_ON_CHANGE = (
    "evidence",
    "review_status",
    "reviewed_by",
    "reviewed_at",
    *(f for f in DOCUMENT_FIELDS if f not in {"agreement", "agency", "kind"}),
)


class MoaFetchInline(admin.TabularInline):
    model = MoaFetch
    fields = readonly_fields = ("attempted_at", "url", "status", "error")
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(MoaDocument)
class MoaDocumentAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "agency",
        "extracted_model",
        "extracted_signed",
        "extraction_status",
        "review_status",
        "fetched_at",
    ]
    list_filter = ["review_status", "extraction_status", "extracted_model", "kind"]
    search_fields = ["file_name", "sha256", "source_url", "agency__name"]
    list_select_related = ["agency"]
    raw_id_fields = ["agreement", "agency"]
    inlines = [MoaFetchInline]
    actions = ["confirm_extracted", "extract_again"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[MoaDocument]:
        return super().get_queryset(request).defer("text", "search_vector")

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs["form"] = DocumentReviewForm if obj else DocumentUploadForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [(None, {"fields": ["upload", "password", "agreement", "kind", "source_url"]})]
        return [
            (_("Review what was read from the PDF"), {"fields": [*REVIEW_FIELDS, "evidence"]}),
            (_("Review"), {"fields": ["review_status", "reviewed_by", "reviewed_at"]}),
            (_("Document"), {"fields": list(DOCUMENT_FIELDS)}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return READONLY_ON_CHANGE if obj else ()

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        return self.inlines if obj else []

    @admin.display(description=_("Evidence"))
    def evidence(self, obj: MoaDocument) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.extraction_notes, indent=2, ensure_ascii=False))

    def save_form(self, request: HttpRequest, form: ModelForm, change: bool) -> Any:
        if change:
            return form.save(commit=False)
        data = form.cleaned_data
        content: bytes = data["upload"]
        if MoaDocument.objects.filter(sha256=hashlib.sha256(content).hexdigest()).exists():
            self.message_user(request, _("This file was already stored; here it is."), messages.WARNING)
        return document_store(
            content=content,
            source_url=data.get("source_url") or "",
            agreement=data.get("agreement"),
            uploaded_by=cast(User, request.user),
            file_name=getattr(form, "upload_name", ""),
            kind=data.get("kind") or "moa",
            password=data.get("password") or "",
        )

    def save_model(self, request: HttpRequest, obj: MoaDocument, form: ModelForm, change: bool) -> None:
        if not change:
            return  # document_store saved it
        # The form has already written the editor's values onto obj; compare with what is stored.
        stored = MoaDocument.objects.listed().get(pk=obj.pk)
        stored.agreement, stored.agency, stored.kind = obj.agreement, obj.agency, obj.kind
        stored.save(update_fields=["agreement", "agency", "kind"])
        data = form.cleaned_data
        document_review(
            document=stored,
            reviewer=cast(User, request.user),
            signed=data["extracted_signed"],
            model=data["extracted_model"] or "",
            contacts=data["extracted_contacts"] or [],
        )

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool) -> None:
        if change:
            super().save_related(request, form, formsets, change)

    @admin.action(description=_("Confirm the extracted fields of the selected documents"))
    def confirm_extracted(self, request: HttpRequest, queryset: QuerySet[MoaDocument]) -> None:
        count = 0
        for document in queryset.filter(review_status=ReviewStatus.UNREVIEWED):
            document_review(
                document=document,
                reviewer=cast(User, request.user),
                signed=document.extracted_signed,
                model=document.extracted_model,
                contacts=document.extracted_contacts,
            )
            count += 1
        self.message_user(request, _("%(count)d documents confirmed.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Extract the text again (keeps reviewed fields)"))
    def extract_again(self, request: HttpRequest, queryset: QuerySet[MoaDocument]) -> None:
        for document in queryset:
            document_extract(document=document)
        self.message_user(request, _("Text extracted again."), messages.SUCCESS)


@admin.register(MoaFetch)
class MoaFetchAdmin(admin.ModelAdmin):
    list_display = ["url", "agreement", "kind", "status", "error", "attempted_at"]
    list_filter = ["status", "kind"]
    search_fields = ["url", "error"]
    list_select_related = ["agreement__agency"]
    readonly_fields = ["agreement", "url", "kind", "status", "error", "document", "attempted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
