import pytest

from documents.fetch import FetchError, pdf_fetch
from tests.documents.conftest import Routes


def test_a_pdf_is_downloaded(web: Routes, moa_pdf: bytes) -> None:
    web["/moa.pdf"] = (200, "application/pdf", moa_pdf)
    fetched = pdf_fetch(web.url("/moa.pdf"))
    assert fetched.content == moa_pdf
    assert fetched.content_type == "application/pdf"


def test_the_bytes_decide_not_the_content_type(web: Routes, moa_pdf: bytes) -> None:
    web["/octet"] = (200, "application/octet-stream", moa_pdf)
    web["/login"] = (200, "application/pdf", b"<html>Please log in</html>")
    assert pdf_fetch(web.url("/octet")).content == moa_pdf
    with pytest.raises(FetchError, match="not a PDF") as error:
        pdf_fetch(web.url("/login"))
    assert not error.value.transient


def test_too_large_is_refused(web: Routes, moa_pdf: bytes) -> None:
    web["/big.pdf"] = (200, "application/pdf", moa_pdf)
    with pytest.raises(FetchError, match="larger than") as error:
        pdf_fetch(web.url("/big.pdf"), max_bytes=len(moa_pdf) - 1)
    assert not error.value.transient


def test_not_found_is_permanent(web: Routes) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as error:
        pdf_fetch(web.url("/gone.pdf"))
    assert not error.value.transient


def test_server_errors_are_transient(web: Routes) -> None:
    web["/busy.pdf"] = (503, "text/plain", b"try later")
    with pytest.raises(FetchError, match="HTTP 503") as error:
        pdf_fetch(web.url("/busy.pdf"))
    assert error.value.transient


def test_a_refused_connection_is_transient(web: Routes) -> None:
    url = web.url("/x.pdf").replace(web.base_url.rsplit(":", 1)[1], "1")
    with pytest.raises(FetchError) as error:
        pdf_fetch(url, timeout=2)
    assert error.value.transient


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/moa.pdf", "moa.pdf"])
def test_only_web_links_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https") as error:
        pdf_fetch(url)
    assert not error.value.transient
