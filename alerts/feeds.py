from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from alerts.models import Event
from alerts.targets import Target

FEED_LENGTH = 50


class TargetFeed(Feed):
    """The latest events for an agency, county or state. Queries: 2 (the place, the events with joins)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str = "", state: str = "", county: str = "") -> Target:
        return Target.from_url(slug=slug, state=state, county=county)

    def title(self, obj: Target) -> str:
        return _("%(name)s: 287(g) agreements and policies") % {"name": obj.name}

    def subtitle(self, obj: Target) -> str:
        return _("New and ended 287(g) agreements, agreement documents and policy changes for %(name)s.") % {
            "name": obj.name
        }

    def link(self, obj: Target) -> str:
        return obj.page_url()

    def feed_url(self, obj: Target) -> str:
        return obj.feed_url()

    def items(self, obj: Target) -> list[Event]:
        return list(obj.events().for_feed()[:FEED_LENGTH])

    def item_title(self, item: Event) -> str:
        return item.title()

    def item_description(self, item: Event) -> str:
        return escape(item.description())  # Atom summaries are read as HTML; ours is plain text

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        # A stable id per event: two events (added, then ended) link to the same agreement page.
        host = urlparse(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2025:alerts/{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Event) -> dt.datetime:
        return item.created_at

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.created_at

    def item_categories(self, item: Event) -> list[str]:
        return [str(item.get_kind_display())]
