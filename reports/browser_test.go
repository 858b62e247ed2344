package reports

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package puts the browser
// (apt-get install chromium); STYRDOK_CHROMIUM overrides it.
func chromiumPath() string {
	if p := os.Getenv("STYRDOK_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// TestReportInBrowser opens report.html of the bundled corpus plus a
// hostile document in headless Chromium, clicks heatmap cells, a county
// cell and the map, and checks that the evidence shows with its matched
// words marked, that the page made no network request and that no script
// from a document ran. The screenshot goes to $STYRDOK_BROWSER_OUT, or
// the test's temporary folder.
func TestReportInBrowser(t *testing.T) {
	exe := requireChromium(t)
	r := hostileReport(t)
	r.County = ""
	out, pageURL := browserPage(t, r, "STYRDOK_BROWSER_OUT", "report.html")
	hostile := strconv.Itoa(len(r.Documents) - 1) // analyzeFiles keeps the order given: the hostile document is last

	// Chromium's profile folder: removed by hand after the browser has
	// exited (t.TempDir's cleanup raced with Chromium's last writes).
	profile, err := os.MkdirTemp("", "styrdok-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 2000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	var mu sync.Mutex
	var requests, problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			problems = append(problems, "script error: "+e.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				problems = append(problems, "console error")
			}
		}
	})

	var shown, evidence, pwned, aleClass string
	var marks, visibleAll, visible14 int
	var shot []byte
	err = chromedp.Run(ctx,
		network.Enable(),
		chromedp.Navigate(pageURL),
		chromedp.WaitVisible(`#coverage`, chromedp.ByQuery),
		// the hostile document's work cell in the heatmap
		chromedp.Click(`#coverage td[data-doc="`+hostile+`"][data-theme="work"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#evidence[data-shown="`+hostile+`:work"] mark`, chromedp.ByQuery),
		chromedp.AttributeValue(`#evidence`, "data-shown", &shown, nil, chromedp.ByQuery),
		chromedp.Text(`#evidence`, &evidence, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#evidence mark").length`, &marks),
		// its language cell, then a cell of the county table
		chromedp.Click(`#coverage td[data-doc="`+hostile+`"][data-theme="language"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#evidence[data-shown="`+hostile+`:language"]`, chromedp.ByQuery),
		chromedp.Click(`#county-14 + p + .scroll td[data-doc="`+hostile+`"][data-theme="work"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#evidence[data-shown="`+hostile+`:work"]`, chromedp.ByQuery),
		// the map: choose a theme and click Lerum
		chromedp.SetValue(`#map-theme`, "housing", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("map-theme").dispatchEvent(new Event("change")); true`, nil),
		chromedp.AttributeValue(`#map path[data-code="1440"]`, "class", &aleClass, nil, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#map path[data-code="1441"]').dispatchEvent(new MouseEvent("click", {bubbles: true})); true`, nil),
		chromedp.WaitVisible(`#evidence[data-shown="`+hostile+`:housing"]`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond), // let an injected onerror or timer fire, were there one
		chromedp.Evaluate(`typeof window.__pwned`, &pwned),
		// the heatmap's county filter: Västra Götaland only, then all again
		chromedp.Evaluate(`document.querySelectorAll("#coverage tr[data-county]:not([hidden])").length`, &visibleAll),
		chromedp.SetValue(`#heatmap-county`, "14", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("heatmap-county").dispatchEvent(new Event("change")); true`, nil),
		chromedp.Evaluate(`document.querySelectorAll("#coverage tr[data-county]:not([hidden])").length`, &visible14),
		chromedp.SetValue(`#heatmap-county`, "", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("heatmap-county").dispatchEvent(new Event("change")); true`, nil),
		chromedp.FullScreenshot(&shot, 100), // 100: PNG,
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if err := os.WriteFile(filepath.Join(out, "report.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", filepath.Join(out, "report.png"))

	if !strings.Contains(evidence, "<script>window.__pwned=1</script>") || !strings.Contains(evidence, `onerror="window.__pwned=2"`) {
		t.Errorf("the hostile text should show as text in the evidence panel; got %.300q", evidence)
	}
	if !strings.Contains(evidence, "s. ") || marks == 0 { // "s." (sida): the page is Swedish by default
		t.Errorf("evidence lacks page numbers or marked words (%d marks)", marks)
	}
	if pwned != "undefined" {
		t.Errorf("a script from a document ran: typeof window.__pwned = %s", pwned)
	}
	if visibleAll != len(r.Documents) || visible14 != 3 { // Ale, Alingsås, Lerum
		t.Errorf("heatmap filter: %d rows for all counties (want %d), %d for Västra Götaland (want 3)", visibleAll, len(r.Documents), visible14)
	}
	if aleClass != "l2" {
		t.Errorf("map: Ale coloured %q for housing, want l2 (level 2)", aleClass)
	}
	mu.Lock()
	defer mu.Unlock()
	// the page's own load proves that requests are seen at all
	seenPage := false
	for _, u := range requests {
		seenPage = seenPage || u == pageURL
		if u != pageURL && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page made a network request: %s", u)
		}
	}
	if !seenPage {
		t.Errorf("no request for the page itself among %q: network events are not observed", requests)
	}
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}
}

// TestReportLayout renders a --county report.html (Västra Götaland) at
// desktop width (1280 px) and phone width (390 px) and writes both
// screenshots ($STYRDOK_SCREENSHOTS, or the test's temporary folder), then
// checks that at 390 px nothing makes the page scroll sideways (wide
// tables scroll inside their own box) and that with print media
// emulated the county table and its map each fit one A4 page's printable
// height (297 mm less the 15 mm margins, at 96 px per inch).
func TestReportLayout(t *testing.T) {
	exe := requireChromium(t)
	r := hostileReport(t)
	r.County = "14"
	out, pageURL := browserPage(t, r, "STYRDOK_SCREENSHOTS", "report-county.html")
	profile, err := os.MkdirTemp("", "styrdok-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(profile))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	var desktop, phone []byte
	var scrollW, innerW int
	var tableH, mapH, tableW, pageW float64
	err = chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(pageURL),
		chromedp.WaitVisible(`#coverage`, chromedp.ByQuery),
		chromedp.FullScreenshot(&desktop, 100),
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(1)),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`document.scrollingElement.scrollWidth`, &scrollW),
		chromedp.Evaluate(`window.innerWidth`, &innerW),
		chromedp.FullScreenshot(&phone, 100),
		// print: A4 less 15 mm margins is 180 mm wide, 267 mm high
		chromedp.EmulateViewport(680, 1009),
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`document.querySelector("#county-14 ~ .scroll table.county").getBoundingClientRect().height`, &tableH),
		chromedp.Evaluate(`document.querySelector("#county-14 ~ .scroll table.county").getBoundingClientRect().width`, &tableW),
		chromedp.Evaluate(`document.getElementById("map").getBoundingClientRect().height`, &mapH),
		chromedp.Evaluate(`document.documentElement.clientWidth`, &pageW),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	for name, png := range map[string][]byte{"report-1280.png": desktop, "report-390.png": phone} {
		if err := os.WriteFile(filepath.Join(out, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", filepath.Join(out, name))
	}
	t.Logf("390 px: scrollWidth %d, innerWidth %d; print: county table %.0f × %.0f px, map %.0f px high, A4 printable %.0f px high",
		scrollW, innerW, tableW, tableH, mapH, (297.0-2*15)/25.4*96)
	if innerW != 390 || scrollW > innerW+2 {
		t.Errorf("at 390 px the page scrolls sideways: scrollWidth %d, innerWidth %d", scrollW, innerW)
	}
	const a4Printable = (297.0 - 2*15) / 25.4 * 96 // px at 96 dpi
	if tableH <= 0 || tableH > a4Printable || tableW > pageW+1 {
		t.Errorf("print: the county table is %.0f × %.0f px; one A4 page holds %.0f × %.0f", tableW, tableH, pageW, a4Printable)
	}
	if mapH <= 0 || mapH > a4Printable {
		t.Errorf("print: the map is %.0f px high; one A4 page holds %.0f", mapH, a4Printable)
	}
}

// requireChromium returns the headless browser's path, or skips t when it
// is not installed or under -short.
func requireChromium(t *testing.T) string {
	t.Helper()
	exe := chromiumPath()
	if _, err := os.Stat(exe); err != nil {
		t.Skipf("headless browser test skipped: %s not found (install it with: apt-get install -y --no-install-recommends chromium)", exe)
	}
	if testing.Short() {
		t.Skip("headless browser test skipped in -short mode")
	}
	return exe
}

// browserPage writes r's report.html as name into the folder that the
// environment variable env names (kept for a person to look at), or the
// test's temporary folder, and returns that folder and the page's URL.
func browserPage(t *testing.T, r *Report, env, name string) (out, pageURL string) {
	t.Helper()
	out = os.Getenv(env)
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, name)
	if err := os.WriteFile(page, []byte(renderHTML(t, r)), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	return out, "file://" + abs
}
