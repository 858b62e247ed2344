package corpus

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// Every file is taken once, by whichever worker, in the order given;
// none once the context is done.
func TestNextFileTakesEachOnceInOrder(t *testing.T) {
	files := make([]string, 5000)
	for i := range files {
		files[i] = fmt.Sprintf("f%04d", i)
	}
	var next nextFile
	var mu sync.Mutex
	taken := map[string]int{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := ""
			for {
				f, ok := next.take(context.Background(), files)
				if !ok {
					return
				}
				if f <= last {
					t.Errorf("a worker took %s after %s", f, last)
				}
				last = f
				mu.Lock()
				taken[f]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(taken) != len(files) {
		t.Fatalf("%d of %d files taken", len(taken), len(files))
	}
	for f, n := range taken {
		if n != 1 {
			t.Errorf("%s taken %d times", f, n)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var again nextFile
	if f, ok := again.take(ctx, files); !ok || f != "f0000" {
		t.Fatalf("first take = %q, %v", f, ok)
	}
	cancel()
	if f, ok := again.take(ctx, files); ok {
		t.Fatalf("took %s after the context was done", f)
	}
}
