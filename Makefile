# Study guide task runner. `make` alone prints this help.
# Every target creates .venv and installs the locked requirements first if needed:
# requirements/$(LOCK).txt, by default dev.txt (every group, for local use); CI jobs
# pass LOCK=test, LOCK=lint or LOCK=pdf to install only what they need.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LOCK   ?= dev
# One stamp per lock: a venv with only the lint group is not ready for the tests.
STAMP  := $(VENV)/.installed-$(LOCK)
UV     := uv==0.13.8
# requirements/<lock>.txt and the pyproject.toml groups (extras) each one locks. dev.txt is
# locked first and constrains the others, so every lock pins the same versions.
EXTRAS_site := site
EXTRAS_pdf  := site pdf
EXTRAS_test := site pdf test
EXTRAS_lint := lint
EXTRAS_dev  := site pdf test lint

# The Node tools in package.json (hyperlink for the tests, Lighthouse for the bench),
# installed from package-lock.json when npm is here; without npm the tests that need them
# skip, saying so (and fail under CI, where .ci/run installs npm).
NPM        := $(shell command -v npm 2>/dev/null)
NODE_STAMP := $(if $(NPM),node_modules/.installed)

# Silence Material for MkDocs' end-of-life banner in our own commands (see README).
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test pdf epub offline publish bench lint ci-local lock clean

help: ## Show this help
	@echo "Study guide: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-9s %s\n", $$1, $$2}'

$(STAMP): requirements/$(LOCK).txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)   # create the venv once
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes --requirement requirements/$(LOCK).txt
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "studyguide.pth").write_text("$(CURDIR)\n")'   # the studyguide package by name: a .pth path entry to this folder (what an editable install made, without setuptools' warnings)
	@touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	$(NPM) ci --ignore-scripts --no-audit --no-fund --loglevel=error   # none of them needs an install script
	@touch $@

serve: $(STAMP) ## Build and serve the guide with live reload at http://127.0.0.1:8000
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site strictly into site/
	$(PY) -m mkdocs build --strict --clean

test: $(STAMP) $(NODE_STAMP) ## Run the whole test suite (strict build included), on two workers
	@.ci/system-packages check test || { echo "(the tests that need them skip; under CI they would fail, so CI stops here)"; test -z "$$CI"; }
	@# A file to a worker, slowest first (tests/conftest.py); GUIDE_SITE_DIR: test a built site.
	@# The tests marked `replay` (the lint job in a fresh clone) run in .ci/run and their own job.
	$(PY) -m pytest -n 2 --dist loadfile --no-loadscope-reorder -m "not replay"

pdf: $(STAMP) ## Write the whole guide as one PDF into site/ (pages then link to it)
	GUIDE_PDF=true $(PY) -m mkdocs build --strict --clean
	$(PY) -m studyguide.outputs.pdf site

epub: $(STAMP) ## Write the whole guide as an EPUB 3 into site/ (pages then link to it)
	GUIDE_EPUB=true $(PY) -m mkdocs build --strict
	$(PY) -m studyguide.outputs.epub site

offline: $(STAMP) ## Write the site as a zip that works opened from disk: site/guide-offline.zip
	GUIDE_OFFLINE=true $(PY) -m mkdocs build --strict --clean -f mkdocs.offline.yml -d .cache/site-offline
	$(PY) -m studyguide.outputs.offline .cache/site-offline site/guide-offline.zip   # (GUIDE_OFFLINE_ZIP=true on a build links it)

# The site as the workflow publishes it, in one build: every page linking the PDF, the EPUB and
# the offline zip, then those three files (the data files come with every build).
publish: $(STAMP) ## Build the site as published: pages, PDF, EPUB, offline zip and data files, in site/
	GUIDE_PDF=true GUIDE_EPUB=true GUIDE_OFFLINE_ZIP=true $(PY) -m mkdocs build --strict --clean
	$(PY) -m studyguide.outputs.pdf site
	$(PY) -m studyguide.outputs.epub site
	GUIDE_OFFLINE=true $(PY) -m mkdocs build --strict --clean -f mkdocs.offline.yml -d .cache/site-offline
	$(PY) -m studyguide.outputs.offline .cache/site-offline site/guide-offline.zip

bench: $(STAMP) $(NODE_STAMP) ## Benchmark build cost, scaling, page weight and Lighthouse scores
	$(PY) -m bench.bench

# With only the lint group (LOCK=lint, the workflow's lint job) the studyguide-check hook is
# skipped: it imports the site's packages, which that group lacks. Its checks run at the start
# of every build instead (macros/hooks/checks.py: the build and test jobs).
LINT_SKIP_lint := studyguide-check
comma := ,
lint: $(STAMP) $(NODE_STAMP) ## Run the pre-commit hooks on every file (ESLint from node_modules)
	SKIP="$${SKIP:+$$SKIP$(comma)}$(LINT_SKIP_$(LOCK))" PATH="$(CURDIR)/$(VENV)/bin:$$PATH" \
	  $(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

# JOBS: the jobs of .github/workflows/tests.yml to replay, in order (see .ci/replay).
JOBS ?= lint build test
ci-local: $(STAMP) ## Replay the workflow's jobs (JOBS="lint build test") in a fresh clone of HEAD, as GitHub runs them
	$(PY) .ci/replay $(JOBS)

lock: ## Re-lock requirements/*.txt (with hashes) after editing the groups in pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "$(UV)"
	$(call compile,dev)
	$(foreach lock,site pdf test lint,$(call compile,$(lock)) --constraint requirements/dev.txt &&) true

# uv keeps the versions already in the output file; it resolves only what is new.
compile = $(VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11.5 \
	$(foreach extra,$(EXTRAS_$(1)),--extra $(extra)) --output-file requirements/$(1).txt

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache .pytest_cache
