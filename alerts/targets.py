"""What can be followed: one agency, one county or one state, looked up from the same URL parts as its page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from alerts.models import Event, EventQuerySet, Subscription
from jurisdictions.models import Agency, County, State


@dataclass(frozen=True)
class Target:
    obj: Agency | County | State

    @classmethod
    def from_url(cls, *, slug: str = "", state: str = "", county: str = "") -> Target:
        """One query; raises Http404 for an unknown agency, county or state."""
        if slug:
            return cls(get_object_or_404(Agency.objects.select_related("state"), slug=slug))
        if county:
            return cls(
                get_object_or_404(County.objects.select_related("state"), state__slug=state, slug=county)
            )
        return cls(get_object_or_404(State, slug=state))

    @classmethod
    def of(cls, subscription: Subscription) -> Target:
        """Uses the subscription's agency, county or state: a query unless loaded."""
        obj = subscription.agency or subscription.county or subscription.state
        assert obj is not None
        return cls(obj)

    @property
    def kind(self) -> str:
        if isinstance(self.obj, Agency):
            return "agency"
        return "county" if isinstance(self.obj, County) else "state"

    @property
    def name(self) -> str:
        """Agencies and counties are named with their state (reads `state`: loaded by `from_url`)."""
        if isinstance(self.obj, State):
            return self.obj.name
        return f"{self.obj.name}, {self.obj.state.name}"

    def fields(self) -> dict[str, Agency | County | State]:
        """Keyword arguments selecting this target on `Subscription`."""
        return {self.kind: self.obj}

    def events(self) -> EventQuerySet:
        if isinstance(self.obj, Agency):
            return Event.objects.for_agency(self.obj)
        if isinstance(self.obj, County):
            return Event.objects.for_county(self.obj)
        return Event.objects.for_state(self.obj)

    def url_kwargs(self) -> dict[str, str]:
        """Reads the county's `state` (no query when loaded)."""
        if isinstance(self.obj, Agency):
            return {"slug": self.obj.slug}
        if isinstance(self.obj, County):
            return {"state": self.obj.state.slug, "county": self.obj.slug}
        return {"state": self.obj.slug}

    def subscribe_url(self) -> str:
        return reverse(f"alerts:subscribe_{self.kind}", kwargs=self.url_kwargs())

    def feed_url(self) -> str:
        return reverse(f"alerts:feed_{self.kind}", kwargs=self.url_kwargs())

    def page_url(self) -> str:
        return self.obj.get_absolute_url()


def matches(subscription: Subscription, event: Event) -> bool:
    """The same rule as `Target.events()`, in Python. Reads the subscription's `agency` or `county`."""
    if subscription.agency is not None:
        return event.agency_id == subscription.agency_id or (
            event.agency_id is None and event.state_id == subscription.agency.state_id
        )
    if subscription.county is not None:
        return event.county_id == subscription.county_id or (
            event.statewide and event.state_id == subscription.county.state_id
        )
    return event.state_id == subscription.state_id


def subscriptions_possibly_matching(events: list[Event]) -> Q:
    """A filter on `Subscription` narrowing to those some of `events` may concern."""
    agencies = {e.agency_id for e in events if e.agency_id}
    counties = {e.county_id for e in events if e.county_id}
    states = {e.state_id for e in events}
    statewide = {e.state_id for e in events if e.statewide}
    unplaced = {e.state_id for e in events if e.agency_id is None}
    return (
        Q(agency__in=agencies)
        | Q(agency__state__in=unplaced)
        | Q(county__in=counties)
        | Q(county__state__in=statewide)
        | Q(state__in=states)
    )
