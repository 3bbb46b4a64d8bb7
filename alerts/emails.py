"""The two emails: the confirmation and the digest. Both carry RFC 8058 one-click unsubscribe headers."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from alerts.models import Event, Subscription
from alerts.targets import Target
from alerts.tokens import confirm_token, unsubscribe_token


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(subscription: Subscription, *, everything: bool = False) -> str:
    """In the active language."""
    token = unsubscribe_token(subscription_id=subscription.pk, everything=everything)
    return absolute(reverse("alerts:unsubscribe", kwargs={"token": token}))


def _headers(one_click_url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{one_click_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def confirmation_message(subscription: Subscription, target: Target) -> EmailMessage:
    with translation.override(subscription.language):
        token = confirm_token(subscription_id=subscription.pk, nonce=subscription.confirm_nonce)
        cancel = unsubscribe_url(subscription)
        context = {
            "target": target,
            "target_url": absolute(target.page_url()),
            "confirm_url": absolute(reverse("alerts:confirm", kwargs={"token": token})),
            "unsubscribe_url": cancel,
        }
        subject = gettext("Confirm your alerts for %(target)s") % {"target": target.name}
        body = render_to_string("alerts/email/confirm.txt", context)
    return EmailMessage(subject, body, None, [subscription.email], headers=_headers(cancel))


@dataclass
class DigestSection:
    subscription: Subscription
    target: Target
    events: list[Event]


def digest_message(*, email: str, language: str, sections: list[DigestSection]) -> EmailMessage:
    """Links and text in `language`. The header unsubscribes the address from everything."""
    first = sections[0].subscription
    with translation.override(language):
        everything = unsubscribe_url(first, everything=True)
        lines = [
            {
                "target": section.target,
                "target_url": absolute(section.target.page_url()),
                "unsubscribe_url": unsubscribe_url(section.subscription),
                "events": [(event, absolute(event.get_absolute_url())) for event in section.events],
            }
            for section in sections
        ]
        count = sum(len(section.events) for section in sections)
        names = ", ".join(section.target.name for section in sections if section.events)
        subject = ngettext("%(count)d update: %(names)s", "%(count)d updates: %(names)s", count) % {
            "count": count,
            "names": names,
        }
        body = render_to_string(
            "alerts/email/digest.txt", {"sections": lines, "unsubscribe_all_url": everything}
        )
    return EmailMessage(subject[:200], body, None, [email], headers=_headers(everything))
