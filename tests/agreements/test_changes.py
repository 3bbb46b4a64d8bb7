from django.urls import reverse


def test_latest_changes(client, two_lists, django_assert_max_num_queries) -> None:
    # snapshot, snapshot list, earlier snapshots, added, dropped
    with django_assert_max_num_queries(6):
        response = client.get(reverse("agreements:changes_latest"))
    changes = response.context["changes"]
    assert {a.agency.name for a in changes.added} >= {
        "Nye County Sheriff's Office",
        "Clark County Sheriff's Office",
    }
    assert [a.agency.name for a in changes.from_pending] == ["Nye County Sheriff's Office"]
    assert [a.agency.name for a in changes.dropped_unrenewed] == ["Elko County Sheriff's Office"]
    assert [a.agency.name for a in changes.renewed] == ["Clark County Sheriff's Office"]
    assert "Moved from pending to signed" in response.content.decode()


def test_pending_snapshot_changes(client, two_lists) -> None:
    response = client.get(two_lists[0].get_absolute_url())
    names = [a.agency.name for a in response.context["changes"].newly_pending]
    assert "Nye County Sheriff's Office" in names


def test_no_lists_yet(client, db) -> None:
    response = client.get(reverse("agreements:changes_latest"))
    assert response.status_code == 200
    assert "No ICE list" in response.content.decode()


def test_feed(client, two_lists, django_assert_max_num_queries) -> None:
    # snapshots, then up to 4 per entry (3 entries here, at most 20)
    with django_assert_max_num_queries(1 + 4 * 3):
        response = client.get(reverse("agreements:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.count("<entry>") == 3
    assert "1 moved from pending to signed" in body
