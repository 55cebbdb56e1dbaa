# graphkit: `make run` sets everything up and builds output/ from seeds/; `make test` runs the tests.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup browser clean

run: $(STAMP)
	$(VENV)/bin/graphkit build seeds/ -o output

test: $(STAMP) browser
	$(PY) -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download needs the network).
# The browser tests drive /usr/bin/chromium; the served-viewer tests also call curl.
browser:
	@{ test -x /usr/bin/chromium && command -v curl >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium curl >/dev/null; \
	  elif [ -n "$$CI" ]; then echo "CI needs /usr/bin/chromium and curl (run as root, or apt-get install chromium curl)" >&2; exit 1; \
	  else echo "chromium or curl not installed: browser and curl tests will be skipped (sudo apt-get install chromium curl)"; fi; }

clean:
	rm -rf $(VENV) build *.egg-info
