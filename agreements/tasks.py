from celery import shared_task

from agreements import ice_download
from agreements.ice_values import parse_file_name
from agreements.services import snapshot_import


@shared_task(
    bind=True,
    autoretry_for=(ice_download.DownloadError,),
    retry_backoff=300,
    retry_backoff_max=3 * 3600,
    max_retries=5,
)
def import_current_ice_lists(self) -> list[str]:
    """Download ICE's current lists and import them; the same bytes twice is a no-op. Retries on network errors."""
    from django.utils import timezone

    outcomes = []
    for _kind, url, data in ice_download.current_lists():
        name = url.rsplit("/", 1)[-1]
        published = parse_file_name(name).published or timezone.localdate()
        result = snapshot_import(data=data, file_name=name, published=published, source_url=url)
        outcomes.append(f"{name}: {result.status} {result.message}".strip())
    return outcomes
