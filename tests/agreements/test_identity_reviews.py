"""An editor answers the importer's identity questions in the admin: merge into a candidate, or keep apart."""

import datetime as dt

import pytest
from django.urls import reverse

from agreements.identity_reviews import MergeRefused, agency_merge
from agreements.models import AgencyMerge, AgencyReview, Agreement, Listing
from jurisdictions.models import Agency
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row

pytestmark = pytest.mark.django_db


def sunny_isles(published: str = "2025-05-16") -> None:
    import_list(
        [
            row(
                "Sunny Isles Police Department",
                state="FLORIDA",
                type="Municipality",
                county="",
                signed=dt.datetime(2025, 3, 1),
            )
        ],
        published,
    )


def change_url(review: AgencyReview) -> str:
    return reverse("admin:agreements_agencyreview_change", args=[review.pk])


def test_the_review_page_shows_the_candidates(admin_client) -> None:
    sunny_isles()
    review = AgencyReview.objects.get(spelling="Sunny Isles Police Department")
    page = admin_client.get(change_url(review))
    assert page.status_code == 200
    assert "Sunny Isles Beach Police Department" in page.text and "FL0135100" in page.text


def test_merging_moves_the_rows_and_history_to_the_candidate(admin_client) -> None:
    sunny_isles()
    review = AgencyReview.objects.get(spelling="Sunny Isles Police Department")
    provisional = review.agency
    assert provisional is not None
    beach = Agency.objects.get(ori="FL0135100")
    response = admin_client.post(change_url(review), {"merge_into": beach.pk, "note": "same town"})
    assert response.status_code == 302
    assert not Agency.objects.filter(pk=provisional.pk).exists()
    assert set(
        Listing.objects.filter(agency_name="Sunny Isles Police Department").values_list("agency", flat=True)
    ) == {beach.pk}
    assert Agreement.objects.get(agency=beach).status == "active"
    assert beach.aliases.filter(name="Sunny Isles Police Department").exists()
    assert AgencyMerge.objects.get(agency=beach).reason == AgencyMerge.Reason.EDITOR
    review.refresh_from_db()
    assert (review.status, review.merged_into) == (AgencyReview.Status.MERGED, beach)
    # the next list's row now resolves by the alias, without a new question
    sunny_isles("2025-05-23")
    assert not AgencyReview.objects.filter(
        status=AgencyReview.Status.OPEN, spelling="Sunny Isles Police Department"
    ).exists()
    assert Agreement.objects.get(agency=beach).last_listed == dt.date(2025, 5, 23)


def test_keeping_it_apart_closes_the_question(admin_client) -> None:
    sunny_isles()
    review = AgencyReview.objects.get(spelling="Sunny Isles Police Department")
    admin_client.post(change_url(review), {"keep_separate": "on"})
    review.refresh_from_db()
    assert review.status == AgencyReview.Status.SEPARATE
    assert review.agency is not None and Agency.objects.filter(pk=review.agency.pk).exists()


def test_merge_and_keep_together_is_an_error(admin_client) -> None:
    sunny_isles()
    review = AgencyReview.objects.get(spelling="Sunny Isles Police Department")
    beach = Agency.objects.get(ori="FL0135100")
    response = admin_client.post(change_url(review), {"merge_into": beach.pk, "keep_separate": "on"})
    assert response.status_code == 200
    assert "not both" in response.text
    assert review.agency is not None and Agency.objects.filter(pk=review.agency.pk).exists()


def test_agencies_of_different_states_are_never_merged() -> None:
    with pytest.raises(MergeRefused):
        agency_merge(source=Agency.objects.get(ori="FL0135100"), target=Agency.objects.get(ori="NV0020100"))
