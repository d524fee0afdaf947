# Everything a fresh machine needs, from Python and make alone.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: sample test lint bench clean

$(BIN)/tlqa: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Run tlqa on the bundled sample article (its findings are the point: exit 0 when it ran).
sample: $(BIN)/tlqa
	$(BIN)/tlqa check fixtures/sample-article.txt --format rich --fail-on never

# The whole test suite, lint and layering contracts included.
test: $(BIN)/tlqa
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(BIN)/tlqa
	$(BIN)/python benchmarks/bench_speed.py

clean:
	rm -rf $(VENV)
