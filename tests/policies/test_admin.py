import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from policies.models import Citation, Policy, PolicyRevision, PolicyStatus, Source
from tests.jurisdictions import factories
from tests.policies.factories import make_policy, make_source

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/policies/policy/add/"
LIST_URL = "/admin/policies/policy/"


@pytest.fixture
def publisher() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_user("publisher", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def writer() -> Client:
    """Staff who may edit policies but not publish them."""
    user = get_user_model().objects.create_user("writer", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="policies", codename__in=["add_policy", "change_policy", "view_policy"]
        )
    )
    client = Client()
    client.force_login(user)
    return client


def form_data(agency_id: int, *, status: str, sources: list[int], **fields: str) -> dict[str, object]:
    data: dict[str, object] = {
        "agency": agency_id,
        "state": "",
        "topic": "detainers",
        "answer": "does_not_honor",
        "status": status,
        "summary_en": "Does not hold people for ICE.",
        "summary_es": "No retiene a personas para ICE.",
        "effective_date": "",
        "last_verified": "2026-01-02",
        "citations-TOTAL_FORMS": len(sources),
        "citations-INITIAL_FORMS": 0,
        "citations-MIN_NUM_FORMS": 0,
        "citations-MAX_NUM_FORMS": 1000,
        "revisions-TOTAL_FORMS": 0,
        "revisions-INITIAL_FORMS": 0,
        "revisions-MIN_NUM_FORMS": 0,
        "revisions-MAX_NUM_FORMS": 1000,
    }
    for n, source_id in enumerate(sources):
        data[f"citations-{n}-source"] = source_id
        data[f"citations-{n}-quote"] = "It will not delay release."
        data[f"citations-{n}-locator"] = ""
    data.update(fields)
    return data


def test_publishing_with_an_inline_source_saves_policy_citation_and_history(publisher):
    agency, source = factories.agency(), make_source()
    response = publisher.post(ADD_URL, form_data(agency.pk, status="published", sources=[source.pk]))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    policy = Policy.objects.get(agency=agency)
    assert policy.status == PolicyStatus.PUBLISHED
    assert list(policy.sources.all()) == [source]
    assert policy.updated_by is not None and policy.updated_by.username == "publisher"
    assert [r.action for r in policy.revisions.all()] == ["citations", "created"]


def test_publishing_without_a_source_is_refused(publisher):
    agency = factories.agency()
    response = publisher.post(ADD_URL, form_data(agency.pk, status="published", sources=[]))
    assert response.status_code == 200
    assert "A published policy needs at least one source." in response.content.decode()
    assert not Policy.objects.filter(agency=agency).exists()


def test_draft_without_a_source_is_saved(publisher):
    agency = factories.agency()
    response = publisher.post(ADD_URL, form_data(agency.pk, status="draft", sources=[]))
    assert response.status_code == 302
    assert Policy.objects.get(agency=agency).status == PolicyStatus.DRAFT


def test_answer_from_another_topic_is_refused(publisher):
    agency, source = factories.agency(), make_source()
    data = form_data(agency.pk, status="draft", sources=[source.pk], answer="notifies_all")
    response = publisher.post(ADD_URL, data)
    assert response.status_code == 200
    assert "is not an answer to this question" in response.content.decode()


def test_removing_the_last_source_of_a_published_policy_is_refused(publisher):
    agency = factories.agency()
    policy = make_policy(agency=agency)
    citation = policy.citations.get()
    data = form_data(agency.pk, status="published", sources=[citation.source_id], answer="honors_all")
    data.update(
        {
            "citations-INITIAL_FORMS": 1,
            "citations-0-id": citation.pk,
            "citations-0-policy": policy.pk,
            "citations-0-DELETE": "on",
            "revisions-TOTAL_FORMS": 1,
            "revisions-INITIAL_FORMS": 1,
        }
    )
    response = publisher.post(f"/admin/policies/policy/{policy.pk}/change/", data)
    assert response.status_code == 200
    assert "A published policy needs at least one source." in response.content.decode()
    assert Citation.objects.filter(pk=citation.pk).exists()


def test_change_page_shows_the_history(publisher):
    policy = make_policy(agency=factories.agency())
    page = publisher.get(f"/admin/policies/policy/{policy.pk}/change/").content.decode()
    assert "History (read-only)" in page
    assert "honors_all" in page


def test_writer_cannot_publish(writer):
    agency, source = factories.agency(), make_source()
    response = writer.post(ADD_URL, form_data(agency.pk, status="published", sources=[source.pk]))
    assert response.status_code == 302
    assert Policy.objects.get(agency=agency).status == PolicyStatus.DRAFT  # status is read-only for writers


def test_writer_cannot_change_a_published_policy(writer):
    agency = factories.agency()
    policy = make_policy(agency=agency)
    data = form_data(agency.pk, status="published", sources=[], summary_en="Changed.")
    writer.post(f"/admin/policies/policy/{policy.pk}/change/", data)
    policy.refresh_from_db()
    assert policy.summary_en == "An English summary."


def test_publish_action_publishes_drafts_with_sources_and_refuses_the_rest(publisher):
    ready = make_policy(agency=factories.agency(), published=False)
    bare = make_policy(agency=factories.agency(), published=False, sources=0)
    response = publisher.post(
        LIST_URL, {"action": "publish", "_selected_action": [ready.pk, bare.pk]}, follow=True
    )
    ready.refresh_from_db()
    bare.refresh_from_db()
    assert (ready.status, bare.status) == (PolicyStatus.PUBLISHED, PolicyStatus.DRAFT)
    assert "Not published" in response.content.decode()
    latest = ready.revisions.first()
    assert latest is not None and latest.comment == "Published with the admin action"


def test_unpublish_action_returns_to_draft(publisher):
    policy = make_policy(agency=factories.agency())
    publisher.post(LIST_URL, {"action": "unpublish", "_selected_action": [policy.pk]})
    policy.refresh_from_db()
    assert policy.status == PolicyStatus.DRAFT


def test_writer_has_no_publish_actions(writer):
    make_policy(agency=factories.agency(), published=False)
    page = writer.get(LIST_URL).content.decode()
    assert 'value="publish"' not in page


def test_revisions_cannot_be_edited_in_the_admin(publisher):
    revision = make_policy(agency=factories.agency()).revisions.get()
    assert publisher.get("/admin/policies/policyrevision/add/").status_code == 403
    publisher.post(f"/admin/policies/policyrevision/{revision.pk}/delete/", {"post": "yes"})
    assert PolicyRevision.objects.filter(pk=revision.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        ADD_URL,
        LIST_URL,
        "/admin/policies/source/",
        "/admin/policies/source/add/",
        "/admin/policies/policyrevision/",
    ],
)
def test_admin_pages_render(publisher, url):
    assert publisher.get(url).status_code == 200


def test_source_page_lists_the_policies_citing_it(publisher, lvmpd):
    source = Source.objects.get(reference="seed:001_3ae18bd690f84194.txt")
    page = publisher.get(f"/admin/policies/source/{source.pk}/change/").content.decode()
    assert "Cited by" in page
    assert page.count("Las Vegas Metropolitan Police Department:") == 4
