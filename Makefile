# Two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MODEL_STAMP := .models/all-MiniLM-L6-v2/openvino-int8.xml
LEXICON := .models/lexicon.sqlite
SHARED := ../shared/corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run index test lint-code bench eval clean browser services

# torch is pinned and installed first so nothing pulls the CUDA build.
$(STAMP): pyproject.toml
	@echo "Installing Python packages into $(VENV) (first run: ~2 min)…"
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[export,dev,bench]'
	touch $(STAMP)

# Re-checked when the export code changes; ensure_model re-exports only what is outdated.
$(MODEL_STAMP): $(STAMP) $(wildcard assistant/embed/export/*.py)
	@echo "Exporting the embedding model to .models/ (first run: ~1 min; later only checked)…"
	$(PY) -m assistant.embed.export
	touch $(MODEL_STAMP)

# Places and ordinary words from their data packages, in SQLite (rebuilt when they change).
$(LEXICON): $(STAMP) assistant/places/lexicon.py assistant/places/sources.py assistant/places/names.py
	@echo "Building the places lexicon (first run: ~10 s)…"
	$(PY) -m assistant.places.lexicon $(LEXICON)
	touch $(LEXICON)

# The package's bytecode, written even where PYTHONDONTWRITEBYTECODE is set: an editable
# install is never compiled, and a cold `ask` would compile every module (~0.07 s) each time.
setup: $(STAMP) $(MODEL_STAMP) $(LEXICON)
	@$(PY) -m compileall -q assistant

# Browser tests drive Debian's chromium (never a downloaded one). As root this installs it;
# otherwise it says how, and fails: browser tests must not silently skip.
CHROMIUM := /usr/bin/chromium
browser: setup
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "$(CHROMIUM) is missing: run \`make browser\` as root (apt-get install chromium)" >&2; \
	    exit 1; \
	  fi; }
	@test -x $(CHROMIUM) || { echo "apt-get did not install $(CHROMIUM)" >&2; exit 1; }

index: setup
	@echo "Building the index (first run: seconds for corpus/, ~4 min for thousands of guides; later runs re-embed only changed guides)…"
	$(VENV)/bin/assistant index

run: index
	@echo 'Starting the web app (~5 s); from another shell, .venv/bin/ask "question" asks the same index.'
	$(PY) app.py

lint-code: setup
	$(VENV)/bin/ruff check assistant tests app.py
	$(VENV)/bin/mypy assistant app.py

# Shared services the replica tests start on loopback (Debian's redis-server and postgresql),
# installed as chromium is: as root here, else a message saying how.
REDIS := /usr/bin/redis-server
services: setup
	@test -x $(REDIS) && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      redis-server postgresql; \
	  else \
	    echo "redis-server or postgresql is missing: run \`make services\` as root" >&2; \
	    exit 1; \
	  fi; }
	@test -x $(REDIS) || { echo "apt-get did not install $(REDIS)" >&2; exit 1; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "apt-get did not install postgresql" >&2; exit 1; }

test: setup browser services lint-code
	$(VENV)/bin/pytest -q

SHARED_INDEX := .cache/shared-index
eval: setup
	ASSISTANT_INDEX=$(SHARED_INDEX) $(VENV)/bin/assistant index --corpus $(SHARED)/guides --corpus $(SHARED)/articles --quiet
	$(VENV)/bin/assistant eval tests/eval/gold.jsonl --index $(SHARED_INDEX)
	$(VENV)/bin/assistant eval tests/eval/adversarial.jsonl --index $(SHARED_INDEX) --failures 200
	$(VENV)/bin/assistant eval tests/eval/everyday.jsonl --index $(SHARED_INDEX) --failures 0
	$(VENV)/bin/assistant eval tests/eval/advice.jsonl --index $(SHARED_INDEX) --failures 0

# A slice of the library by default (minutes; report in bench-results/); FULL=1 measures the
# whole library and rewrites docs/benchmark-report.* (the LangChain peer's index is cached by the
# corpus's content: its first build took 41 min here on a busy host, ~21 min at the slice's rate).
bench: setup
	$(PY) -m assistant.bench $(if $(FULL),--full)

clean:
	rm -rf $(VENV) .models index .cache
