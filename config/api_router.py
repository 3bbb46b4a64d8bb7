"""The site's one API router. Each app registers its viewsets in `<app>/api/views.py`."""

from rest_framework.routers import DefaultRouter

from agreements.api.views import register as register_agreements
from config.api_records_requests import RecordsRequestViewSet
from jurisdictions.api.views import register as register_jurisdictions
from records_requests.api.views import register as register_records_requests

router = DefaultRouter()
register_jurisdictions(router)
register_agreements(router)
register_records_requests(router)
if "records-requests" not in {prefix for prefix, _viewset, _basename in router.registry}:
    router.register("records-requests", RecordsRequestViewSet, basename="records-request")

app_name = "api"
urlpatterns = router.urls
