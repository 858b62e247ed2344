//go:build linux

package main

import (
	"os"
	"syscall"
)

// fileSigOf is the signature of the file fi describes (see fileSig);
// false when the system does not give one.
func fileSigOf(fi os.FileInfo) (fileSig, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileSig{}, false
	}
	return fileSig{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size,
		MtimeNS: st.Mtim.Nano(), CtimeNS: st.Ctim.Nano()}, true
}
