package main

import (
	"flag"

	"github.com/styrdok/styrdok/analysis"
)

// runOptions records every flag of a run for run.json, with defaults
// resolved where they depend on the day: an empty --as-of is today, and
// the codebook is named by its hash as well as its file.
func runOptions(fs *flag.FlagSet, a *analysis.Analyzer, asOf string) map[string]string {
	opts := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name != "o" { // --out's short form: the same value
			opts[f.Name] = f.Value.String()
		}
	})
	opts["as-of"] = asOf
	if opts["codebook"] == "" {
		opts["codebook"] = "(embedded)"
	}
	return opts
}
