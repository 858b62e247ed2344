// Command pdftext prints the text styrdok extracts from each file named,
// pages separated by form feeds, and nothing else: no analysis, no
// codebook, so that a whole-command comparison with poppler's pdftotext
// measures extraction and process start-up alone (issue 17; `styrdok text`
// also initialises the analysis and report packages, about 10 ms of CPU a
// process). Running lines are removed and OCR is off, as in `styrdok run`
// without tesseract.
//
//	go build -o /tmp/pdftext ./tools/pdftext
//	/usr/bin/time -f '%U %S' sh -c 'for f in DIR/*.pdf; do /tmp/pdftext "$f"; done >/dev/null'
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/styrdok/styrdok/ingest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pdftext FILE...")
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	code := 0
	for _, path := range os.Args[1:] {
		doc, err := ingest.Load(path, ingest.Options{OCR: ingest.OCRNever})
		if err != nil {
			fmt.Fprintln(os.Stderr, "pdftext:", err)
			code = 1
			continue
		}
		w.WriteString(doc.Text)
		w.WriteString("\f")
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "pdftext:", err)
		code = 1
	}
	os.Exit(code)
}
