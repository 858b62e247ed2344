//go:build !race

package eval

// raceDetector: see race_on_test.go.
const raceDetector = false
