"""A real PostgreSQL 16 from the `pgserver` wheel, for machines where DATABASE_URL is unset.

The server keeps its data in `.data/postgres` and listens on a Unix socket only. Every process that calls
`database_settings()` holds a handle on it; pgserver stops the server when the last handle is released,
so `make run` (one parent process whose children inherit DATABASE_URL) and the test suite each leave
nothing running behind them.
"""

from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / ".data" / "postgres"
DATABASE_NAME = "directory"

_server: Any = None


def start(pgdata: Path = DEFAULT_PGDATA) -> Any:
    """Start (or attach to) the embedded server. Costs about a second, more on first run (initdb)."""
    global _server
    if _server is None:
        import logging
        import warnings

        logging.getLogger("pgserver").setLevel(logging.WARNING)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            pgdata.mkdir(parents=True, exist_ok=True)
            _server = pgserver.get_server(pgdata, cleanup_mode="stop")
        exists = _server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
        if "1 row" not in exists:
            _server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return _server


def url() -> str:
    """A DATABASE_URL for the embedded server, with its socket directory as the host."""
    return str(start().get_uri(DATABASE_NAME))


def database_settings() -> dict[str, Any]:
    server = start()
    socket_dir = server.get_uri().split("host=", 1)[1]
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": socket_dir,
        "PORT": "",
    }
