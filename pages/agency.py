"""An agency's page, assembled in one place: every query the page pays for is here, in order.

Queries (anonymous visitor, an agency with agreements): the agency with its state, county, place, aliases,
counties and units (1), and its parent when it is a unit (1); ICE's latest list (1); its agreements (1);
its policies and the state's, with their sources (2); its state's laws (1); its documents (1); its
requests and their record (2).
The answer box and the sections below it share the same rows: nothing is loaded twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.shortcuts import get_object_or_404
from django.urls import reverse

from agreements.models import Snapshot
from agreements.sections import agency_agreements
from documents.sections import agency_documents
from jurisdictions.models import Agency, AgencyAlias, County
from pages.answer import ANSWER_TOPICS, answer_for_agency
from policies.models import Policy
from policies.sections import agency_policies, state_laws_of
from records_requests.sections import agency_requests


def latest_list() -> Snapshot | None:
    """One query: ICE's newest accepted participating list, the date every answer is given as of."""
    return Snapshot.objects.public().filter(kind="participating").first()


def agency_page(slug: str, *, user: Any, today: dt.date) -> dict[str, Any]:
    """The agency page's whole context (Http404 for an unknown slug)."""
    # Aliases, counties and units come as JSON arrays in the agency's own row (three queries fewer).
    agency = get_object_or_404(
        Agency.objects.for_directory().annotate(
            alias_rows=ArraySubquery(
                AgencyAlias.objects.filter(agency=OuterRef("pk"))
                .order_by("pk")
                .values(json=JSONObject(name="name", source="source"))
            ),
            county_rows=ArraySubquery(
                County.objects.filter(agencies_served=OuterRef("pk"))
                .order_by("name")
                .values(json=JSONObject(name="name", slug="slug", state="state__slug"))
            ),
            unit_rows=ArraySubquery(
                Agency.objects.filter(parent=OuterRef("pk"))
                .order_by("name", "pk")
                .values(json=JSONObject(name="name", slug="slug"))
            ),
        ),
        slug=slug,
    )
    # The parent is loaded only for units of state agencies: joining it cost every other page ~1.3 ms.
    if agency.parent_id is not None:
        agency.parent = Agency.objects.only("name", "slug").get(pk=agency.parent_id)
    agreements = agency_agreements(agency)
    # What `pages.directory.with_summary` adds to agencies in lists, here from the rows just loaded.
    agency.models_in_force = agreements["models_in_force"]  # type: ignore[attr-defined]
    agency.pending_agreements = agreements["pending_agreements"]  # type: ignore[attr-defined]
    latest = latest_list()
    policies = list(Policy.objects.for_agency(agency))
    laws = state_laws_of(agency.state_id)
    answer = answer_for_agency(
        agency,
        policies=[p for p in policies if p.agency_id == agency.pk and p.topic in ANSWER_TOPICS],
        laws=laws,
        list_date=latest.published if latest else None,
        list_url=latest.get_absolute_url() if latest else "",
        today=today,
    )
    return {
        "agency": agency,
        "aliases": agency.alias_rows,  # type: ignore[attr-defined]
        "counties": [
            {
                "name": c["name"],
                "url": reverse("pages:county", kwargs={"state": c["state"], "county": c["slug"]}),
            }
            for c in agency.county_rows  # type: ignore[attr-defined]
        ],
        "units": [Agency(name=u["name"], slug=u["slug"]) for u in agency.unit_rows],  # type: ignore[attr-defined]
        "answer": answer,
        **agreements,
        **agency_policies(agency, policies=policies, laws=laws),
        **agency_documents(agency),
        **agency_requests(agency, user=user, today=today),
    }
