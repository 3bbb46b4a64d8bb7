"""Organizers' API tokens (django-rest-knox): only a SHA-512 digest and the first 15 characters are stored;
the token itself is shown once, when it is made."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils import timezone
from knox.models import AuthToken

MAX_DAYS = 365


def default_days() -> int:
    """Days a new token lives when its owner does not say; 0 means it never expires."""
    return int(settings.API_TOKEN_TTL_DAYS)


def token_create(*, user: AbstractBaseUser, days: int | None = None) -> tuple[AuthToken, str]:
    """A new token for `user`, expiring after `days` (the default when None; never when 0).
    Returns the row and the token text, which is not stored anywhere."""
    days = default_days() if days is None else days
    ttl = dt.timedelta(days=days) if days else None
    return AuthToken.objects.create(user=user, expiry=ttl)


def tokens_of(user: AbstractBaseUser) -> QuerySet[AuthToken]:
    """The account's tokens that still work, newest first. One query when evaluated."""
    return (
        AuthToken.objects.filter(user=user)
        .filter(Q(expiry__isnull=True) | Q(expiry__gt=timezone.now()))
        .order_by("-created")
    )


def token_revoke(*, user: AbstractBaseUser, token_key: str) -> int:
    """Revoke the account's token(s) starting with `token_key`; returns how many (0: none of its own)."""
    deleted, _ = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return deleted


def tokens_revoke_all(*, user: AbstractBaseUser) -> int:
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted
