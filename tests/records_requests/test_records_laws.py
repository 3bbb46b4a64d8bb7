import json

import pytest
from django.apps import apps

from records_requests.apps import LAWS_JSON
from records_requests.models import RecordsLaw

pytestmark = pytest.mark.django_db


def test_all_51_laws_are_loaded() -> None:
    assert RecordsLaw.objects.count() == 51
    assert len(json.loads(LAWS_JSON.read_text())) == 51


def test_nevada_is_five_business_days_under_nrs_239_0107() -> None:
    law = RecordsLaw.objects.get(state__postal="NV")
    assert (law.initial_days, law.initial_unit) == (5, "business_days")
    assert "239.0107" in law.citation
    assert law.has_deadline


def test_arizona_has_no_fixed_deadline() -> None:
    law = RecordsLaw.objects.get(state__postal="AZ")
    assert law.initial_unit == "none"
    assert law.initial_days is None
    assert not law.has_deadline


def test_only_six_states_refuse_nonresidents() -> None:
    refusing = RecordsLaw.objects.filter(nonresidents_may_request=False).values_list(
        "state__postal", flat=True
    )
    assert sorted(refusing) == ["AL", "AR", "DE", "KY", "TN", "VA"]


def test_new_york_second_clock_counts_from_acknowledgment() -> None:
    law = RecordsLaw.objects.get(state__postal="NY")
    assert (law.followon_days, law.followon_unit, law.followon_from) == (
        20,
        "business_days",
        "acknowledgment",
    )


def test_loading_twice_creates_nothing_and_restores_edits() -> None:
    RecordsLaw.objects.filter(state__postal="NV").update(initial_days=99)
    summary = apps.get_app_config("records_requests").load_reference_data()  # type: ignore[attr-defined]
    assert "+0 new" in summary
    assert RecordsLaw.objects.count() == 51
    assert RecordsLaw.objects.get(state__postal="NV").initial_days == 5


def test_terms_carry_the_state_postal_code() -> None:
    terms = RecordsLaw.objects.select_related("state").get(state__postal="NY").terms()
    assert terms.state == "NY"
    assert terms.has_second_clock
