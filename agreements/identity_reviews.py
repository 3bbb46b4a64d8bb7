"""An editor's answer to an identity question: merge an agency into another, or keep it apart."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils import timezone

from agreements.history import history_recompute
from agreements.models import AgencyMerge, AgencyReview
from jurisdictions.models import Agency, AgencyAlias


class MergeRefused(ValueError):
    """The two agencies cannot be one (another state), or it is the same agency."""


@transaction.atomic
def agency_merge(*, source: Agency, target: Agency, user: Any = None, note: str = "") -> Agency:
    """File everything of `source` (ICE listings, agreements, aliases, policies, requests, subscriptions…)
    under `target`, keep `source`'s name as an alias of `target`, delete `source`, and recompute
    `target`'s agreement history. Every reference to an agency is moved, whatever app holds it.
    """
    if source.pk == target.pk:
        raise MergeRefused("an agency cannot be merged into itself")
    if source.state_id != target.state_id:
        raise MergeRefused("agencies of different states are never one agency")
    taken = set(AgencyAlias.objects.filter(agency=target).values_list("name", flat=True))
    AgencyAlias.objects.filter(agency=source, name__in=taken | {target.name}).delete()
    spelled = set(AgencyMerge.objects.filter(agency=target).values_list("spelling", flat=True))
    AgencyMerge.objects.filter(agency=source, spelling__in=spelled).delete()
    now = timezone.now()
    AgencyReview.objects.filter(agency=source, status=AgencyReview.Status.OPEN).update(
        status=AgencyReview.Status.MERGED, merged_into=target, decided_by=user, decided_at=now
    )
    # every foreign key to Agency, hidden ones ("+") included
    for relation in Agency._meta._get_fields(forward=False, reverse=True, include_hidden=True):
        if not isinstance(relation, models.ManyToOneRel) or not isinstance(relation.field, models.ForeignKey):
            continue
        manager = relation.field.model._base_manager
        manager.filter(**{relation.field.name: source}).update(**{relation.field.name: target})
    if source.name not in taken and source.name != target.name:
        AgencyAlias.objects.create(agency=target, name=source.name, source="merged by an editor")
    AgencyMerge.objects.get_or_create(
        agency=target,
        spelling=source.name,
        defaults={"reason": AgencyMerge.Reason.EDITOR, "note": note},
    )
    for county_id in source.counties.values_list("pk", flat=True):
        target.counties.add(county_id)
    source.delete()
    history_recompute(agency_ids=[target.pk])
    return target


def review_keep_separate(*, review: AgencyReview, user: Any = None) -> None:
    AgencyReview.objects.filter(pk=review.pk).update(
        status=AgencyReview.Status.SEPARATE, decided_by=user, decided_at=timezone.now()
    )
