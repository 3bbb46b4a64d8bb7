"""A database-wide counter that moves whenever public data changes; the page cache keys on it.

PostgreSQL statement-level triggers on every table of the public-data apps bump one sequence, so bulk
imports, set-based sweeps, admin edits and raw SQL all invalidate cached pages alike, across every web
process, without any code having to remember to do it. Reading it is one cheap query.
"""

from django.apps import AppConfig, apps
from django.db import connections

SEQUENCE = "directory_data_version"
FUNCTION = "directory_bump_data_version"
TRIGGER = "directory_data_version"
WATCHED_APPS = ("jurisdictions", "agreements", "documents", "policies", "records_requests")


def install(*, using: str = "default") -> int:
    """Create the sequence and (re)create one trigger per watched table. Idempotent. Returns table count."""
    tables = sorted(
        {
            model._meta.db_table
            for config in apps.get_app_configs()
            if config.label in WATCHED_APPS
            for model in config.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    with connections[using].cursor() as cursor:
        existing = set(connections[using].introspection.table_names(cursor))
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN PERFORM nextval('{SEQUENCE}'); RETURN NULL; END $$"
        )
        for table in tables:
            if table in existing:
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                    f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()'
                )
    return len(tables)


def current(*, using: str = "default") -> int:
    """The current version. One query; never inside the caller's transaction semantics (sequences aren't)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT last_value FROM {SEQUENCE}")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def install_after_migrate(sender: AppConfig, using: str = "default", **kwargs: object) -> None:
    """post_migrate receiver: runs once per migrate (post_migrate is sent once per app that has models;
    this answers the first watched one's), after every app's tables exist."""
    if sender.label == WATCHED_APPS[0]:
        install(using=using)
