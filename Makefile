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
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/kg build data/samples --store $(STORE)
	mkdir -p out
	$(BIN)/kg export --store $(STORE) --format ttl -o out/kg.ttl
	$(BIN)/kg stats --store $(STORE)
	@echo "\nPeople and their posts (data/queries/people_and_posts.rq):"
	$(BIN)/kg query --store $(STORE) -f data/queries/people_and_posts.rq

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(STORE) out .pytest_cache
