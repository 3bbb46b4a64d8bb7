"""The Data page lists every bulk download with a dictionary that matches the CSV header."""

import csv
import gc
import io
from collections.abc import Iterator
from typing import cast

from django.http import StreamingHttpResponse

from api.data_page import DATASETS


def first_line(response: StreamingHttpResponse) -> str:
    """The CSV header, without rendering the other rows (the agencies file has ~18,000)."""
    read = b""
    chunks = cast(Iterator[bytes], response.streaming_content)
    while b"\n" not in read:
        read += next(chunks)
    # Close the stream (and its server-side cursor) now, inside this test's transaction; response.close()
    # would also fire request_finished, which closes the test's connection.
    for close in response._resource_closers:  # type: ignore[attr-defined]
        close()
    gc.collect()
    return read.split(b"\n", 1)[0].decode()


def test_every_dataset_has_a_download_and_a_dictionary(client, db):
    response = client.get("/data/")
    assert response.status_code == 200
    for dataset in DATASETS:
        assert f'href="{dataset.csv_url}"' in response.text
    assert "<code>agency.state.postal</code>" in response.text or "<code>state.postal</code>" in response.text


def test_the_dictionary_names_exactly_the_csv_columns(client, db):
    page = client.get("/data/").text
    for dataset in DATASETS:
        download = client.get(dataset.csv_url)
        assert download.status_code == 200, dataset.slug
        header = next(csv.reader(io.StringIO(first_line(download))))
        for column in header:
            assert f"<code>{column}</code>" in page, (dataset.slug, column)


def test_the_page_in_spanish(client, db):
    assert '<html lang="es">' in client.get("/es/data/").text


def test_the_dictionary_describes_columns_in_the_page_language(client, db):
    english = client.get("/data/").text
    spanish = client.get("/es/data/").text
    assert "Signature date as ICE lists it; null when ICE gives none (pending)." in english
    assert "Fecha de firma tal como la indica ICE; null cuando ICE no da ninguna (pendientes)." in spanish
    assert "Signature date as ICE lists it" not in spanish
    assert "<td>fecha (AAAA-MM-DD)</td>" in spanish
    assert "<td>date (YYYY-MM-DD)</td>" in english


def test_every_column_is_described_in_spanish():
    """No column of any dataset keeps its English description on /es/data/ (only "ID" reads the same)."""
    from django.utils import translation

    from core.api.renderers import csv_dictionary

    same = set()
    for dataset in DATASETS:
        with translation.override("en"):
            english = csv_dictionary(dataset.serializer(context={}))
        with translation.override("es"):
            spanish = csv_dictionary(dataset.serializer(context={}))
        for en, es in zip(english, spanish, strict=True):
            if en.description == es.description and en.description != "ID":
                same.add((dataset.serializer.__name__, en.name, en.description))
    assert same == set()
