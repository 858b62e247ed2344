# styrdok: `make run` analyses the bundled corpus, `make test` runs all tests.
GO      ?= go
OUT     ?= styrdok-out
BIN     := bin/styrdok

.PHONY: all build run test race vet fmt bench fuzz clean docs

all: build

build:
	$(GO) build -o $(BIN) ./cmd/styrdok

# The main job on the bundled corpus; reports land in ./styrdok-out/.
run: build
	./$(BIN) run --out $(OUT) testdata/corpus

test:
	$(GO) vet ./...
	$(GO) test ./...

race:
	$(GO) test -race ./...

# docs/codebook.md is generated from the embedded codebook; a test checks it.
docs:
	$(GO) run ./tools/gendocs docs/codebook.md

fmt:
	gofmt -l -w .

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target for a short time (FUZZTIME), as CI does.
FUZZTIME ?= 20s
fuzz:
	for t in FuzzParsePDF FuzzParseDOCX FuzzParseHTML FuzzParseText; do \
		$(GO) test ./ingest -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x || exit 1; \
	done

clean:
	rm -rf bin $(OUT)
