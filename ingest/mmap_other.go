//go:build !unix

package ingest

import "os"

// mapFile does not map files on systems without mmap: LoadInto reads them.
func mapFile(*os.File, int64) ([]byte, func(), bool) { return nil, nil, false }
