//go:build linux

package ingest

import "syscall"

// mapPopulate enters the mapped pages at once where the kernel can (Linux).
const mapPopulate = syscall.MAP_POPULATE
