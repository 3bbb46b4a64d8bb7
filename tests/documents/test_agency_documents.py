import datetime as dt

import pytest
from django.template.loader import render_to_string

from agreements.models import Agreement
from documents.sections import agency_documents
from documents.services import document_review, document_store
from jurisdictions.models import Agency
from tests.documents.pdfs import make_pdf
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def render(agency: Agency) -> str:
    return render_to_string("documents/includes/_agency_documents.html", agency_documents(agency))


def test_lists_the_agencys_documents_newest_first(agreement: Agreement) -> None:
    old = document_store(
        content=make_pdf("287(g) Task Force Model\nDate: 1/2/2019"), source_url="", agreement=agreement
    )
    new = document_store(
        content=make_pdf("Jail Enforcement Model\nDate: 5/6/2025"), source_url="", agreement=agreement
    )
    document_store(content=make_pdf("another agency"), source_url="")
    html = render(agreement.agency)
    assert html.index(new.get_absolute_url()) < html.index(old.get_absolute_url())
    assert "Task Force Model" in html and "Jail Enforcement Model" in html
    assert "May 6, 2025" in html
    assert html.count("<tr>") == 3  # the header and two documents


def test_an_agency_without_documents_says_so() -> None:
    html = render(factories.agency())
    assert "not stored any agreement document" in html


def test_reviewed_documents_say_so(agreement: Agreement) -> None:
    from django.contrib.auth.models import User

    document = document_store(content=make_pdf("Date: 1/2/2019"), source_url="", agreement=agreement)
    document_review(
        document=document,
        reviewer=User.objects.create_user("ed"),
        signed=dt.date(2019, 1, 3),
        model="TFM",
        contacts=[],
    )
    html = render(agreement.agency)
    assert "Reviewed by an editor" in html and "Jan. 3, 2019" in html


def test_query_count_is_fixed(agreement: Agreement, django_assert_num_queries) -> None:
    for n in range(4):
        document_store(content=make_pdf(f"document {n}"), source_url="", agreement=agreement)
    # Queries: the agency's documents (text and search vector deferred), agreement joined.
    with django_assert_num_queries(1):
        html = render(agreement.agency)
    assert html.count("<tr>") == 5
