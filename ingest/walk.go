package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Walk expands paths (files and directories) into the sorted list of files
// to ingest. Problems met on the way (unreadable directories, symlink
// loops, paths that do not exist) come back as FileErrors, never dropped.
func Walk(paths []string) (files []string, problems []*FileError) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			problems = append(problems, &FileError{Path: root, Reason: "cannot read path", Err: err})
			continue
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		visited := map[string]bool{}
		walkDir(root, visited, add, &problems)
	}
	sort.Strings(files)
	sort.Slice(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	return files, problems
}

// walkDir follows symlinked directories but remembers resolved paths, so a
// symlink loop is reported once instead of recursing forever.
func walkDir(dir string, visited map[string]bool, add func(string), problems *[]*FileError) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		*problems = append(*problems, &FileError{Path: dir, Reason: "cannot resolve path (symlink loop?)", Err: err})
		return
	}
	if visited[real] {
		*problems = append(*problems, &FileError{Path: dir, Reason: "symlink loop: directory already visited"})
		return
	}
	visited[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		*problems = append(*problems, &FileError{Path: dir, Reason: "cannot read directory", Err: err})
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.Name() != "" && e.Name()[0] == '.' {
			continue // hidden files and folders (.git) are not documents
		}
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				reason := "broken symlink"
				if errors.Is(err, fs.ErrNotExist) {
					reason = "broken symlink: target does not exist"
				} else {
					reason = "cannot resolve symlink (symlink loop?)"
				}
				*problems = append(*problems, &FileError{Path: p, Reason: reason, Err: err})
				continue
			}
			if st.IsDir() {
				walkDir(p, visited, add, problems)
				continue
			}
			add(p)
			continue
		}
		if e.IsDir() {
			walkDir(p, visited, add, problems)
			continue
		}
		add(p)
	}
}
