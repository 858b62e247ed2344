package analysis

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/styrdok/styrdok/ingest"
)

// Failure is a file that could not be analysed, with the reason.
type Failure struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// BatchOptions configure AnalyzeFiles.
type BatchOptions struct {
	Workers  int            // parallel workers; 0 means the number of CPUs
	Ingest   ingest.Options // per-file limits
	Progress func(done, total, failed int, file string)
}

// AnalyzeFiles ingests and analyses files in parallel. Every file ends up
// either in the results or in the failures, both sorted by file name, so
// the output does not depend on scheduling. A panic while analysing one
// file becomes that file's failure.
func (a *Analyzer) AnalyzeFiles(ctx context.Context, files []string, opt BatchOptions) ([]*DocumentAnalysis, []Failure) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type result struct {
		doc  *DocumentAnalysis
		fail *Failure
		file string
	}
	jobs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				doc, fail := a.analyzeFile(f, opt.Ingest)
				results <- result{doc: doc, fail: fail, file: f}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var docs []*DocumentAnalysis
	var fails []Failure
	done := 0
	for r := range results {
		done++
		if r.fail != nil {
			fails = append(fails, *r.fail)
		} else {
			docs = append(docs, r.doc)
		}
		if opt.Progress != nil {
			opt.Progress(done, len(files), len(fails), r.file)
		}
	}
	if err := ctx.Err(); err != nil && done < len(files) {
		seen := map[string]bool{}
		for _, d := range docs {
			seen[d.File] = true
		}
		for _, f := range fails {
			seen[f.File] = true
		}
		for _, f := range files {
			if !seen[f] {
				fails = append(fails, Failure{File: f, Reason: "not analysed: run interrupted"})
			}
		}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].File < docs[j].File })
	sort.Slice(fails, func(i, j int) bool { return fails[i].File < fails[j].File })
	return docs, fails
}

func (a *Analyzer) analyzeFile(path string, opts ingest.Options) (res *DocumentAnalysis, fail *Failure) {
	defer func() {
		if p := recover(); p != nil {
			res, fail = nil, &Failure{File: path, Reason: fmt.Sprintf("internal error while analysing: %v", p)}
		}
	}()
	doc, err := ingest.Load(path, opts)
	if err != nil {
		return nil, &Failure{File: path, Reason: reasonOf(err)}
	}
	return a.Analyze(doc), nil
}

// reasonOf gives the short reason of an ingest error without repeating the
// file name (failures.csv has it in its own column).
func reasonOf(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		if fe.Err != nil {
			return fmt.Sprintf("%s: %v", fe.Reason, fe.Err)
		}
		return fe.Reason
	}
	return err.Error()
}

// ReasonOf is reasonOf for callers outside the package (walk problems).
func ReasonOf(err error) string { return reasonOf(err) }
