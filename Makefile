# The two commands of the README: `make run` serves the site, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: install run test check lint lighthouse serve bench

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_referentials
	$(BIN)/python manage.py load_initial_content
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest

# What CI checks first: lint, formatting, migrations in step with the models, the API contract.
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m openapi_spec_validator roles/openapi.json

lint: install
	$(BIN)/ruff check .

lighthouse: install
	npm ci --no-audit --no-fund --loglevel=error
	bash scripts/lighthouse.sh

# The production stack locally: nginx (TLS) -> gunicorn -> PostgreSQL + Redis (README, "Production").
serve: install
	bash scripts/serve.sh

# Load benchmark through that stack (wrk); prints a table. BENCH_SECONDS sets each run's length.
bench: install
	$(BIN)/python benchmarks/bench.py
