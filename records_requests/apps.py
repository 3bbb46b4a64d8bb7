from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsRequestsConfig(AppConfig):
    name = "records_requests"
    verbose_name = _("Open-records requests")
