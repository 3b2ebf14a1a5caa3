# songngu — two commands on a fresh machine: `make install`, then `make run`.
VENV ?= .venv
PY := $(VENV)/bin/python
SONGNGU := $(VENV)/bin/songngu
HOST ?= 127.0.0.1
PORT ?= 8000
export HF_HUB_DISABLE_TELEMETRY := 1

.PHONY: install run test test-fast models bench bench-quick lint clean messages

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The pinned CPU torch goes first: an unpinned `torch` would pull a multi-GB CUDA build.
install: $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	$(VENV)/bin/pybabel compile -d webui/translations
	@echo "installed: $(SONGNGU)"

run: $(PY)
	@$(PY) -m models.ensure
	$(SONGNGU) serve --host $(HOST) --port $(PORT)

test: $(PY)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(PY) -m pytest -q

test-fast: $(PY)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(PY) -m pytest -q -m "not slow and not browser and not postgres"

# Real checkpoints from the Hugging Face Hub; without network, says how to copy them in
# and builds the tiny TEST models so the desk still runs (their output is nonsense).
models: $(PY)
	$(SONGNGU) models fetch || { echo "falling back to TEST models (random weights)"; $(SONGNGU) models make-test; }
	$(SONGNGU) models list

bench: $(PY)
	$(SONGNGU) bench

bench-quick: $(PY)
	$(SONGNGU) bench --quick --out bench/results/quick

# UI texts: extract the English message ids from webui/, merge them into the vi and en
# catalogs (then translate the new msgstr), and compile. See docs/ARCHITECTURE.md.
messages: $(PY)
	$(VENV)/bin/pybabel extract -F babel.cfg -k lazy_gettext --no-location --sort-output --no-wrap \
		--project songngu -o webui/translations/messages.pot webui
	$(VENV)/bin/pybabel update -i webui/translations/messages.pot -d webui/translations --no-wrap \
		--ignore-obsolete
	$(VENV)/bin/pybabel compile -d webui/translations --statistics

lint: $(PY)
	$(VENV)/bin/ruff check .

clean:
	rm -rf bench/cache .pytest_cache .ruff_cache test-artifacts
