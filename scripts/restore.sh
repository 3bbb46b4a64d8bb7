#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into the same database: replaces every table it contains.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 backups/<timestamp>.dump" >&2
  exit 2
fi
dump_file="$(realpath "$1")"
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
exec "$PYTHON" scripts/backup.py restore "$dump_file"
