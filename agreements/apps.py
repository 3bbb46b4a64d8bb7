from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("287(g) agreements")

    def ready(self) -> None:
        from agreements import jurisdiction_extensions

        jurisdiction_extensions.register()
