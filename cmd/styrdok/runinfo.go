package main

import (
	"flag"
	"time"

	"github.com/styrdok/styrdok/analysis"
)

// runOptions records every flag of a run for run.json, with defaults
// resolved where they depend on the day: an empty --as-of is today, and
// the codebook is named by its hash as well as its file.
func runOptions(fs *flag.FlagSet, a *analysis.Analyzer) map[string]string {
	opts := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) { opts[f.Name] = f.Value.String() })
	if opts["as-of"] == "" {
		opts["as-of"] = time.Now().Format("2006-01-02")
	}
	if opts["codebook"] == "" {
		opts["codebook"] = "(embedded)"
	}
	return opts
}
