# The README's two commands: `make demo` and `make test`. Both set up .venv on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
STORE  ?= kgstore

.PHONY: demo test bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lexicons]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/kg build data/samples --store $(STORE)
	mkdir -p out
	$(BIN)/kg export --store $(STORE) --format ttl -o out/kg.ttl
	$(BIN)/kg viz --store $(STORE) -o out/kg.html
	$(BIN)/kg stats --store $(STORE)
	@echo "\nPeople and their posts (data/queries/people_and_posts.rq):"
	$(BIN)/kg query --store $(STORE) -f data/queries/people_and_posts.rq

test: $(STAMP)
	sh scripts/install-chromium.sh
	$(BIN)/python -m pytest -n 2 -q

# Build benchmark (bench/README.md): `make bench SIZES="1000 10000" WORKERS=2`.
SIZES   ?= 1000 10000 100000
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
bench: $(STAMP)
	$(BIN)/python bench/bench_build.py --sizes "$(SIZES)" --workers $(WORKERS)

clean:
	rm -rf $(STORE) out .pytest_cache
