//go:build unix

package reports

import (
	"os"
	"syscall"
)

// mapWindow maps size bytes of f from off, read-only (MAP_POPULATE where
// there is one): a window of a fragments file that the fragments' checks
// and the writers read in place. Reading the windows into memory
// (pread) copied every kept fragment, ~50 MB on a one-file re-run of
// 1,000 documents: a quarter of its CPU under load (issue 17 item 3).
// Only the windows in use are mapped, each unmapped when its last
// fragment is released (fragWin.release): session 18 mapped whole files
// and its peak RSS grew with them (92 -> 267 MB at 2,000 documents). The
// file is this run's own fragments file, cut at its index (newFragWriter)
// before the pass starts and appended to past the windows only, so the
// mapped bytes do not change while mapped. The error is the mapping's:
// the caller reads the window instead.
func mapWindow(f *os.File, off int64, size int) (b, m []byte, err error) {
	page := int64(os.Getpagesize())
	at := off &^ (page - 1)
	m, err = syscall.Mmap(int(f.Fd()), at, size+int(off-at), syscall.PROT_READ, syscall.MAP_SHARED|mapPopulate)
	if err != nil {
		return nil, nil, err
	}
	return m[off-at : off-at+int64(size) : off-at+int64(size)], m, nil
}

// unmapWindow unmaps a window of mapWindow.
func unmapWindow(m []byte) { syscall.Munmap(m) }
