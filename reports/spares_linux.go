//go:build linux

package reports

import (
	"os"
	"syscall"
)

// spareLinks is how many names the file fi describes has.
func spareLinks(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 0
}
