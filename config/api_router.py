"""The site's one API router. Each app registers its viewsets in `<app>/api/views.py`."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from agreements.api.views import register as register_agreements
from core.api.guide import api_guide
from jurisdictions.api.views import register as register_jurisdictions
from policies.api.views import register as register_policies
from records_requests.api.views import register as register_records_requests

router = DefaultRouter()
register_jurisdictions(router)
register_agreements(router)
register_policies(router)
register_records_requests(router)

app_name = "api"
urlpatterns = [path("guide/", api_guide, name="guide"), *router.urls]
