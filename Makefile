# Quick start (see README.md):
#   make site   set up .venv, annotate content/ and build the site into site/
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/annotator build

test: $(STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/annotator serve

bench: $(STAMP)
	$(BIN)/python bench/extract_throughput.py ../shared/corpus/bbc
	$(BIN)/python bench/build_time.py

clean:
	rm -rf site build *.egg-info
