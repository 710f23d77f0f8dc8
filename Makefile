# The two commands of the README: `make run` serves the site, `make test` runs the suite.
# Python packages: requirements.txt is the site's (production installs it alone),
# requirements-test.txt the tests' and tools'; both are locks with hashes, compiled from the
# .in files of the same names by `make lock` (after editing one) or `make upgrade-deps`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: install lock upgrade-deps run test check lint lighthouse serve bench

$(INSTALLED): requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-test.txt
	touch $(INSTALLED)

install: $(INSTALLED)

# One lock for every platform on Python 3.11 and later; the tests' lock keeps the site's versions.
# (fewest: one version of a package for all of them, rather than the newest for each Python).
COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --fork-strategy fewest \
	--generate-hashes --custom-compile-command "make lock"

# After an edit of requirements.in or requirements-test.in: every other pin stays as it is.
lock: install
	$(COMPILE) requirements.in -o requirements.txt
	$(COMPILE) requirements-test.in -o requirements-test.txt

# The newest releases the .in files allow, then installed: run `make check test` before committing.
upgrade-deps: install
	$(COMPILE) --upgrade requirements.in -o requirements.txt
	$(COMPILE) --upgrade requirements-test.in -o requirements-test.txt
	$(MAKE) install

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

# The production stack locally: nginx (TLS) -> gunicorn -> PostgreSQL + Redis (docs/deployment.md).
serve: install
	bash scripts/serve.sh

# Load benchmark through that stack (wrk); prints a table. BENCH_SECONDS sets each run's length.
bench: install
	$(BIN)/python benchmarks/bench.py
