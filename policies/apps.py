from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from policies import jurisdiction_extensions

        jurisdiction_extensions.register()

    def load_reference_data(self) -> str:
        """Create the seed agencies, sources and policies that are missing (about 40 queries), then load
        the state laws shipped in `data/state_laws.json` (see `policies.state_law_data`).

        Never overwrites: a policy an editor has changed, unpublished or replaced is left alone; a state
        law is only rewritten when its entry in the data file changed.
        """
        from policies.seeds import seeds_load
        from policies.state_law_data import state_laws_load

        return f"{seeds_load()}; {state_laws_load()}"
