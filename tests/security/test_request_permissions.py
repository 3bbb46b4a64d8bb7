"""Who may read and write which records request, on every surface that shows requests.

Actors: anonymous, organizer A (owns every request), organizer B, an editor (is_staff), an admin.
Requests: public, embargoed until a future date, embargo ended, private. Feeds and site search do not
include requests (checked below), so they cannot leak them.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from records_requests.models import RecordsRequest, RequestEvent, Visibility
from records_requests.services import event_add, request_create
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
API = "/api/v1/records-requests/"
ACTORS = ["anonymous", "a", "b", "editor", "admin"]
KINDS = ["public", "embargoed", "embargo_ended", "private"]
# What each actor may read: A owns all four; staff read everything.
READS = {
    "anonymous": {"public", "embargo_ended"},
    "a": set(KINDS),
    "b": {"public", "embargo_ended"},
    "editor": set(KINDS),
    "admin": set(KINDS),
}
EDITS = {"a"}  # request_edit_view: the requester only (staff edit in the admin)
LOGS = {"a", "editor", "admin"}  # event_create_view: the requester, or staff


@dataclass
class World:
    users: dict[str, User | None]
    requests: dict[str, RecordsRequest]

    def client(self, actor: str) -> Client:
        client = Client()
        user = self.users[actor]
        if user is not None:
            client.force_login(user)
        return client

    def titles(self, html: str) -> set[str]:
        return {kind for kind, rr in self.requests.items() if rr.title in html}


@pytest.fixture
def world() -> World:
    today = timezone.localdate()
    # No passwords: hashing one costs ~0.1 s, and force_login needs none.
    a = User.objects.create(username="org_a")
    users: dict[str, User | None] = {
        "anonymous": None,
        "a": a,
        "b": User.objects.create(username="org_b"),
        "editor": User.objects.create(username="editor", is_staff=True),
        "admin": User.objects.create(username="admin", is_staff=True, is_superuser=True),
    }
    agency = factories.agency()
    visibility = {
        "public": (Visibility.PUBLIC, None),
        "embargoed": (Visibility.EMBARGOED, today + timedelta(days=30)),
        "embargo_ended": (Visibility.EMBARGOED, today - timedelta(days=1)),
        "private": (Visibility.PRIVATE, None),
    }
    requests = {
        kind: request_create(
            requester=a,
            agency=agency,
            title=f"Secret-title-{kind}",
            records_sought="The MOA.",
            visibility=vis,
            embargo_until=until,
            sent_on=date(2026, 1, 5),
        )
        for kind, (vis, until) in visibility.items()
    }
    return World(users, requests)


@pytest.mark.parametrize("actor", ACTORS)
def test_list_page_shows_only_readable_requests(world: World, actor: str) -> None:
    response = world.client(actor).get(reverse("records_requests:list"))
    assert response.status_code == 200
    assert world.titles(response.content.decode()) == READS[actor]


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("kind", KINDS)
def test_detail_page(world: World, actor: str, kind: str) -> None:
    rr = world.requests[kind]
    response = world.client(actor).get(rr.get_absolute_url())
    assert response.status_code == (200 if kind in READS[actor] else 404)
    assert (rr.title in response.content.decode()) == (kind in READS[actor])


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("kind", KINDS)
def test_edit_page_get_and_post(world: World, actor: str, kind: str) -> None:
    rr = world.requests[kind]
    client = world.client(actor)
    url = reverse("records_requests:edit", kwargs={"pk": rr.pk})
    get = client.get(url)
    post = client.post(url, {"title": "Hijacked", "records_sought": "x", "visibility": Visibility.PUBLIC})
    if actor == "anonymous":
        assert get.status_code == post.status_code == 302
        assert reverse("records_requests:login") in get["Location"]
    elif actor in EDITS:
        assert get.status_code == 200
    else:
        assert get.status_code == post.status_code == 404
    rr.refresh_from_db()
    assert (rr.title == "Hijacked") == (actor in EDITS and post.status_code == 302)
    if actor not in EDITS:
        assert rr.visibility == world.requests[kind].visibility
        assert rr.title == f"Secret-title-{kind}"


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("kind", ["public", "private"])
def test_log_event_post(world: World, actor: str, kind: str) -> None:
    rr = world.requests[kind]
    before = RequestEvent.objects.filter(request=rr).count()
    url = reverse("records_requests:add_event", kwargs={"pk": rr.pk})
    response = world.client(actor).post(url, {"kind": "note", "date": "2026-01-06", "text": "by " + actor})
    after = RequestEvent.objects.filter(request=rr).count()
    if actor in LOGS:
        assert response.status_code == 302, response.content[:500]
        assert after == before + 1
    else:
        assert response.status_code in (302, 404)  # anonymous → login; B → not found
        assert after == before


@pytest.mark.parametrize("actor", ACTORS)
def test_dashboard_lists_only_own_requests(world: World, actor: str) -> None:
    response = world.client(actor).get(reverse("records_requests:dashboard"))
    if actor == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    # Staff see their own requests here too (none), not everyone's.
    assert world.titles(response.content.decode()) == (set(KINDS) if actor == "a" else set())


@pytest.mark.parametrize("actor", ACTORS)
def test_agency_page_section(world: World, actor: str) -> None:
    agency = world.requests["public"].agency
    response = world.client(actor).get(agency.get_absolute_url())
    assert response.status_code == 200
    assert world.titles(response.content.decode()) == READS[actor]


@pytest.mark.parametrize("actor", ACTORS)
def test_api_list_count_and_detail(world: World, actor: str) -> None:
    client = world.client(actor)
    body = client.get(API).json()
    assert body["count"] == len(READS[actor])
    assert {r["title"] for r in body["results"]} == {world.requests[k].title for k in READS[actor]}
    for kind, rr in world.requests.items():
        response = client.get(f"{API}{rr.pk}/")
        assert response.status_code == (200 if kind in READS[actor] else 404), kind


@pytest.mark.parametrize("actor", ACTORS)
def test_api_csv(world: World, actor: str) -> None:
    response = world.client(actor).get(API, {"format": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert world.titles(text) == READS[actor]
    assert len(text.strip().splitlines()) == 1 + len(READS[actor])


@pytest.mark.parametrize("actor", ["anonymous", "b"])
def test_api_filters_do_not_reveal_hidden_requests(world: World, actor: str) -> None:
    agency = world.requests["public"].agency
    body = world.client(actor).get(API, {"agency": str(agency.pk), "status": "sent"}).json()
    assert body["count"] == 2


def test_embargo_ends_on_its_date(world: World) -> None:
    rr = world.requests["embargoed"]
    assert rr.embargo_until is not None
    assert not RecordsRequest.objects.public(today=rr.embargo_until - timedelta(days=1)).filter(pk=rr.pk)
    assert RecordsRequest.objects.public(today=rr.embargo_until).filter(pk=rr.pk)


@pytest.mark.parametrize("actor", ["anonymous", "b"])
def test_feeds_and_search_do_not_show_requests(world: World, actor: str) -> None:
    client = world.client(actor)
    for url in [reverse("agreements:feed"), f"{reverse('pages:search')}?q=Secret-title"]:
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert world.titles(response.content.decode()) == set(), url


@pytest.mark.parametrize("actor", ["anonymous", "b", "a"])
def test_event_document_url_is_not_served_to_anyone(
    world: World, actor: str, settings: Any, tmp_path: Path
) -> None:
    """Documents are stored under MEDIA_ROOT; nothing serves /media/ with DEBUG off, so the raw file URL
    leaks nothing. They are served by records_requests:event_document instead (next test)."""
    settings.MEDIA_ROOT = tmp_path
    rr = world.requests["private"]
    pdf = SimpleUploadedFile("reply.pdf", b"%PDF-1.4 secret", content_type="application/pdf")
    event = event_add(records_request=rr, kind="note", date=date(2026, 1, 7), text="doc", document=pdf)
    response = world.client(actor).get(event.document.url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "actor,status", [("anonymous", 404), ("b", 404), ("a", 200), ("editor", 200), ("admin", 200)]
)
def test_event_documents_are_served_only_to_those_who_see_the_request(
    world: World, actor: str, status: int, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    rr = world.requests["private"]
    pdf = SimpleUploadedFile("reply.pdf", b"%PDF-1.4 secret", content_type="application/pdf")
    event = event_add(records_request=rr, kind="note", date=date(2026, 1, 7), text="doc", document=pdf)
    url = reverse("records_requests:event_document", kwargs={"pk": rr.pk, "event_pk": event.pk})
    response = world.client(actor).get(url)
    assert response.status_code == status
    if status == 200:
        assert response.getvalue() == b"%PDF-1.4 secret"
        assert response["Content-Disposition"].startswith("attachment")
