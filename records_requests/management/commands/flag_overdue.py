from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from records_requests.tasks import flag_overdue_requests


class Command(BaseCommand):
    help = "Flag overdue records requests and queue reminder emails (the same code as the Celery task)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="Sweep as of this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"].isoformat() if options["today"] else None
        self.stdout.write(flag_overdue_requests(today))
