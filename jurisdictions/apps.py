from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JurisdictionsConfig(AppConfig):
    name = "jurisdictions"
    verbose_name = _("Jurisdictions")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from core.data_version import install_after_migrate

        post_migrate.connect(install_after_migrate, dispatch_uid="directory-data-version")
