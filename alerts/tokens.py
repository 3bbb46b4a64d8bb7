"""Signed tokens for the links in alert emails (signed with SECRET_KEY: rotating it voids every link)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_MAX_AGE = dt.timedelta(days=7)


class BadToken(Exception):
    """Tampered, truncated or from another salt."""


class ExpiredToken(BadToken):
    pass


@dataclass(frozen=True)
class UnsubscribeRequest:
    subscription_id: int
    everything: bool  # every subscription of the same address, not only this one


def confirm_token(*, subscription_id: int, nonce: str) -> str:
    return signing.dumps([subscription_id, nonce], salt=CONFIRM_SALT)


def confirm_token_read(token: str) -> tuple[int, str]:
    try:
        value = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except signing.BadSignature as exc:
        raise BadToken from exc
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise BadToken
    return value[0], str(value[1])


def unsubscribe_token(*, subscription_id: int, everything: bool = False) -> str:
    """Never expires: an unsubscribe link must keep working in old emails."""
    return signing.dumps([subscription_id, int(everything)], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token: str) -> UnsubscribeRequest:
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as exc:
        raise BadToken from exc
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise BadToken
    return UnsubscribeRequest(subscription_id=value[0], everything=bool(value[1]))
