"""API throttles beyond DRF's anonymous one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.throttling import UserRateThrottle

if TYPE_CHECKING:  # rest_framework.views imports this module through the settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class SignedInRateThrottle(UserRateThrottle):
    """Per-account rate for signed-in API users (`API_USER_RATE`); anonymous clients are left to
    AnonRateThrottle, so they are not counted twice. Counted in the cache: it fails open without Redis."""

    scope = "signed_in"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
