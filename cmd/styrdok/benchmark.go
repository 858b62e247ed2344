package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
	"github.com/styrdok/styrdok/reports"
)

// resolveCounty loads the registry and resolves a --county value (code
// or name) to its code; "" stays "".
func resolveCounty(key string) (*registry.Registry, string, error) {
	reg, err := registry.LoadRegistry()
	if err != nil {
		return nil, "", err
	}
	if key == "" {
		return reg, "", nil
	}
	c, ok := reg.County(key)
	if !ok {
		return nil, "", fmt.Errorf("--county %q: no such county (give a two-digit code such as 14 or a name such as \"Västra Götaland\")", key)
	}
	return reg, c.Code, nil
}

func cmdBenchmark(e *env, args []string) int {
	fs := newFlags(e, "benchmark", "MUNICIPALITY PATH...", `
Analyse every document under the paths and compare one municipality (code
such as 1440, or name such as Ale) with its county and the whole corpus:
its theme levels and shares, and other indicators, next to the medians of
the other municipalities with a usable document; the themes where it is
below both; and the three most similar plans of other municipalities.
Prints the comparison and writes into the output folder:
  benchmark-CODE.csv        one row per figure with both medians
  benchmark-CODE-peers.csv  the most similar plans
  benchmark-CODE.md         the comparison as printed`)
	var c common
	c.register(fs)
	out := fs.String("out", "styrdok-out", "output folder")
	workers := fs.Int("workers", 0, "files analysed in parallel (default: number of CPUs)")
	quiet := fs.Bool("quiet", false, "print nothing but errors and the comparison")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() < 2 {
		fmt.Fprintln(e.stderr, "styrdok benchmark: give a MUNICIPALITY and at least one PATH (try: styrdok benchmark Ale testdata/corpus)")
		return exitUsage
	}
	reg, _, err := resolveCounty("")
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok benchmark:", err)
		return exitFailure
	}
	key := fs.Arg(0)
	if _, ok := reg.Municipality(key); !ok {
		if _, ok := reg.MunicipalityByName(key); !ok {
			fmt.Fprintf(e.stderr, "styrdok benchmark: %q is neither a municipality code nor a municipality name\n", key)
			return exitUsage
		}
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok benchmark:", err)
		return exitUsage
	}
	files, problems := ingest.Walk(fs.Args()[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	docs, fails := corpus.AnalyzeFiles(ctx, a, files, corpus.BatchOptions{Workers: *workers, Ingest: c.ingestOptions()})
	fails = append(fails, analysis.WalkFailures(problems)...)
	if !*quiet {
		for _, f := range fails {
			fmt.Fprintf(e.stderr, "styrdok: %s: %s\n", quoteName(f.File), f.Reason)
		}
	}
	rep := &reports.Report{Documents: docs, Failures: fails, Codebook: a.Codebook, Registry: reg}
	b, err := reports.NewBenchmark(rep, key)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok", err)
		return exitFailure
	}
	if err := reports.WriteBenchmark(*out, b); err != nil {
		fmt.Fprintln(e.stderr, "styrdok benchmark:", err)
		return exitFailure
	}
	if err := reports.WriteBenchmarkMarkdown(e.stdout, b); err != nil {
		fmt.Fprintln(e.stderr, "styrdok benchmark:", err)
		return exitFailure
	}
	return exitOK
}
