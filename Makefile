# Study guide task runner. `make` alone prints this help.
# Every target creates .venv and installs the pinned requirements first if needed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Silence Material for MkDocs' end-of-life banner in our own commands (see README).
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test pdf epub offline bench lint clean

help: ## Show this help
	@echo "Study guide: make <target>"
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)   # create the venv once
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --requirement requirements.txt
	$(PY) -m pip install --quiet --no-deps --editable . --config-settings editable_mode=compat   # the studyguide package by name (a .pth path entry)
	@touch $(STAMP)

serve: $(STAMP) ## Build and serve the guide with live reload at http://127.0.0.1:8000
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site strictly into site/
	$(PY) -m mkdocs build --strict --clean

test: $(STAMP) ## Run the whole test suite (strict build included)
	$(PY) -m pytest

pdf: $(STAMP) ## Write the whole guide as one PDF into site/ (pages then link to it)
	GUIDE_PDF=true $(PY) -m mkdocs build --strict --clean
	$(PY) -m studyguide.outputs.pdf site

epub: $(STAMP) ## Write the whole guide as an EPUB 3 into site/ (pages then link to it)
	GUIDE_EPUB=true $(PY) -m mkdocs build --strict
	$(PY) -m studyguide.outputs.epub site

offline: $(STAMP) ## Write the site as a zip that works opened from disk: site/guide-offline.zip
	GUIDE_OFFLINE=true $(PY) -m mkdocs build --strict --clean -f mkdocs.offline.yml -d .cache/site-offline
	$(PY) -m studyguide.outputs.offline .cache/site-offline site/guide-offline.zip   # (GUIDE_OFFLINE_ZIP=true on a build links it)

bench: $(STAMP) ## Benchmark build cost, scaling, page weight and Lighthouse scores
	$(PY) -m bench.bench

lint: $(STAMP) ## Run the pre-commit hooks on every file
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache .pytest_cache
