# The two commands a newcomer needs: `make run` and `make test`. Both bootstrap .venv from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# The suite runs with production-like settings (DEBUG off) and a throwaway key.
TEST_ENV := SECRET_KEY=test-only-secret-key DEBUG=false

.PHONY: install run test test-fast lint format typecheck check-migrations pytest bench load e2e backup restore clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install
	$(BIN)/python scripts/run.py

test: install lint typecheck check-migrations pytest

# The inner loop: lint and the suite without the browser, fault, fuzz, real-data and slow lanes (markers:
# conftest.py), on kept test databases, in TEST_WORKERS processes (pytest-xdist; one database each, made on
# the first run). REDIS_URL is cleared so that each process has its own cache. `make test` runs everything.
TEST_WORKERS ?= 2
test-fast: install lint
	$(TEST_ENV) REDIS_URL= $(BIN)/python -m pytest --reuse-db -q -n $(TEST_WORKERS) --durations=15 \
		-m "not browser and not faults and not fuzz and not realdata and not slow" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --check .
	$(BIN)/djlint --lint .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint --reformat --quiet . || true

# mypy's Django plugin imports the settings; it needs no database, so point it at a URL it never opens.
typecheck: install
	DATABASE_URL=postgres://mypy@127.0.0.1:1/unused $(TEST_ENV) $(BIN)/mypy .

check-migrations: install
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(TEST_ENV) $(BIN)/python -m pytest --durations=25 $(PYTEST_ARGS)

# Real Chromium (Debian's /usr/bin/chromium) through the site; skipped where Chromium is absent.
e2e: install
	$(TEST_ENV) $(BIN)/python -m pytest e2e $(PYTEST_ARGS)

# National-scale benchmark in its own database (see bench/README.md); prints a table, writes bench/results.json.
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# 50 concurrent clients for 60 s against gunicorn on loopback, over the current database (see bench/soak.py).
load: install
	$(BIN)/python -m bench.soak $(LOAD_ARGS)

backup: install
	scripts/backup.sh

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/<timestamp>.dump" >&2; exit 2; }
	scripts/restore.sh "$(FILE)"

messages: install
	$(BIN)/python manage.py makemessages -l es --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .data staticfiles .pytest_cache .mypy_cache .ruff_cache
