from django.urls import path

from api_tokens.api import ObtainTokenView, TokenListView, TokenRevokeView, TokenRotateView

# Included under /api/v1/ by records_requests.api.urls' neighbour in config/urls.py.
urlpatterns = [
    path("auth-token/", ObtainTokenView.as_view(), name="api-auth-token"),
    path("auth-tokens/", TokenListView.as_view(), name="api-auth-tokens"),
    path("auth-tokens/rotate/", TokenRotateView.as_view(), name="api-auth-token-rotate"),
    path("auth-tokens/<str:token_key>/", TokenRevokeView.as_view(), name="api-auth-token-revoke"),
]
