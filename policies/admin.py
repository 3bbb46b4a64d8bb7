"""Editors curate policies here. Review step: only users with `policies.publish_policy` publish.

Editors without it write drafts and cannot change a published policy; publishers review and publish. A
published policy needs a source: the citation formset checks it, because inline citations are saved after
the policy itself (so the policy's own `clean()` cannot see them).
"""

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from policies.models import (
    Citation,
    Policy,
    PolicyRevision,
    PolicyStatus,
    Source,
    StateLaw,
    StateLawRevision,
)

PUBLISH_PERMISSION = "policies.publish_policy"


class CitationInlineFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        if self.instance.status != PolicyStatus.PUBLISHED:
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("source") and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(_("A published policy needs at least one source."), code="no_source")


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitationInlineFormSet
    autocomplete_fields = ["source"]
    fields = ["source", "quote", "locator"]
    extra = 1


class PolicyRevisionInline(admin.TabularInline):
    """A record's history, read-only (policies and state laws keep the same kind of revision)."""

    model = PolicyRevision
    fields = readonly_fields = ("created_at", "user", "action", "changes_display", "comment")
    extra = 0
    can_delete = False
    ordering = ["-created_at", "-pk"]
    verbose_name_plural = _("History (read-only)")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("changes"))
    def changes_display(self, revision: PolicyRevision | StateLawRevision) -> str:
        return format_html("<pre>{}</pre>", json.dumps(revision.changes, ensure_ascii=False, indent=1))


class PolicyAdminForm(forms.ModelForm):
    class Meta:
        model = Policy
        fields = [
            "agency",
            "state",
            "topic",
            "answer",
            "status",
            "summary_en",
            "summary_es",
            "effective_date",
            "last_verified",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.sources_checked_by_form = True


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    form = PolicyAdminForm
    list_display = ["__str__", "answer", "status", "last_verified", "updated_at", "updated_by"]
    list_filter = ["status", "topic", ("state", admin.RelatedOnlyFieldListFilter), "agency__state"]
    search_fields = ["agency__name", "state__name", "summary_en"]
    list_select_related = ["agency__state", "state", "updated_by"]
    autocomplete_fields = ["agency", "state"]
    inlines = [CitationInline, PolicyRevisionInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["agency", "state", "topic", "answer", "status"]}),
        (_("Summary"), {"fields": ["summary_en", "summary_es"]}),
        (_("Dates"), {"fields": ["effective_date", "last_verified"]}),
    ]

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_change_permission(self, request: HttpRequest, obj: Policy | None = None) -> bool:
        if (
            obj is not None
            and obj.status == PolicyStatus.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Policy | None = None) -> list[str]:
        return [] if self.has_publish_permission(request) else ["status"]

    def save_model(self, request: HttpRequest, obj: Policy, form: forms.ModelForm, change: bool) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        obj._citations_before = _citations_of(obj) if change else []  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        policy: Policy = form.instance
        before = getattr(policy, "_citations_before", [])
        after = _citations_of(policy)
        if before != after:
            PolicyRevision.record(
                policy=policy,
                action=PolicyRevision.Action.CITATIONS,
                changes={"citations": [before, after]},
                user_id=request.user.pk,
            )

    def delete_model(self, request: HttpRequest, obj: Policy) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        obj.delete()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Policy]) -> None:
        # One by one, so that each deletion is recorded in the history.
        with transaction.atomic():
            for policy in queryset.select_related("agency", "state"):
                self.delete_model(request, policy)

    @admin.action(description=_("Publish the selected policies"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Policy]) -> None:
        published, refused = 0, []
        for policy in queryset.exclude(status=PolicyStatus.PUBLISHED).select_related("agency", "state"):
            policy.status = PolicyStatus.PUBLISHED
            try:
                policy.full_clean()
            except ValidationError as error:
                refused.append(f"{policy}: {' '.join(error.messages)}")
                continue
            policy.updated_by = request.user  # type: ignore[assignment]
            policy.revision_comment = "Published with the admin action"
            policy.save()
            published += 1
        self.message_user(
            request, _("%(count)d policies published.") % {"count": published}, messages.SUCCESS
        )
        for line in refused:
            self.message_user(request, _("Not published: %(reason)s") % {"reason": line}, messages.ERROR)

    @admin.action(description=_("Unpublish the selected policies (back to draft)"), permissions=["publish"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Policy]) -> None:
        count = 0
        for policy in queryset.filter(status=PolicyStatus.PUBLISHED).select_related("agency", "state"):
            policy.status = PolicyStatus.DRAFT
            policy.updated_by = request.user  # type: ignore[assignment]
            policy.revision_comment = "Unpublished with the admin action"
            policy.save()
            count += 1
        self.message_user(request, _("%(count)d policies unpublished.") % {"count": count}, messages.SUCCESS)


