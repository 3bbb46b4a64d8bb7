from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from documents.forms import DocumentSearchForm
from documents.models import MoaDocument
from documents.search import moa_search


def document_search(request: HttpRequest) -> HttpResponse:
    form = DocumentSearchForm(request.GET or None)
    terms = form.terms()
    results = list(moa_search(terms)) if terms else []
    return render(request, "documents/search.html", {"form": form, "terms": terms, "results": results})


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        MoaDocument.objects.select_related("agency__state", "agreement", "reviewed_by"), pk=pk
    )
    fetches = document.fetches.order_by("-attempted_at")[:10]
    return render(request, "documents/document_detail.html", {"document": document, "fetches": fetches})


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(MoaDocument.objects.listed(), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("file missing from storage") from exc
    # Stored only once its first bytes read %PDF- (documents.services); still a download, never a page.
    response = FileResponse(
        handle, as_attachment=True, content_type="application/pdf", filename=document.file_name or "moa.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
