from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.changes import snapshot_changes
from agreements.models import Snapshot

FEED_LENGTH = 20


class ChangesFeed(Feed):
    """One entry per accepted ICE list, summarizing what it changed. Queries: 1 + up to 4 per entry."""

    feed_type = Atom1Feed
    title = gettext_lazy("Changes to ICE's 287(g) lists")
    subtitle = gettext_lazy("Agreements added, dropped, ended and signed, list by list.")
    link = reverse_lazy("agreements:changes_latest")

    def items(self) -> list[Snapshot]:
        return list(Snapshot.objects.public()[:FEED_LENGTH])

    def item_title(self, item: Snapshot) -> str:
        return str(item)

    def item_description(self, item: Snapshot) -> str:
        found = snapshot_changes(item)
        if found.newly_pending:
            return _("%(count)d agencies newly pending.") % {"count": len(found.newly_pending)}
        return _(
            "%(added)d added (%(signed)d moved from pending to signed), %(dropped)d dropped, %(ended)d ended."
        ) % {
            "added": len(found.added),
            "signed": len(found.from_pending),
            "dropped": len(found.dropped),
            "ended": len(found.ended),
        }

    def item_link(self, item: Snapshot) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Snapshot) -> datetime:
        return item.imported_at

    def item_updateddate(self, item: Snapshot) -> datetime:
        return item.imported_at
