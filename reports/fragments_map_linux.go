//go:build linux

package reports

import "syscall"

// mapPopulate maps a window's pages at once (they are read through).
const mapPopulate = syscall.MAP_POPULATE
