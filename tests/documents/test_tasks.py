import pytest
from celery.exceptions import Retry

from agreements.models import Agreement
from documents.models import MoaDocument, MoaFetch
from documents.services import agreements_to_fetch
from documents.tasks import fetch_missing_moa_documents, fetch_moa_documents
from tests.documents.conftest import Routes
from tests.documents.pdfs import make_pdf

pytestmark = pytest.mark.django_db


def test_fetches_the_moa_and_the_addendum(web: Routes, moa_pdf: bytes, agreement: Agreement) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    web["/addendum.pdf"] = (200, "application/pdf", make_pdf("ADDENDUM TO MODIFY MEMORANDUM OF AGREEMENT"))
    Agreement.objects.filter(pk=agreement.pk).update(
        moa_url=web.url("/moa.pdf"), addendum_url=web.url("/addendum.pdf")
    )
    outcomes = fetch_moa_documents([agreement.pk])
    assert outcomes == [f"{agreement.pk} moa: ok", f"{agreement.pk} addendum: ok"]
    assert sorted(agreement.documents.values_list("kind", flat=True)) == ["addendum", "moa"]


def test_running_twice_stores_each_file_once(web: Routes, moa_pdf: bytes, agreement: Agreement) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/moa.pdf"))
    fetch_moa_documents([agreement.pk])
    fetch_moa_documents([agreement.pk])
    assert MoaDocument.objects.count() == 1
    assert MoaFetch.objects.filter(status="ok").count() == 2


def test_a_permanent_failure_is_recorded_not_retried(web: Routes, agreement: Agreement) -> None:
    web["/moa.pdf"] = (200, "text/html", b"<html>moved</html>")
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/moa.pdf"))
    outcomes = fetch_moa_documents([agreement.pk])
    assert outcomes[0].startswith(f"{agreement.pk} moa: failed")
    assert MoaFetch.objects.get().status == "failed"


def test_a_transient_failure_is_recorded_and_retried(web: Routes, agreement: Agreement) -> None:
    web["/moa.pdf"] = (503, "text/plain", b"busy")
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/moa.pdf"))
    with pytest.raises(Retry):
        fetch_moa_documents([agreement.pk])
    assert MoaFetch.objects.get().status == "failed"


def test_an_agreement_without_links_fetches_nothing(agreement: Agreement) -> None:
    assert fetch_moa_documents([agreement.pk]) == []
    assert not MoaFetch.objects.exists()


def test_missing_documents_are_queued_in_batches(
    web: Routes, moa_pdf: bytes, agreement: Agreement, monkeypatch
) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/moa.pdf"))
    queued: list[list[int]] = []
    monkeypatch.setattr(fetch_moa_documents, "delay", queued.append)
    assert fetch_missing_moa_documents() == 1
    assert queued == [[agreement.pk]]


def test_stored_links_and_links_that_failed_three_times_are_not_queued(
    web: Routes, moa_pdf: bytes, agreement: Agreement
) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    Agreement.objects.filter(pk=agreement.pk).update(
        moa_url=web.url("/moa.pdf"), addendum_url=web.url("/gone.pdf")
    )
    fetch_moa_documents([agreement.pk])
    assert list(agreements_to_fetch()) == [agreement]  # the addendum failed once: try again
    fetch_moa_documents([agreement.pk])
    fetch_moa_documents([agreement.pk])
    assert list(agreements_to_fetch()) == []


def test_a_changed_link_is_fetched_again(web: Routes, moa_pdf: bytes, agreement: Agreement) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/moa.pdf"))
    fetch_moa_documents([agreement.pk])
    Agreement.objects.filter(pk=agreement.pk).update(moa_url=web.url("/renewed.pdf"))
    assert list(agreements_to_fetch()) == [agreement]
