//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f read-only, with the pages the
// page cache holds entered at once (MAP_POPULATE), and returns them with
// the function that unmaps them; ok is false when the file cannot be
// mapped (a file system without mmap), and the caller reads it instead.
//
// Why: a process that reads one file (tools/pdftext, `styrdok text`)
// pays for every fresh page of memory it touches, about 20 µs of CPU
// each on the virtual machines styrdok is measured on; reading a 1.6 MB
// PDF into a new buffer touched 400 of them, a third of the pages the
// whole extraction touched. Mapped, the file's pages are the page
// cache's own (docs/benchmarks.md, session 13, h-pdf15).
func mapFile(f *os.File, size int64) (data []byte, unmap func(), ok bool) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, false
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED|mapPopulate)
	if err != nil {
		return nil, nil, false
	}
	return data, func() { _ = syscall.Munmap(data) }, true
}
