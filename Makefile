# styrdok: `make run` analyses the bundled corpus, `make test` runs all tests.
GO      ?= go
OUT     ?= styrdok-out
BIN     := bin/styrdok

.PHONY: all build install run test race vet fmt bench bench-go fuzz clean docs

all: build

build:
	$(GO) build -o $(BIN) ./cmd/styrdok

# The styrdok command into $(go env GOPATH)/bin (or GOBIN).
install:
	$(GO) install ./cmd/styrdok

# The main job on the bundled corpus; reports land in ./styrdok-out/.
run: build
	./$(BIN) run --out $(OUT) testdata/corpus

test:
	$(GO) vet ./...
	$(GO) test -timeout 45m ./...

race:
	$(GO) test -race -timeout 45m ./...

# docs/codebook.md is generated from the embedded codebook; a test checks it.
docs:
	$(GO) run ./tools/gendocs docs/codebook.md

fmt:
	gofmt -l -w .

# Corpus-scale benchmark, into docs/benchmarks.md: (1) 2,000 texts and
# 200 PDFs: `styrdok run` cold and incremental against
# ../shared/bench/peer.py (when present), pdftotext and PyMuPDF, and the
# shard/merge identity check (4 shards merged = one run, byte for byte);
# (2) the scale section: BENCH_SIZES documents, each in paired turns of a
# cold run, a codebook change and one changed file. The full run (1k, 10k,
# 50k) takes about an hour on 2 shared cores; a quick one:
#   make bench BENCH_SIZES=1000 BENCH_FLAGS="-repeat 1"
BENCH_SIZES ?= 1000,10000,50000
bench: build
	$(GO) run ./tools/bench -bin $(BIN) -doc docs/benchmarks.md -sizes "$(BENCH_SIZES)" $(BENCH_FLAGS)

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target for a short time (FUZZTIME), as CI does (tools/fuzz/fuzz.sh
# retries once a run that Go 1.26's coordinator fails at the deadline with no
# failing input written).
FUZZTIME ?= 20s
fuzz:
	for t in FuzzParsePDF FuzzParseDOCX FuzzParseODT FuzzParseHTML FuzzParseMarkdown FuzzParseText; do \
		GO=$(GO) tools/fuzz/fuzz.sh ingest $$t $(FUZZTIME) || exit 1; \
	done
	for t in FuzzDecodeAnalysis FuzzMentionsEvaluation FuzzAnalyze; do \
		GO=$(GO) tools/fuzz/fuzz.sh analysis $$t $(FUZZTIME) || exit 1; \
	done
	for t in FuzzWriteCSV FuzzSummaryMarkdown FuzzReportHTML FuzzReports; do \
		GO=$(GO) tools/fuzz/fuzz.sh reports $$t $(FUZZTIME) || exit 1; \
	done

clean:
	rm -rf bin $(OUT)
