//go:build unix && !linux

package ingest

// mapPopulate is 0 where mmap has no MAP_POPULATE (the BSDs, macOS).
const mapPopulate = 0
