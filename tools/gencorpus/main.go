// Command gencorpus writes a synthetic corpus of steering documents for
// benchmarks and tests: it recombines the paragraphs of the bundled real
// documents (testdata/corpus/*.txt) under municipality names from the
// registry. The output depends only on the sources, the counts and the seed.
//
// Usage:
//
//	go run ./tools/gencorpus -out /tmp/corpus -n 2000 -pdf 200 -seed 1
//
// Text documents are written as NNNN-name-kind.txt, PDFs (text only,
// Helvetica, WinAnsiEncoding, written by the minimal PDF writer in gen/pdf.go)
// as pNNNN-name-kind.pdf.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

func main() {
	var o gen.Options
	flag.StringVar(&o.Source, "src", "testdata/corpus", "folder of real .txt documents whose paragraphs are recombined")
	flag.StringVar(&o.Out, "out", "", "output folder (created; existing generated files are overwritten)")
	flag.IntVar(&o.Texts, "n", 2000, "number of text documents")
	flag.IntVar(&o.PDFs, "pdf", 200, "number of PDF documents")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed; the same seed gives the same corpus")
	flag.Parse()
	if o.Out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -out is required")
		os.Exit(2)
	}
	st, err := gen.Generate(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d text documents, %d PDFs (%d pages), %.1f MB in %s\n",
		st.Texts, st.PDFs, st.Pages, float64(st.Bytes)/1e6, o.Out)
}
