package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/styrdok/styrdok/codebook"
)

func cmdCodebook(e *env, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return cmdCodebookImport(e, args[1:])
		case "export":
			return cmdCodebookExport(e, args[1:])
		}
	}
	fs := newFlags(e, "codebook", "import|export [options]", `
Convert dictionaries between styrdok's codebook and other tools' formats:
  styrdok codebook import --from quanteda|liwc|wordstat FILE > codebook.yaml
  styrdok codebook export --to quanteda|liwc|wordstat [--codebook FILE]
Glob patterns map to compound positions: bostad -> word; arbet* -> word and
modifier; *bostad -> word and head; *bostad* -> word, head and modifier.
What cannot be mapped (wildcards inside words, regular expressions,
weights, 'not' lists, heading terms) is reported on stderr and, where the
format has comments, at the top of the output.`)
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	fmt.Fprintln(e.stderr, "styrdok codebook: want 'import' or 'export' (see styrdok codebook --help)")
	return exitUsage
}

func parseDictFormat(s string) (codebook.DictFormat, bool) {
	f := codebook.DictFormat(s)
	return f, slices.Contains(codebook.DictFormats, f)
}

func cmdCodebookImport(e *env, args []string) int {
	fs := newFlags(e, "codebook import", "--from FORMAT FILE", `
Convert a quanteda YAML dictionary, a LIWC .dic or a WordStat .cat file to
a styrdok codebook (YAML on stdout), reporting what could not be mapped.`)
	from := fs.String("from", "", "format of FILE: quanteda, liwc or wordstat")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	format, ok := parseDictFormat(*from)
	if !ok || fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "styrdok codebook import: give --from quanteda|liwc|wordstat and one FILE")
		return exitUsage
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok codebook import:", err)
		return exitFailure
	}
	res, err := codebook.ImportDictionary(format, data, fs.Arg(0))
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok codebook import:", err)
		return exitFailure
	}
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, "styrdok codebook import: note:", n)
	}
	e.stdout.Write(res.YAML)
	return exitOK
}

func cmdCodebookExport(e *env, args []string) int {
	fs := newFlags(e, "codebook export", "--to FORMAT [--codebook FILE]", `
Write the codebook (the embedded one unless --codebook) as a quanteda YAML
dictionary, a LIWC .dic or a WordStat .cat on stdout, reporting on stderr
what the format cannot carry.`)
	var c common
	c.registerCodebook(fs)
	to := fs.String("to", "", "format: quanteda, liwc or wordstat")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	format, ok := parseDictFormat(*to)
	if !ok || fs.NArg() != 0 {
		fmt.Fprintln(e.stderr, "styrdok codebook export: give --to quanteda|liwc|wordstat (and no arguments)")
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok codebook export:", err)
		return exitUsage
	}
	res, err := codebook.ExportDictionary(a.Codebook, format)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok codebook export:", err)
		return exitFailure
	}
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, "styrdok codebook export: lost:", n)
	}
	e.stdout.Write(res.Data)
	return exitOK
}
