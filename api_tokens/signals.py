"""A new password revokes every API token of the account (password change, reset, or an admin's change)."""

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from api_tokens.tokens import tokens_revoke_all


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="api_tokens_revoke_on_password")
def revoke_tokens_on_new_password(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    # set_password() leaves the raw password in `_password` until save() has finished (Django's own
    # hook for password validators), so it tells this save apart from any other save of the user.
    if not created and getattr(instance, "_password", None) is not None:
        tokens_revoke_all(user=instance)
