import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from agreements.models import Agreement, Snapshot
from tests.agreements.helpers import import_list
from tests.agreements.sheets import row

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ["snapshot", "listing", "agreement", "agencymerge", "agreementmerge"])
def test_changelists_load(admin_client, two_lists, model: str) -> None:
    assert admin_client.get(reverse(f"admin:agreements_{model}_changelist")).status_code == 200


def test_agreement_change_page_loads(admin_client, two_lists) -> None:
    agreement = Agreement.objects.first()
    assert agreement is not None
    assert (
        admin_client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).status_code == 200
    )


def test_accepting_a_held_snapshot_recomputes_history(admin_client) -> None:
    import_list([row()], "2025-05-16")
    import_list([], "2025-05-23", filler=False)
    held = Snapshot.objects.get(status="held")
    assert Agreement.objects.active().count() == 11
    admin_client.post(
        reverse("admin:agreements_snapshot_changelist"),
        {"action": "accept_snapshots", "_selected_action": [held.pk]},
    )
    held.refresh_from_db()
    assert held.status == "accepted"
    assert Agreement.objects.active().count() == 0
