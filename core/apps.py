from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from core.data_version import install_after_migrate

        post_migrate.connect(install_after_migrate, dispatch_uid="directory-data-version")