def _citations_of(policy: Policy) -> list[dict[str, object]]:
    """One query: the policy's citations as a revision records them."""
    return [
        c.as_history() for c in Citation.objects.filter(policy=policy).select_related("source").order_by("pk")
    ]


class CitedByInline(admin.TabularInline):
    model = Citation
    fields = readonly_fields = ("policy", "quote", "locator")
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = _("Cited by")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Citation]:
        return super().get_queryset(request).select_related("policy__agency__state", "policy__state")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "published_precision", "url", "reference"]
    list_filter = ["published_precision"]
    search_fields = ["title", "publisher", "url", "reference"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "published_on"
    inlines = [CitedByInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(PolicyRevision)
class PolicyRevisionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "action", "user", "comment"]
    list_filter = ["action"]
    search_fields = ["subject", "comment"]
    list_select_related = ["user"]
    readonly_fields = ["policy", "policy_pk", "subject", "action", "changes", "user", "comment", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StateLawRevisionInline(PolicyRevisionInline):
    model = StateLawRevision  # type: ignore[assignment]


@admin.register(StateLaw)
class StateLawAdmin(admin.ModelAdmin):
    """Editors correct and add state laws; every save is recorded in the read-only history below the form.

    Rows loaded from `policies/data/state_laws.json` (with a key) keep an editor's correction until that
    row changes in the data file; rows added here have no key and the loader never touches them.
    """

    list_display = [
        "name",
        "state",
        "topic",
        "effect",
        "applies_to",
        "effective",
        "ended",
        "confidence",
        "checked",
    ]
    list_filter = [
        "topic",
        "effect",
        "applies_to",
        "confidence",
        "kind",
        ("state", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "citation", "summary_en", "state__name", "state__postal"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
    readonly_fields = ["key", "created_at", "updated_at", "updated_by"]
    inlines = [StateLawRevisionInline]
    date_hierarchy = "effective"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["state", "name", "citation", "kind", "topic", "effect", "applies_to"]}),
        (_("Dates"), {"fields": ["effective", "effective_precision", "ended", "checked"]}),
        (_("Summary"), {"fields": ["summary_en", "summary_es", "status_note"]}),
        (_("Sources"), {"fields": ["source_url", "source_2_url", "confidence"]}),
        (_("Record"), {"fields": ["key", "created_at", "updated_at", "updated_by"]}),
    ]

    def save_model(self, request: HttpRequest, obj: StateLaw, form: forms.ModelForm, change: bool) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        obj.revision_comment = "Edited in the admin" if change else "Added in the admin"
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: StateLaw) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        obj.delete()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[StateLaw]) -> None:
        # One by one, so that each deletion is recorded in the history.
        with transaction.atomic():
            for law in queryset.select_related("state"):
                self.delete_model(request, law)


@admin.register(StateLawRevision)
class StateLawRevisionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "action", "user", "comment"]
    list_filter = ["action"]
    search_fields = ["subject", "comment"]
    list_select_related = ["user"]
    readonly_fields = ["law", "law_pk", "subject", "action", "changes", "user", "comment", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
