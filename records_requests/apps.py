import json
from pathlib import Path

from django.apps import AppConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _

LAWS_JSON = Path(__file__).resolve().parent / "data" / "records_laws.json"
# The Spanish of each law's research texts, by state: {"CA": {"initial_requires": …, "appeal_steps": [...]}}.
LAWS_ES_JSON = LAWS_JSON.with_name("records_laws_es.json")


class RecordsRequestsConfig(AppConfig):
    name = "records_requests"
    verbose_name = _("Open-records requests")

    def load_reference_data(self) -> str:
        """Upsert the 51 records laws from `data/records_laws.json`, with the Spanish of their texts from
        `data/records_laws_es.json` (one transaction, ~102 queries).

        The JSON is the source of truth: a law edited in the admin is overwritten on the next load.
        Correct the research CSV and rerun `data/build_records_laws.py` to make a correction stick.
        """
        from jurisdictions.models import State
        from records_requests.models import RecordsLaw

        laws = json.loads(LAWS_JSON.read_text(encoding="utf-8"))
        spanish = json.loads(LAWS_ES_JSON.read_text(encoding="utf-8"))
        states = {s.postal: s for s in State.objects.filter(postal__in=[law["state"] for law in laws])}
        created = 0
        with transaction.atomic():
            for law in laws:
                fields = {k: v for k, v in law.items() if k != "state"}
                fields["translations"] = {"es": spanish.get(law["state"], {})}
                _law, was_created = RecordsLaw.objects.update_or_create(
                    state=states[law["state"]], defaults=fields
                )
                created += was_created
        return f"records laws {len(laws)} (+{created} new)"
