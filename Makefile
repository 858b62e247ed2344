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
	$(GO) test -timeout 30m ./...

race:
	$(GO) test -race -timeout 45m ./...

# docs/codebook.md is generated from the embedded codebook; a test checks it.
docs:
	$(GO) run ./tools/gendocs docs/codebook.md

fmt:
	gofmt -l -w .

# Corpus-scale benchmark: generates 2,000 texts and 200 PDFs, times
# `styrdok run` cold and incremental against ../shared/bench/peer.py (when
# present), pdftotext and PyMuPDF, and writes the table into
# docs/benchmarks.md. BENCH_FLAGS="-repeat 1" for a quick run.
bench: build
	$(GO) run ./tools/bench -bin $(BIN) -doc docs/benchmarks.md $(BENCH_FLAGS)

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target for a short time (FUZZTIME), as CI does.
FUZZTIME ?= 20s
fuzz:
	for t in FuzzParsePDF FuzzParseDOCX FuzzParseODT FuzzParseHTML FuzzParseMarkdown FuzzParseText; do \
		$(GO) test ./ingest -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x || exit 1; \
	done
	for t in FuzzDecodeAnalysis FuzzMentionsEvaluation FuzzAnalyze; do \
		$(GO) test ./analysis -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x || exit 1; \
	done
	for t in FuzzWriteCSV FuzzSummaryMarkdown FuzzReportHTML FuzzReports; do \
		$(GO) test ./reports -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x || exit 1; \
	done

clean:
	rm -rf bin $(OUT)
