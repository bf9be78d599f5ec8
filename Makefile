# The README's two commands: `make run` and `make test`. Both are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup setup-dev migrate seed lint format check messages bench loadtest audit clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

migrate: setup
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_site

## run: set up, migrate, seed and serve the site at http://127.0.0.1:8000/
run: seed
	$(MANAGE) runserver $(HOST):$(PORT)

## test: set up and run the whole test suite
test: setup-dev
	$(BIN)/pytest $(PYTEST_ARGS)

## lint: the commit hooks over every tracked file (.pre-commit-config.yaml): django-upgrade, ruff
## check and format, djLint. Hooks that can fix a file do so and fail; the diff is shown.
lint: setup-dev
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: setup-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## check: the Django checks CI runs besides the tests
check: setup-dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=hfs_site.settings.production SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		ALLOWED_HOSTS=hfs.example.org $(MANAGE) check --deploy --fail-level WARNING

## messages: update the Spanish catalogue from the code, then compile it (needs GNU gettext)
messages: setup
	$(MANAGE) makemessages -l es --no-location --no-obsolete $(foreach d,.venv staticfiles data test-artifacts tools tests docs static,-i "$(d)/*")
	$(MANAGE) compilemessages -l es -i .venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

## bench: this site against the platform peer, interleaved: make bench PEER_DIR=<the peer's folder>
## (without PEER_DIR the site runs alone); installs Debian's wrk when missing (see docs/performance.md)
bench: setup-dev
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } \
		|| echo "wrk could not be installed: the benchmark uses its slower Python client"
	$(PY) -m tools.bench $(if $(PEER_DIR),--peer-dir "$(PEER_DIR)") $(BENCH_ARGS)

## loadtest: 50 clients for 60 s, pages and callback posts; fails on any error or lost request
loadtest: setup-dev
	$(PY) -m tools.loadtest

## audit: known vulnerabilities in the installed packages (needs the PyPI vulnerability API)
audit: setup-dev
	$(BIN)/pip-audit --local --vulnerability-service pypi
