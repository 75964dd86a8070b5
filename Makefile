# releasewatch — every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv demo test test-fast run lint format bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: venv
	$(PY) bot.py demo

# One worker per core, a test file per worker: the slow files (kill -9 loop, the 10-minute
# Telegram outage) mostly wait, so they overlap with the rest instead of adding to it.
test: venv
	$(PY) -m pytest -q -n auto --dist loadfile

test-fast: venv
	$(PY) -m pytest -q -n auto --dist loadfile -m "not slow"

run: venv
	$(PY) bot.py run

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/hadolint deploy/Dockerfile

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: venv
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
