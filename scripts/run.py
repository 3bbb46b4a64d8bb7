"""`make run`: database, migrations, reference data, ICE lists, then web + Celery worker + beat.

With DATABASE_URL unset, this process starts the embedded PostgreSQL and hands its URL to every child, so
the server lives exactly as long as `make run`. Ctrl-C stops the children, then the database.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def main() -> int:
    os.chdir(ROOT)
    env = dict(os.environ)
    env.setdefault("DEBUG", "true")
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    if not env.get("DATABASE_URL"):
        from config import embedded_postgres

        env["DATABASE_URL"] = embedded_postgres.url()
        print(f"Embedded PostgreSQL running, data in {embedded_postgres.DEFAULT_PGDATA}", flush=True)

    def manage(*args: str, check: bool = True) -> int:
        return subprocess.run([PYTHON, "manage.py", *args], env=env, check=check).returncode

    manage("migrate", "--noinput")
    manage("load_reference_data")
    sheets_dir = env.get("ICE_SHEETS_DIR")
    import_args = [sheets_dir] if sheets_dir else ["--from-ice"]
    if manage("import_ice_sheets", *import_args, check=False) != 0:
        print(
            "ICE lists were not imported (see above); the site runs with what the database has.", flush=True
        )

    children = [
        subprocess.Popen([PYTHON, "manage.py", "runserver", "127.0.0.1:8000", "--noreload"], env=env),
        subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2"], env=env
        ),
        subprocess.Popen([PYTHON, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO"], env=env),
    ]
    print("Serving http://127.0.0.1:8000 (Ctrl-C stops everything)", flush=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.5)
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
