package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkSymlinkOutside checks that a link out of the input tree (to a
// file, to a folder) is listed as a problem and not read, that a link
// inside the tree is followed, and that --follow-symlinks follows both.
func TestWalkSymlinkOutside(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	tree := filepath.Join(base, "tree")
	for _, d := range []string{outside, filepath.Join(outside, "dir"), filepath.Join(tree, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("Integration av nyanlända.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.txt"))
	write(filepath.Join(outside, "dir", "other.txt"))
	write(filepath.Join(tree, "sub", "plan.txt"))
	for link, target := range map[string]string{
		"to-secret.txt": filepath.Join(outside, "secret.txt"),
		"to-dir":        filepath.Join(outside, "dir"),
		"to-plan.txt":   filepath.Join("sub", "plan.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(tree, link)); err != nil {
			t.Fatal(err)
		}
	}
	files, problems := Walk([]string{tree})
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if got := strings.Join(names, ","); got != "to-plan.txt,plan.txt" && got != "plan.txt,to-plan.txt" {
		t.Errorf("files = %v, want plan.txt and the link to it only", files)
	}
	var out []string
	for _, p := range problems {
		if !errors.Is(p, ErrOutsideTree) {
			t.Errorf("problem %v: want ErrOutsideTree", p)
		}
		out = append(out, filepath.Base(p.Path))
	}
	if strings.Join(out, ",") != "to-dir,to-secret.txt" {
		t.Errorf("problems at %v, want to-dir and to-secret.txt", out)
	}
	files, problems = WalkWith([]string{tree}, WalkOptions{FollowSymlinks: true})
	if len(files) != 4 || len(problems) != 0 {
		t.Errorf("with FollowSymlinks: files %v, problems %v; want 4 files, no problems", files, problems)
	}
	// A link given on the command line is read: the user named it.
	if files, problems := Walk([]string{filepath.Join(tree, "to-secret.txt")}); len(files) != 1 || len(problems) != 0 {
		t.Errorf("a link given as a path: files %v, problems %v", files, problems)
	}
}
