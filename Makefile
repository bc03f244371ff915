# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Set-up steps are stamped, so a second run skips what is already installed.

VENV    := .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
PYSTAMP := $(VENV)/.installed
NPMSTAMP:= node_modules/.installed
CHROMIUM:= /usr/bin/chromium
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Material prints an end-of-life banner on every build; the build output stays readable without it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint install browser lock linkcheck-external clean

serve: install
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

test: install browser
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest

build: install
	$(BIN)/mkdocs build --strict

lint: install
	node_modules/.bin/markdownlint-cli2
	$(BIN)/codespell docs data examples README.md CONTRIBUTING.md

install: $(PYSTAMP) $(NPMSTAMP)

$(PYSTAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(NPMSTAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium where apt is available (Playwright's browser download is not reachable
# there); on GitHub Actions, Playwright's own build.
browser: $(PYSTAMP)
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ -n "$$GITHUB_ACTIONS" ]; then $(BIN)/playwright install --with-deps chromium; \
	else $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; fi

# Re-pin Python dependencies after editing requirements.in.
lock: $(PYSTAMP)
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url \
	  --no-emit-find-links -o requirements.txt requirements.in

# Opt-in: checks every external link of the built site over the network.
linkcheck-external: build
	$(PY) scripts/linkcheck_external.py site

clean:
	rm -rf site .pytest_cache
