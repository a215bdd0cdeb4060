# Two commands for newcomers: `make run` (the demo school on an embedded PostgreSQL) and
# `make test` (everything, on the system PostgreSQL). See README.md.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# `make run` needs only the runtime packages; lint and test targets add the dev tools.
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
export DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/portal
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist worksteal
# The oldest Python the project supports; the locks hold markers for newer ones too.
LOCK_PYTHON := 3.11
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --universal --python-version $(LOCK_PYTHON) \
	--generate-hashes --custom-compile-command "make lock" $(LOCK_ARGS)

.PHONY: run test test-dates lint format check messages install install-runtime lock

$(PY):
	$(PYTHON) -m venv $(VENV)

# Installs exactly what the lock says (every package pinned and hash-checked); the check
# first stops with a clear message when a requirements file changed without `make lock`.
$(RUNTIME): requirements.txt requirements.lock scripts/check_lock.py | $(PY)
	@$(PYTHON) scripts/check_lock.py requirements.txt requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

$(DEV): requirements.txt requirements-dev.txt requirements.lock requirements-dev.lock scripts/check_lock.py | $(PY)
	@$(PYTHON) scripts/check_lock.py requirements.txt requirements.lock
	@$(PYTHON) scripts/check_lock.py requirements-dev.txt requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@touch $@

## install: runtime packages plus the test and lint tools (what `make test` uses)
install: $(DEV)

## install-runtime: the runtime packages only (what `make run` installs)
install-runtime: $(RUNTIME)

## lock: rewrite requirements.lock and requirements-dev.lock from the .txt files (PyPI);
## keeps the locked versions that still fit, `make lock LOCK_ARGS=--upgrade` takes the newest
lock: | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep -E '^uv==' requirements-dev.txt)"
	$(UV_COMPILE) requirements.txt -o requirements.lock
	$(UV_COMPILE) requirements-dev.txt --constraint requirements.lock -o requirements-dev.lock
	@$(PYTHON) scripts/check_lock.py requirements.txt requirements.lock
	@$(PYTHON) scripts/check_lock.py requirements-dev.txt requirements-dev.lock

## run: install, start the embedded PostgreSQL (unless DATABASE_URL is set), migrate,
## load the demo school if the database is empty, serve on http://$(HOST):$(PORT)/
run: $(RUNTIME)
	@PY=$(PY) HOST=$(HOST) PORT=$(PORT) scripts/run.sh

## lint: ruff (lint + format check) and djhtml on templates
lint: $(DEV)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	find . -path ./$(VENV) -prune -o -name '*.html' -path '*/templates/*' -print | xargs $(VENV)/bin/djhtml --check

## format: apply ruff format, ruff's safe fixes and djhtml
format: $(DEV)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	find . -path ./$(VENV) -prune -o -name '*.html' -path '*/templates/*' -print | xargs $(VENV)/bin/djhtml

## check: Django system checks and missing migrations, against PostgreSQL
check: $(DEV)
	@PYTHON=$(PY) DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" scripts/ensure_postgres.sh
	@scripts/ensure_redis.sh
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check --fail-level WARNING
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

## test: lint, checks, then the whole test suite (unit + browser) on PostgreSQL and Redis
## on every core (pytest-xdist; TEST_WORKERS=0 runs in this process, e.g. for pdb)
test: lint check
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" $(VENV)/bin/pytest $(XDIST) $(PYTEST_ARGS)

## test-dates: the tests marked `dated` again, with the clock moved (time-machine) to a
## winter and an autumn day, so they keep testing after New Year and in a new school year;
## `make test-dates DATED= CLOCKS=2027-01-01` runs the whole suite on that day instead
## (a test that fails there depends on the date without the mark)
CLOCKS ?= 2027-02-01 2026-09-01
DATED ?= dated
test-dates: $(DEV)
	@PYTHON=$(PY) DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" scripts/ensure_postgres.sh
	@for day in $(CLOCKS); do \
		echo "== $(or $(DATED),all) tests on $$day"; \
		DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" $(VENV)/bin/pytest $(if $(DATED),-m $(DATED)) --clock=$$day -q $(XDIST) $(PYTEST_ARGS) || exit 1; \
	done

## messages: extract Russian strings and compile the English translations
messages: $(RUNTIME)
	$(PY) manage.py makemessages --locale en --ignore '$(VENV)/*' --ignore '.pgdata/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '$(VENV)/*'
