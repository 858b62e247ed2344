// Package registry says what styrdok knows about Sweden's administrative
// map: the 290 municipalities and 21 counties with their SCB codes
// (embedded from data/municipalities.csv) and their boundaries for maps
// (data/*.geojson); it imports nothing of ours, so every other package may
// use it.
//
// The data and its provenance are described in data/README.md.
package registry
