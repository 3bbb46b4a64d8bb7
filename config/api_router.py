"""The site's one API router. Each app registers its viewsets in `<app>/api/views.py`."""

from rest_framework.routers import DefaultRouter

from agreements.api.views import register as register_agreements
from jurisdictions.api.views import register as register_jurisdictions
from records_requests.api.views import register as register_records_requests

router = DefaultRouter()
register_jurisdictions(router)
register_agreements(router)
register_records_requests(router)

app_name = "api"
urlpatterns = router.urls
