"""Loading the shipped state laws: counts against the research CSV, idempotence, updates in place."""

import csv
import json
from pathlib import Path

import pytest

from policies.data.build_state_laws import build, make_key
from policies.models import StateLaw, StateLawRevision
from policies.state_law_data import STATE_LAWS_JSON, UPDATE_COMMENT, state_laws_load
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db


def shipped() -> list[dict]:
    return json.loads(STATE_LAWS_JSON.read_text(encoding="utf-8"))


def test_the_loaded_rows_match_the_research_csv(shared_data):
    with (shared_data / "state-laws" / "state_immigration_laws.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keyed = StateLaw.objects.exclude(key="")
    assert keyed.count() == len(rows) == 129
    assert set(keyed.values_list("state__postal", flat=True)) == {r["state"] for r in rows}
    assert len({r["state"] for r in rows}) == 51
    assert keyed.laws().count() == sum(r["topic"] != "none_found" for r in rows) >= 100
    for topic in {r["topic"] for r in rows}:
        assert keyed.filter(topic=topic).count() == sum(r["topic"] == topic for r in rows), topic
    for row in rows:
        law = keyed.get(key=make_key(row))
        assert (law.citation, law.summary_en, law.confidence) == (
            row["citation"],
            row["summary"],
            row["confidence"],
        )
        assert law.summary_es and law.summary_es != law.summary_en
        assert law.checked.isoformat() == row["checked"]
        if len(row["effective"]) == 4:
            assert law.effective is not None
            assert (law.effective.isoformat(), law.effective_precision) == (
                f"{row['effective']}-01-01",
                "year",
            )


def test_the_shipped_json_is_what_the_build_script_makes_of_the_csv(shared_data):
    csv_path = shared_data / "state-laws" / "state_immigration_laws.csv"
    assert build(csv_path, shipped()) == shipped()


def test_loading_again_changes_nothing():
    revisions = StateLawRevision.objects.count()
    updated = StateLaw.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    assert state_laws_load() == "state laws 129 (+0 new, 0 updated)"
    assert StateLawRevision.objects.count() == revisions
    assert StateLaw.objects.order_by("-updated_at").values_list("updated_at", flat=True).first() == updated


def test_a_changed_entry_updates_its_row_in_place_with_history(tmp_path: Path):
    entries = shipped()
    entry = next(e for e in entries if e["state"] == "MD" and e["topic"] == "287g_agreements")
    before = StateLaw.objects.get(key=entry["key"])
    entry["citation"] = "Md. Code, Crim. Proc. § 2-107"
    entry["effective"] = "2026-02-18"
    path = tmp_path / "state_laws.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    assert state_laws_load(path) == "state laws 129 (+0 new, 1 updated)"
    after = StateLaw.objects.get(key=entry["key"])
    assert after.pk == before.pk
    assert after.citation == "Md. Code, Crim. Proc. § 2-107"
    revision = after.revisions.latest("pk")
    assert revision.comment == UPDATE_COMMENT
    assert revision.changes == {
        "citation": [before.citation, "Md. Code, Crim. Proc. § 2-107"],
        "effective": ["2026-02-17", "2026-02-18"],
    }
    assert state_laws_load(path) == "state laws 129 (+0 new, 0 updated)"


def test_editor_corrections_stay_until_the_data_file_changes_and_editor_rows_are_never_deleted():
    corrected = StateLaw.objects.get(key__startswith="tx-287g-agreements")
    corrected.status_note = "Checked by an editor against the enrolled bill."
    corrected.save()
    added = StateLaw.objects.create(
        state=factories.state("KY"),
        name="HB 47 (2027)",
        topic="detainer_holds",
        effect="requires",
        applies_to="jails",
        summary_en="Jails must honor detainers.",
        source_url="https://example.org/ky-hb-47",
        confidence="medium",
    )
    state_laws_load()
    corrected.refresh_from_db()
    assert corrected.status_note == "Checked by an editor against the enrolled bill."
    assert StateLaw.objects.filter(pk=added.pk, key="").exists()


def test_every_save_is_recorded_and_a_deleted_law_keeps_its_history():
    law = StateLaw.objects.get(key__startswith="ca-detainer-holds")
    law.confidence = "medium"
    law.save()
    assert law.revisions.latest("pk").changes == {"confidence": ["high", "medium"]}
    pk = law.pk
    law.delete()
    assert StateLawRevision.objects.filter(law_pk=pk, action="deleted", law=None).exists()
    with pytest.raises(RuntimeError):
        StateLawRevision.objects.filter(law_pk=pk).latest("pk").delete()
