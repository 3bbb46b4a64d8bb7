"""API tokens through the API: get one with a password, list, rotate and revoke your own.

`POST /api/v1/auth-token/` keeps the contract of DRF's `obtain_auth_token` (form or JSON `username` and
`password` → `{"token": …}`, 400 on bad credentials) and adds `expiry`. Every password check goes through
`authenticate()`, so django-axes counts it with the site's other log-ins and answers 429 when locked.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework import permissions, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api_tokens.tokens import MAX_DAYS, token_create, token_revoke, tokens_of
from core.api.schema import DirectoryAutoSchema
from core.login_throttle import lockout_response

TAGS = ["API tokens"]


class ObtainTokenSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("Username"), max_length=150)
    password = serializers.CharField(
        label=_("Password"), max_length=4096, style={"input_type": "password"}, trim_whitespace=False
    )
    expires_in_days = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_DAYS,
        help_text="Days until the token stops working (0: never). Default: API_TOKEN_TTL_DAYS (90).",
    )


class NewTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`. Shown only this once.")
    expiry = serializers.DateTimeField(allow_null=True, help_text="When it stops working; null: never.")
    token_key = serializers.CharField(help_text="Its first 15 characters, to tell it apart in the list.")


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuthToken
        fields = ["token_key", "created", "expiry"]
        extra_kwargs = {
            "token_key": {"help_text": "The token's first 15 characters."},
            "expiry": {"help_text": "When it stops working; null: never."},
        }


class RotateSerializer(serializers.Serializer):
    expires_in_days = serializers.IntegerField(required=False, min_value=0, max_value=MAX_DAYS)


def _owner(request: Request) -> User:
    # Every view below requires IsAuthenticated, so the user is a real account.
    assert isinstance(request.user, User)
    return request.user


def _new_token_body(instance: AuthToken, token: str) -> dict[str, Any]:
    return NewTokenSerializer(
        {"token": token, "expiry": instance.expiry, "token_key": instance.token_key}
    ).data


_CREDENTIALS_REFUSED = OpenApiResponse(description="Wrong username or password (`non_field_errors`).")
_LOCKED = OpenApiResponse(
    description="Too many failed attempts for this account or from this address; wait `Retry-After` seconds."
)


class ObtainTokenView(APIView):
    schema = DirectoryAutoSchema()
    authentication_classes: list[type] = []  # the password in the body is the only credential
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary="Get an API token with a username and password",
        tags=TAGS,
        request=ObtainTokenSerializer,
        responses={200: NewTokenSerializer, 400: _CREDENTIALS_REFUSED, 429: _LOCKED},
    )
    def post(self, request: Request) -> Response | Any:
        serializer = ObtainTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # The Django request, so that django-axes marks *it* as locked out for its middleware.
        django_request = request._request
        user = authenticate(django_request, username=data["username"], password=data["password"])
        if user is None:
            if getattr(django_request, "axes_locked_out", False):
                return lockout_response(django_request)
            raise serializers.ValidationError(
                {"non_field_errors": [_("Unable to log in with provided credentials.")]}
            )
        instance, token = token_create(user=user, days=data.get("expires_in_days"))
        return Response(_new_token_body(instance, token))


class TokenListView(APIView):
    schema = DirectoryAutoSchema()
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = None

    @extend_schema(
        summary="Your API tokens that still work", tags=TAGS, responses={200: TokenSerializer(many=True)}
    )
    def get(self, request: Request) -> Response:
        return Response(TokenSerializer(tokens_of(_owner(request)), many=True).data)


class TokenRotateView(APIView):
    schema = DirectoryAutoSchema()
    authentication_classes = [TokenAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Replace the token this request is made with by a new one",
        tags=TAGS,
        request=RotateSerializer,
        responses={200: NewTokenSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = RotateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assert isinstance(request.auth, AuthToken)
        request.auth.delete()
        instance, token = token_create(
            user=_owner(request), days=serializer.validated_data.get("expires_in_days")
        )
        return Response(_new_token_body(instance, token))


class TokenRevokeView(APIView):
    schema = DirectoryAutoSchema()
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        summary="Revoke one of your tokens",
        tags=TAGS,
        responses={204: None, 404: OpenApiResponse(description="You have no token starting with this key.")},
    )
    def delete(self, request: Request, token_key: str) -> Response:
        if not token_revoke(user=_owner(request), token_key=token_key):
            return Response({"detail": _("No such token.")}, status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)


__all__ = ["ObtainTokenView", "TokenListView", "TokenRevokeView", "TokenRotateView"]
