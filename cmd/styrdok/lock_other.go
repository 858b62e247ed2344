//go:build !unix

package main

import "os"

// tryLock does not lock where flock is missing (Windows): two runs into
// one output folder are not detected there.
func tryLock(f *os.File) (held bool, err error) { return false, nil }

// termWidth is 0 (unknown) where the terminal cannot be asked.
func termWidth(f *os.File) int { return 0 }
