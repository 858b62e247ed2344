package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WalkOptions configure WalkWith.
type WalkOptions struct {
	// FollowSymlinks follows symbolic links wherever they lead. By
	// default a link is followed only when its target lies inside the
	// tree given (a link to /etc/passwd in a corpus folder put that file
	// in the store and in documents.csv); links out of it are listed as
	// problems, not read.
	FollowSymlinks bool
}

// Walk is WalkWith with the default options: symbolic links are followed
// only inside the trees given.
func Walk(paths []string) (files []string, problems []*FileError) {
	return WalkWith(paths, WalkOptions{})
}

// ErrOutsideTree marks a symbolic link that leads out of the tree given
// on the command line, not followed without WalkOptions.FollowSymlinks.
var ErrOutsideTree = errors.New("symlink leads outside the input folder (not followed; --follow-symlinks follows it)")

// WalkWith expands paths (files and directories) into the sorted list of
// files to ingest. Problems met on the way (unreadable directories,
// symlink loops, links out of the tree, paths that do not exist) come
// back as FileErrors, never dropped. A path given is read even when it
// is itself a link: the user named it.
func WalkWith(paths []string, opts WalkOptions) (files []string, problems []*FileError) {
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
		w := &walker{visited: map[string]bool{}, add: add, problems: &problems, follow: opts.FollowSymlinks}
		if w.root, err = filepath.EvalSymlinks(root); err != nil {
			problems = append(problems, &FileError{Path: root, Reason: "cannot resolve path", Err: err})
			continue
		}
		w.walkDir(root)
	}
	sort.Strings(files)
	sort.Slice(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	return files, problems
}

// walker is one tree's walk.
type walker struct {
	root     string          // the tree's real path (symlinks resolved)
	follow   bool            // follow links out of root
	visited  map[string]bool // real paths of the directories walked
	add      func(string)
	problems *[]*FileError
}

// inside reports whether the real path p lies in the walked tree.
func (w *walker) inside(p string) bool {
	return p == w.root || strings.HasPrefix(p, strings.TrimSuffix(w.root, string(filepath.Separator))+string(filepath.Separator))
}

// walkDir follows symlinked directories but remembers resolved paths, so a
// symlink loop is reported once instead of recursing forever.
func (w *walker) walkDir(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		*w.problems = append(*w.problems, &FileError{Path: dir, Reason: "cannot resolve path (symlink loop?)", Err: err})
		return
	}
	if w.visited[real] {
		*w.problems = append(*w.problems, &FileError{Path: dir, Reason: "symlink loop: directory already visited"})
		return
	}
	w.visited[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		*w.problems = append(*w.problems, &FileError{Path: dir, Reason: "cannot read directory", Err: err})
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
				*w.problems = append(*w.problems, &FileError{Path: p, Reason: reason, Err: err})
				continue
			}
			if !w.follow {
				target, err := filepath.EvalSymlinks(p)
				if err != nil {
					*w.problems = append(*w.problems, &FileError{Path: p, Reason: "cannot resolve symlink", Err: err})
					continue
				}
				if !w.inside(target) {
					*w.problems = append(*w.problems, &FileError{Path: p, Reason: ErrOutsideTree.Error(), Err: ErrOutsideTree})
					continue
				}
			}
			if st.IsDir() {
				w.walkDir(p)
				continue
			}
			w.add(p)
			continue
		}
		if e.IsDir() {
			w.walkDir(p)
			continue
		}
		w.add(p)
	}
}
