// Command styrdok reads Swedish municipalities' steering documents on the
// integration of newcomers and compares which themes they cover, how
// strongly and where the gaps are. Run `styrdok help` for the commands.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes: 0 success, 1 some files failed (run) or a runtime error,
// 2 bad usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

type command struct {
	name    string
	summary string
	run     func(env *env, args []string) int
}

// env is what a command may touch: its streams. Commands get it instead
// of reaching for os.Stdout, so tests can run them in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func commands() []command {
	return []command{
		{"run", "analyse every document under the paths and write the reports", cmdRun},
		{"merge", "write the reports of a sharded run (run --shard K/N) from its parts", cmdMerge},
		{"analyze", "analyse one document and print its themes, levels and evidence", cmdAnalyze},
		{"tag", "tag text segments from stdin, one per line: TOP<TAB>ALL", cmdTag},
		{"themes", "print the codebook: themes, labels, definitions, patterns", cmdThemes},
		{"text", "print the clean text analysis sees (form feed between pages)", cmdText},
		{"eval", "compare styrdok's coding with human coding (gold TSV files)", cmdEval},
		{"kwic", "keyword in context: where a word and its compounds occur", cmdKWIC},
		{"explain", "why a document got its level for a theme", cmdExplain},
		{"codebook", "import or export codebooks (quanteda YAML, LIWC, WordStat)", cmdCodebook},
		{"benchmark", "compare one municipality's coverage with its county's and the corpus's medians", cmdBenchmark},
	}
}

func main() {
	os.Exit(Main(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

// Main runs styrdok with args and returns the exit code.
func Main(args []string, e *env) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help":
		usage(e.stdout)
		return exitOK
	case "help":
		// `styrdok help run` is `styrdok run --help`.
		if len(args) > 1 && args[1] != "help" {
			return Main(append(args[1:], "--help"), e)
		}
		usage(e.stdout)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(e.stdout, "styrdok", Version)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] || (c.name == "analyze" && args[0] == "analyse") {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "styrdok: unknown command %q (see 'styrdok --help')\n", args[0])
	return exitUsage
}

// Version is the pipeline version: stored results are re-used only for the
// same version.
const Version = "0.29.0"

func usage(w io.Writer) {
	fmt.Fprintln(w, "styrdok compares Swedish municipalities' steering documents on integration.")
	fmt.Fprintln(w, "\nUsage: styrdok COMMAND [options] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'styrdok COMMAND --help' or 'styrdok help COMMAND' for a command's options,")
	fmt.Fprintln(w, "'styrdok --version' for the version.")
	fmt.Fprintln(w, "Exit codes: 0 success, 1 some files failed or an error occurred, 2 bad usage.")
}

// newFlags makes a FlagSet whose --help prints the command's usage to
// stdout (exit 0) and whose errors go to stderr (exit 2).
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: styrdok %s [options] %s\n\n%s\n", name, args, strings.TrimSpace(about))
		fmt.Fprintln(out, "\nOptions:")
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns (code, false) when the command must stop.
func parse(e *env, fs *flag.FlagSet, args []string) (int, bool) {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return exitOK, false
		}
		if a == "--" {
			break
		}
	}
	// A mistyped flag gets one line and the hint, not the whole usage
	// (60 lines for run, the error scrolled out of sight).
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(e.stderr)
	if err := fs.Parse(interspersed(fs, args)); err != nil {
		fmt.Fprintf(e.stderr, "styrdok %s: %v (see 'styrdok %s --help')\n", fs.Name(), err, fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// interspersed moves flags after positional arguments to the front, so
// `styrdok run testdata/corpus --out x` works as users expect.
func interspersed(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, append([]string{"--"}, pos...)...)
}
