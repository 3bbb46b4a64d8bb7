import datetime as dt

from django.utils import timezone

from agreements.models import Agreement
from alerts.events import alerts_for_documents
from alerts.models import AlertKind, Event
from tests.documents.factories import moa_document


def test_stored_moa_is_news(agency):
    agreement = Agreement.objects.create(
        agency=agency, model="TFM", status="active", signed=dt.date(2025, 3, 1)
    )
    stored = moa_document(agency, agreement=agreement)
    assert alerts_for_documents() == 1
    found = Event.objects.get()
    assert (found.kind, found.agency, found.agreement, found.county_id) == (
        AlertKind.MOA_POSTED,
        agency,
        agreement,
        agency.county_id,
    )
    assert found.title() == "Alerts Test Sheriff's Office: 287(g) memorandum of agreement posted"
    assert found.get_absolute_url() == f"/documents/{stored.pk}/"
    assert "Signed March 4, 2025." in found.description()


def test_addendum(agency):
    moa_document(agency, kind="addendum")
    alerts_for_documents()
    assert "agreement addendum posted" in Event.objects.get().title()


def test_collecting_twice_records_once(agency):
    moa_document(agency)
    alerts_for_documents()
    assert alerts_for_documents() == 0


def test_document_without_agency_waits(agency):
    stored = moa_document(None)
    assert alerts_for_documents() == 0
    stored.agency = agency
    stored.save()
    assert alerts_for_documents() == 1


def test_old_documents_are_not_news(agency):
    moa_document(agency)
    assert alerts_for_documents(now=timezone.now() + dt.timedelta(days=15)) == 0


def test_query_count_does_not_grow_with_documents(agency, django_assert_max_num_queries):
    for n in range(10):
        moa_document(agency, n=n)
    # documents with agency and agreement (1), known keys (1), insert (1)
    with django_assert_max_num_queries(3):
        assert alerts_for_documents() == 10
