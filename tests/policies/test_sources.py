import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation

from policies.models import DatePrecision, Source
from tests.policies.factories import make_source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("precision", "shown_en", "shown_es"),
    [
        (DatePrecision.DAY, "Feb. 14, 2019", "14 de febrero de 2019"),
        (DatePrecision.MONTH, "February 2019", "febrero de 2019"),
        (DatePrecision.YEAR, "2019", "2019"),
    ],
)
def test_date_is_shown_as_precisely_as_the_source_gives_it(precision, shown_en, shown_es):
    source = make_source(published_on=dt.date(2019, 2, 14), published_precision=precision)
    assert source.published_display() == shown_en
    with translation.override("es"):
        assert source.published_display() == shown_es


def test_imprecise_dates_are_stored_as_the_first_day():
    source = make_source(published_on=dt.date(2019, 2, 14), published_precision=DatePrecision.YEAR)
    source.refresh_from_db()
    assert source.published_on == dt.date(2019, 1, 1)


def test_no_date_shows_nothing():
    assert make_source(published_on=None).published_display() == ""


def test_stored_copy_is_hashed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = b"Policy 5/204.00: Immigration status"
    source = make_source(file=SimpleUploadedFile("policy.txt", content))
    assert source.sha256 == hashlib.sha256(content).hexdigest()


def test_stored_copy_must_be_a_document_or_image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = Source(title="Odd", reference="box 4", file=SimpleUploadedFile("payload.exe", b"MZ"))
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "file" in error.value.message_dict


def test_a_source_must_be_findable():
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(title="Somewhere")


def test_a_web_address_is_one_source():
    make_source(url="https://example.org/same")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_source(url="https://example.org/same")


def test_many_sources_may_have_no_web_address():
    make_source(url="", reference="records request 2025-17")
    make_source(url="", reference="records request 2025-18")
    assert Source.objects.filter(url="", reference__startswith="records request").count() == 2
