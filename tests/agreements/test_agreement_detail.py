from agreements.models import Agreement


def test_detail_shows_provenance_and_merges(client, two_lists, django_assert_max_num_queries) -> None:
    agreement = Agreement.objects.get(agency__name="Lyon County Sheriff's Office")
    # agreement with agency/state/county/superseded_by/first missing; listings+snapshots; merges+listings; supersedes
    with django_assert_max_num_queries(4):
        response = client.get(agreement.get_absolute_url())
    body = response.content.decode()
    assert "ICE moved the signed date by a few days" in body
    assert "2025-04-15 → 2025-04-14" in body
    assert body.count("Lyon County Sheriff&#x27;s Office</dd>") == 2  # the raw row on both lists


def test_renewal_links_both_ways(client, two_lists) -> None:
    old, new = Agreement.objects.filter(agency__name="Clark County Sheriff's Office", model="TFM").order_by(
        "signed"
    )
    assert new.get_absolute_url() in client.get(old.get_absolute_url()).content.decode()
    assert old.get_absolute_url() in client.get(new.get_absolute_url()).content.decode()


def test_unknown_agreement_is_404(client, db) -> None:
    assert client.get("/agreements/999999/").status_code == 404


def test_ended_agreement_shows_when_it_ended(client, db) -> None:
    from tests.agreements.helpers import import_list
    from tests.agreements.sheets import row

    import_list([row()], "2025-05-16")
    for published in ("2025-05-23", "2025-06-04", "2025-06-17"):
        import_list([], published)
    agreement = Agreement.objects.get(agency__name="Clark County Sheriff's Office")
    body = client.get(agreement.get_absolute_url()).content.decode()
    assert "Ended on" in body
    assert "May 23, 2025" in body
