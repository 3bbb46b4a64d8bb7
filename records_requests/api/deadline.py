from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from records_requests.api.serializers import DeadlineQuerySerializer, DeadlineSerializer
from records_requests.calculator import calculate, calculation_payload


class DeadlineView(APIView):
    """Statutory response deadline for a request received on a date in a state (one query)."""

    permission_classes = [AllowAny]

    @extend_schema(
        summary="Compute a records-request deadline",
        tags=["records requests"],
        parameters=[DeadlineQuerySerializer],
        responses={
            200: DeadlineSerializer,
            400: OpenApiResponse(description="A field is missing or invalid; the body names it."),
        },
    )
    def get(self, request: Request) -> Response:
        query = DeadlineQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        calc = calculate(data["state"], data["received"], acknowledged=data.get("acknowledged"))
        return Response(DeadlineSerializer(calculation_payload(calc)).data)
