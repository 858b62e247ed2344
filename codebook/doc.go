// Package codebook holds the user-tunable dictionary that drives theme
// tagging: the Codebook type with its themes, terms and phrases, its YAML
// file (the default embedded from codebook.yaml) and the quanteda, LIWC
// and WordStat dictionary formats it imports and exports; it imports
// nothing of ours.
//
// A codebook is data, not code: users copy the embedded one (`styrdok
// themes --yaml`), edit it and pass it with --codebook. Parse validates a
// file and applies its defaults, naming the file in every error. The
// matcher that compiles a codebook for tagging is package analysis
// (NewMatcher); analysis.ParseCodebook, LoadCodebook and DefaultCodebook
// parse through this package and hash analysis's own word lists with the
// codebook (see Parse), so a stored analysis is re-used only for the
// codebook and word lists that made it.
package codebook
