from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")
    default_auto_field = "django.db.models.BigAutoField"

    def load_reference_data(self) -> str:
        """Create the seed agencies, sources and policies that are missing (about 40 queries).

        Never overwrites: a policy an editor has changed, unpublished or replaced is left alone.
        """
        from policies.seeds import seeds_load

        return seeds_load()
