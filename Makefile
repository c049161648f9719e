# planner: `make run` shows the product, `make test` checks it. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The browser tests drive Debian's Chromium (Playwright's own download is not used).
CHROMIUM := /usr/bin/chromium
# `make run PORT=8080` when 8000 is taken.
PORT ?= 8000

.PHONY: install run test lint bench clean lock

# The API test generates a client with openapi-python-client, kept in a virtualenv of its own
# (it wants older httpx and typer than planner uses).
GENERATOR := $(VENV)/client-generator/bin/openapi-python-client

install: $(VENV)/.installed $(CHROMIUM) $(GENERATOR)

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

$(GENERATOR): client-generator.txt $(VENV)/.installed
	$(PYTHON) -m venv $(VENV)/client-generator
	$(VENV)/client-generator/bin/pip install --quiet -c client-generator.txt openapi-python-client
	touch $@

# After upgrading a dependency and passing `make test`: pin what .venv now holds.
lock: install
	echo "# Every package make install uses, at the versions the tests passed with; \`make lock\` refreshes it." > constraints.txt
	$(BIN)/pip freeze --exclude-editable | grep -v '@ file' >> constraints.txt
	head -2 client-generator.txt > client-generator.new
	$(VENV)/client-generator/bin/pip freeze | grep -v '^pip=' >> client-generator.new
	mv client-generator.new client-generator.txt

# The HTTP benchmark loads the server with wrk, from Debian.
/usr/bin/wrk:
	apt-get update -qq && apt-get install -y -qq wrk

$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium

run: install
	$(BIN)/planner serve --demo --port $(PORT)

lint: install
	$(BIN)/ruff check src api notifications tests benchmarks
	$(BIN)/ruff format --check src api notifications tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# Tests on every core (pytest-xdist); tests/work_units.py says how they are shared.
test: lint
	$(BIN)/pytest -n auto --dist loadscope --no-loadscope-reorder

bench: install /usr/bin/wrk
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
