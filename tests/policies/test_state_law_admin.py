import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from policies.models import StateLaw, StateLawRevision
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_user("editor", is_staff=True, is_superuser=True))
    return client


def form_data(law: StateLaw | None = None, **fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "state": factories.state("KY").pk,
        "name": "HB 47 (2027): detainers",
        "citation": "Ky. Rev. Stat. § 1",
        "kind": "statute",
        "topic": "detainer_holds",
        "effect": "requires",
        "applies_to": "jails",
        "effective": "2027-07-01",
        "effective_precision": "day",
        "ended": "",
        "checked": "2027-07-02",
        "summary_en": "Jails must honor ICE detainers.",
        "summary_es": "Las cárceles deben cumplir las órdenes de retención de ICE.",
        "status_note": "",
        "source_url": "https://example.org/ky-hb-47",
        "source_2_url": "",
        "confidence": "medium",
        "revisions-TOTAL_FORMS": 0,
        "revisions-INITIAL_FORMS": 0,
        "revisions-MIN_NUM_FORMS": 0,
        "revisions-MAX_NUM_FORMS": 1000,
    }
    if law is not None:
        data.update(
            {
                name: getattr(law, name) or ""
                for name in [
                    "name",
                    "citation",
                    "kind",
                    "topic",
                    "effect",
                    "applies_to",
                    "summary_en",
                    "summary_es",
                ]
            }
        )
        data.update(
            state=law.state_id,
            effective=law.effective.isoformat() if law.effective else "",
            effective_precision=law.effective_precision,
            ended=law.ended.isoformat() if law.ended else "",
            checked=law.checked.isoformat(),
            status_note=law.status_note,
            source_url=law.source_url,
            source_2_url=law.source_2_url,
            confidence=law.confidence,
        )
    data.update(fields)
    return data


def test_an_editor_adds_a_law_and_it_is_recorded(editor):
    response = editor.post("/admin/policies/statelaw/add/", form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    law = StateLaw.objects.get(name="HB 47 (2027): detainers")
    assert law.key == ""
    (revision,) = law.revisions.all()
    assert revision.user is not None
    assert (revision.action, revision.user.username, revision.comment) == (
        "created",
        "editor",
        "Added in the admin",
    )


def test_an_editor_corrects_a_law_with_history(editor):
    law = StateLaw.objects.get(state__postal="KS", topic="detainer_holds")
    response = editor.post(
        f"/admin/policies/statelaw/{law.pk}/change/", form_data(law, confidence="medium", ended="2026-11-01")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    revision = StateLawRevision.objects.filter(law=law).latest("pk")
    assert revision.changes == {"ended": [None, "2026-11-01"], "confidence": ["low", "medium"]}
    assert revision.user is not None and revision.user.username == "editor"
    page = editor.get(f"/admin/policies/statelaw/{law.pk}/change/").text
    assert "History (read-only)" in page and "Edited in the admin" in page


def test_a_law_needs_an_effect_and_a_scope(editor):
    response = editor.post("/admin/policies/statelaw/add/", form_data(effect=""))
    assert response.status_code == 200
    assert "A law needs an effect and whom it applies to." in response.text


def test_the_list_filters_by_state_and_topic(editor):
    response = editor.get("/admin/policies/statelaw/", {"topic": "287g_agreements", "q": "Texas"})
    assert response.status_code == 200
    assert "SB 8 (2025): sheriffs must seek 287(g) agreements" in response.text
