from django import template

from alerts.targets import Target
from jurisdictions.models import Agency, County, State

register = template.Library()


@register.inclusion_tag("alerts/includes/_subscribe_form.html", takes_context=True)
def subscribe_form(context: template.Context, obj: Agency | County | State) -> dict[str, object]:
    """The email form and feed link for an agency, county or state page. No query when the page loaded
    the county's or agency's `state` (the jurisdiction views do)."""
    return {"target": Target(obj), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("alerts/includes/_feed_link.html")
def alerts_feed_link(obj: Agency | County | State) -> dict[str, object]:
    """A <link rel="alternate"> to the place's Atom feed, for the page's head block."""
    return {"target": Target(obj)}
