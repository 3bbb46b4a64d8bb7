#!/usr/bin/env bash
# Dump the database (DATABASE_URL, or the embedded one) to backups/<UTC timestamp>.dump; prints the path.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
exec "$PYTHON" scripts/backup.py dump
