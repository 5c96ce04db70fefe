# Quick start (see README.md):
#   make site   set up .venv, annotate content/ and build the site into site/
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test chromium serve bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,fast]'
	touch $(STAMP)

# the pipeline's modules compiled with Cython (15 to 20 % faster); rebuilt when a source changes,
# and skipped with a message where no C compiler is found: the sources then run as they are
COMPILED := annotator/compiled-modules.json
$(COMPILED): $(STAMP) $(shell find annotator -name '*.py')
	$(BIN)/annotator compile

site: $(STAMP) $(COMPILED)
	$(BIN)/annotator build

test: $(STAMP) $(COMPILED) chromium
	$(BIN)/python -m pytest

# the browser tests drive Debian's Chromium (never a browser downloaded by playwright)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then apt-get update && apt-get install -y chromium; \
	  else echo "The browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

serve: $(STAMP)
	$(BIN)/annotator serve

bench: $(STAMP) $(COMPILED)
	$(BIN)/python bench/extract_throughput.py ../shared/corpus/bbc
	$(BIN)/python bench/build_time.py

clean:
	rm -rf site build *.egg-info $(COMPILED)
	find annotator -name '*.so' -delete
