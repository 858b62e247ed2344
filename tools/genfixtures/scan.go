package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// scanFromPBM makes an image-only PDF (what a scanner writes: no text
// layer) from pages rendered by pdftoppm -mono (binary PBM, P4), one page
// per file, at dpi dots per inch.
func scanFromPBM(files []string, dpi float64) ([]byte, error) {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	for _, f := range files {
		w, h, bits, err := readPBM(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		pw, ph := float64(w)*72/dpi, float64(h)*72/dpi
		n := len(objs) + 1 // page, content, image
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q", pw, ph)
		img := deflate(bits)
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>", pw, ph, n+2, n+1),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
			// PBM: 1 is black; /Decode [1 0] maps it so
			fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, len(img), img))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(files))
	return rawPDF(objs), nil
}

// readPBM reads a binary PBM (P4) file: width, height and the packed rows.
func readPBM(name string) (w, h int, bits []byte, err error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, nil, err
	}
	r := bufio.NewReader(bytes.NewReader(data))
	var magic string
	if _, err := fmt.Fscan(r, &magic, &w, &h); err != nil || magic != "P4" {
		return 0, 0, nil, fmt.Errorf("not a binary PBM")
	}
	if _, err := r.ReadByte(); err != nil { // the one white-space byte after the header
		return 0, 0, nil, err
	}
	bits, err = io.ReadAll(r)
	if err != nil || len(bits) != (w+7)/8*h {
		return 0, 0, nil, fmt.Errorf("PBM data is %d bytes, want %d", len(bits), (w+7)/8*h)
	}
	return w, h, bits, nil
}
