# Two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MODEL_STAMP := .models/all-MiniLM-L6-v2/model.onnx
SHARED := ../shared/corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run index test lint-code bench eval clean browser

# torch is pinned and installed first so nothing pulls the CUDA build.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[export,dev]'
	touch $(STAMP)

$(MODEL_STAMP): $(STAMP)
	$(PY) -m assistant.index.export

setup: $(STAMP) $(MODEL_STAMP)

browser: setup
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium'"; exit 1; fi; }

index: setup
	$(VENV)/bin/assistant index

run: index
	$(PY) app.py

lint-code: setup
	$(VENV)/bin/ruff check assistant tests app.py
	$(VENV)/bin/mypy assistant app.py

test: setup lint-code
	$(VENV)/bin/pytest -q

SHARED_INDEX := .cache/shared-index
eval: setup
	ASSISTANT_INDEX=$(SHARED_INDEX) $(VENV)/bin/assistant index --corpus $(SHARED)/guides --corpus $(SHARED)/articles --quiet
	$(VENV)/bin/assistant eval tests/eval/gold.jsonl --index $(SHARED_INDEX)

bench: setup
	$(PY) -m assistant.bench

clean:
	rm -rf $(VENV) .models index .cache
