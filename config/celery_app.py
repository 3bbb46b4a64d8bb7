import os
from pathlib import Path

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("directory")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _make_filesystem_broker_folders(sender: Celery, **kwargs: object) -> None:
    # The serverless broker (REDIS_URL unset) passes messages through folders that must exist.
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)


# Daily jobs. Each task is thin and safe to run twice.
app.conf.beat_schedule = {
    "import-current-ice-lists": {
        "task": "agreements.tasks.import_current_ice_lists",
        "schedule": crontab(hour=7, minute=15),
    },
    "fetch-missing-moa-documents": {
        "task": "documents.tasks.fetch_missing_moa_documents",
        "schedule": crontab(hour=7, minute=45),
    },
    "send-alerts": {
        "task": "alerts.tasks.send_alerts",
        "schedule": crontab(minute=30),
    },
    "flag-overdue-requests": {
        "task": "records_requests.tasks.flag_overdue_requests",
        "schedule": crontab(hour=6, minute=0),
    },
}
