import pytest
from django.urls import reverse

from agreements.models import Agreement
from documents.models import MoaDocument
from documents.services import document_store
from tests.documents.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def _store(text: str, **kwargs: object) -> MoaDocument:
    return document_store(content=make_pdf(text), source_url="", **kwargs)  # type: ignore[arg-type]


def test_search_page_lists_matches_with_marked_headlines(client, agreement: Agreement) -> None:
    _store("287(g) Jail Enforcement Model\nThe heron clause:\n\n   Smith & Sons.", agreement=agreement)
    _store("Nothing about birds.")
    response = client.get(reverse("documents:search"), {"q": "heron"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 document matches" in html
    assert "Esmeralda County Sheriff&#x27;s Office (NV)" in html
    assert "<mark>heron</mark>" in html
    assert "clause: Smith &amp; Sons" in html


def test_search_page_without_a_query_searches_nothing(client) -> None:
    response = client.get(reverse("documents:search"))
    assert response.status_code == 200
    assert "<ol>" not in response.content.decode()


def test_search_page_says_when_nothing_matches(client) -> None:
    _store("purple heron")
    response = client.get(reverse("documents:search"), {"q": "zebra"})
    assert "No document contains all of these words" in response.content.decode()


def test_an_overlong_query_is_an_error_not_a_500(client) -> None:
    response = client.get(reverse("documents:search"), {"q": "x" * 500})
    assert response.status_code == 200
    assert 'class="warning"' in response.content.decode()


def test_search_page_query_budget(client, django_assert_max_num_queries, agreement: Agreement) -> None:
    for n in range(5):
        _store(f"heron number {n}", agreement=agreement)
    # Queries: the matching documents with rank, headline, agency, state and agreement joined.
    with django_assert_max_num_queries(1):
        response = client.get(reverse("documents:search"), {"q": "heron"})
    assert response.content.decode().count("<li>") >= 5


def test_detail_page_shows_the_extracted_fields_for_review(
    client, moa_pdf: bytes, agreement: Agreement
) -> None:
    document = document_store(content=moa_pdf, source_url="https://www.ice.gov/x.pdf", agreement=agreement)
    response = client.get(document.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "March 5, 2025" in html
    assert "Jail Enforcement Model" in html
    assert "Maria Quintero" in html and "775-485-6373" in html
    assert "not yet reviewed" in html
    assert document.sha256 in html


def test_detail_page_query_budget(
    client, django_assert_max_num_queries, moa_pdf: bytes, agreement: Agreement
) -> None:
    document = document_store(
        content=moa_pdf, source_url="", agreement=agreement, file_name="X_JEM_03042025.pdf"
    )
    # Queries: the document with agency, state, agreement and reviewer joined; its download attempts.
    with django_assert_max_num_queries(2):
        response = client.get(document.get_absolute_url())
    assert "2025-03-04" in response.content.decode()  # the file name's date, shown as evidence


def test_detail_page_of_an_unknown_document_is_404(client) -> None:
    assert client.get(reverse("documents:detail", args=[999999])).status_code == 404


def test_download_returns_the_stored_pdf(client, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="", file_name="esmeralda.pdf")
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="esmeralda.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == moa_pdf


def test_download_of_a_file_missing_from_storage_is_404(client, moa_pdf: bytes) -> None:
    document = document_store(content=moa_pdf, source_url="")
    document.file.storage.delete(document.file.name)
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404
