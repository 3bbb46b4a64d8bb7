from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from config.uploads import attachment_response
from policies.models import Source


def source_file(request: HttpRequest, pk: int) -> FileResponse:
    """A source's stored copy, as a download (sources are public; MEDIA_ROOT itself is never served)."""
    source = get_object_or_404(Source.objects.exclude(file=""), pk=pk)
    try:
        return attachment_response(source.file)
    except FileNotFoundError as exc:
        raise Http404("file missing from storage") from exc
