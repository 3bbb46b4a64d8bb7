from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiTokensConfig(AppConfig):
    name = "api_tokens"
    verbose_name = _("API tokens")

    def ready(self) -> None:
        from api_tokens import signals  # noqa: F401  (connects the receivers)
