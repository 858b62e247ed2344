//go:build race

package eval

// raceDetector is true when the tests run under the race detector
// (go test -race). The whole-part scorings (TestThemesDev, TestHeldOut,
// TestAttributionSilver) analyse the texts one after another on one goroutine: the
// race detector has nothing to find in them and would multiply their
// time, so they run only without -race (make test), where their floors
// are checked.
const raceDetector = true
