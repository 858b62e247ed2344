//go:build unix && !linux

package reports

const mapPopulate = 0
