from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from jurisdictions import reference


class Command(BaseCommand):
    help = (
        "Load reference data idempotently: states, counties, places, ZIP codes and the FBI agency roster, then whatever each app "
        "declares in its AppConfig.load_reference_data() (records laws, seed policies)."
    )

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            states = reference.load_states()
            counties = reference.load_counties()
        places, zips = reference.load_zip_codes()
        towns, matched = reference.load_census_places()
        zip_counties = reference.load_zip_counties()
        agencies, updated = reference.load_agencies()
        linked = reference.link_agency_places()
        self.stdout.write(
            f"states +{states}, counties +{counties}, places +{places}, ZIP codes +{zips}, "
            f"Census places +{towns} (matched {matched}), ZIP–county links +{zip_counties}, "
            f"agencies +{agencies} (updated {updated}), agencies linked to their town +{linked}"
        )
        for config in apps.get_app_configs():
            loader = getattr(config, "load_reference_data", None)
            if callable(loader):
                summary = loader()
                self.stdout.write(f"{config.label}: {summary}")
