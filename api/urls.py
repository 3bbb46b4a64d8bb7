"""Everything under /api/v1/, in one place: each app's viewsets on the site's router, then the endpoints that
are not viewsets. The views live in `<app>/api/`; shared plumbing in `core/api/`."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from agreements.api.views import AgreementViewSet, ChangesView, ListingViewSet, SnapshotViewSet
from api_tokens.api import ObtainTokenView, TokenListView, TokenRevokeView, TokenRotateView
from core.api.guide import api_guide
from jurisdictions.api.views import AgencyViewSet, CountyViewSet, StateViewSet
from policies.api.views import PolicyViewSet, StateLawViewSet
from records_requests.api.deadline import DeadlineView
from records_requests.api.views import RecordsRequestViewSet

router = DefaultRouter()
router.register("states", StateViewSet, basename="state")
router.register("counties", CountyViewSet, basename="county")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("snapshots", SnapshotViewSet, basename="snapshot")
router.register("listings", ListingViewSet, basename="listing")
router.register("policies", PolicyViewSet, basename="policy")
router.register("state-laws", StateLawViewSet, basename="state-law")
router.register("records-requests", RecordsRequestViewSet, basename="records-request")

app_name = "api"
urlpatterns = [
    path("guide/", api_guide, name="guide"),
    *router.urls,
    path("deadline/", DeadlineView.as_view(), name="deadline"),
    # POST username + password → {"token": …, "expiry": …} for `Authorization: Token …` on writes;
    # list, rotate and revoke your tokens.
    path("auth-token/", ObtainTokenView.as_view(), name="auth-token"),
    path("auth-tokens/", TokenListView.as_view(), name="auth-tokens"),
    path("auth-tokens/rotate/", TokenRotateView.as_view(), name="auth-token-rotate"),
    path("auth-tokens/<str:token_key>/", TokenRevokeView.as_view(), name="auth-token-revoke"),
    path("changes/", ChangesView.as_view(), name="changes"),
]
