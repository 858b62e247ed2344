package analysis

import (
	"regexp"
	"sync"
)

// lazyRegexp returns expr compiled on first use and shared read-only
// after that. Compiling the package's expressions at start-up cost every
// process (styrdok text, explain, each test's sub-process) milliseconds
// of init although most never match a line against them; compiled once,
// on demand, the cost falls only on the runs that use them. The
// expressions are constants, compiled by TestLazyRegexpsCompile, so a
// panic here means a broken build, not bad input.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// lazyList returns the word list read by read, read on first use and
// shared read-only after that, for the same reason as lazyRegexp. The
// embedded lists are checked by the tests (TestLazyRegexpsCompile reads
// each), so a panic here means a broken build, not bad input.
func lazyList[T any](read func() (T, error)) func() T {
	return sync.OnceValue(func() T { return mustList(read()) })
}
