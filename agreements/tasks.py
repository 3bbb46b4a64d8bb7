from celery import shared_task

from agreements import ice_download
from agreements.services import snapshot_import


@shared_task(
    bind=True,
    autoretry_for=(ice_download.DownloadError,),
    retry_backoff=300,
    retry_backoff_max=3 * 3600,
    max_retries=5,
)
def import_current_ice_lists(self) -> list[str]:
    """Download ICE's current lists and import them; the same bytes twice is a no-op. Retries on network errors.

    Which list it is comes from its name, else its columns. Each list is dated by its file name (from the URL or `Content-Disposition`), else by `Last-Modified`,
    else by today, the day it was captured (`services.snapshot_import`).
    """
    outcomes = []
    for found in ice_download.current_lists():
        result = snapshot_import(
            data=found.data,
            file_name=found.file_name,
            source_url=found.url,
            captured=found.captured,
            last_modified=found.last_modified,
        )
        outcomes.append(f"{found.file_name}: {result.status} {result.message}".strip())
    return outcomes
