# Two commands for newcomers: `make run` (SQLite demo site) and `make test` (everything,
# on PostgreSQL). See README.md.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/portal
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check messages install clean-db

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

## run: install, migrate, load the demo school if the database is empty, serve on :8000
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py runserver $(HOST):$(PORT)

## lint: ruff (lint + format check) and djhtml on templates
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	find . -path ./$(VENV) -prune -o -name '*.html' -path '*/templates/*' -print | xargs $(VENV)/bin/djhtml --check

## format: apply ruff format, ruff's safe fixes and djhtml
format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	find . -path ./$(VENV) -prune -o -name '*.html' -path '*/templates/*' -print | xargs $(VENV)/bin/djhtml

## check: Django system checks and missing migrations, against PostgreSQL
check: $(STAMP)
	@PYTHON=$(PY) DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" scripts/ensure_postgres.sh
	@scripts/ensure_redis.sh
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check --fail-level WARNING
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

## test: lint, checks, then the whole test suite (unit + browser) on PostgreSQL
test: lint check
	DATABASE_URL="$${DATABASE_URL:-$(DATABASE_URL_TEST)}" $(VENV)/bin/pytest $(PYTEST_ARGS)

## messages: extract Russian strings and compile the English translations
messages: $(STAMP)
	$(PY) manage.py makemessages --locale en --ignore '$(VENV)/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '$(VENV)/*'
