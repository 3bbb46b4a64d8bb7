from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The public site's directory pages: home, search, state, county and agency. The top layer: it reads
    every app below it and no app imports it."""

    name = "pages"
    verbose_name = _("Directory pages")
