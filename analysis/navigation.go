package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Navigation in shapes that isTableOfContents (numbered sections) and
// markNavigation (runs of short lines) do not see, because a scrape
// flattened it into one line:
//   - a table of contents with page numbers and no section numbers,
//     "Inledning 3 Avgränsning 4 Integration 4 Arbete 5 ..." (issue 14);
//   - a breadcrumb trail, "Du är här: Start/Stöd & Omsorg /Invandring och
//     integration", "Start › Omsorg › Ny i Sverige".
// Such a line names the topics of other pages or sections without
// treating any, so it is navigation: no theme counts it.

//   - a link's notice, "Du är på väg till vår näringslivswebbplats. Här
//     hittar du allt om näringsliv i Knivsta", "Du kommer att lämna
//     webbplatsen": the teaser of another site, not this page's text;
//   - a news list's subject tag, one line with one "|" at its start or
//     end: "Skola och förskola |", "| Kultur och fritid, Bygga, bo och
//     miljö" (the site's sections an item is filed under);
//   - a line that is one link, "1. SFI, Svenska för invandrare Öppnas i
//     nytt fönster." (isLinkLine);
//   - a page's furniture label on a line of its own, "Publicerad",
//     "Dela sidan på sociala medier" (isPageLabel, data/lists/page-labels.txt).

// isFlatNavigation reports a paragraph that is a flattened contents list,
// a breadcrumb trail, a link's notice, a subject tag line, a link or a
// page's furniture label.
func isFlatNavigation(p string) bool {
	p = strings.TrimSpace(p)
	return isBreadcrumb(p) || isFlatContents(p) || isLinkNotice(p) || isTagLine(p) || isLinkLine(p) || isPageLabel(p)
}

// pageLabels are the furniture lines of a web page (data/lists/page-labels.txt).
var pageLabels = mustList(wordSet("page-labels.txt", nil))

// maxPageLabelBytes bounds a label: the longest in the list is 34 bytes.
const maxPageLabelBytes = 48

// isPageLabel reports a paragraph that is exactly one of pageLabels, case
// and a trailing colon aside: "Publicerad", "Publicerad:", "Dela sidan på
// sociala medier". A label with its date on the same line ("Publicerad
// 12 mars 2021") is a line of text and is left alone.
func isPageLabel(p string) bool {
	if len(p) > maxPageLabelBytes || strings.ContainsRune(p, '\n') {
		return false
	}
	return pageLabels[strings.ToLower(strings.TrimSpace(strings.TrimSuffix(p, ":")))]
}

// linkMarkers end the text a municipal site writes on a link (Sitevision's
// "Länk till annan webbplats, öppnas i nytt fönster", a document's
// "1014.3 kB, öppnas i nytt fönster"), lower case.
var linkMarkers = []string{"öppnas i nytt fönster", "länk till annan webbplats"}

// maxLinkWords bounds the words before a link's marker: a longer line is
// a sentence that ends in a link ("Sammanträdet ... sänds digitalt via
// kommunens sida på Facebook Länk till annan webbplats").
const maxLinkWords = 8

// isLinkLine reports a paragraph that is one link: a few words and a
// link marker at its end ("1. SFI, Svenska för invandrare Öppnas i nytt
// fönster.", "Migrationsverket Länk till annan webbplats, öppnas i nytt
// fönster."). The words are the name of another page or site, a
// navigation link: they treat no theme on this page, as a heading would
// (issue 14: a heading that is a navigation link).
func isLinkLine(p string) bool {
	if len(p) > 400 || !strings.Contains(p, "nytt fönster") && !strings.Contains(p, "annan webbplats") {
		return false
	}
	t := strings.ToLower(strings.TrimRight(p, " .)"))
	for _, m := range linkMarkers {
		if i := strings.LastIndex(t, m); i >= 0 && i+len(m) == len(t) {
			head := strings.TrimRight(t[:i], " ,(/")
			for _, m2 := range linkMarkers {
				if strings.HasSuffix(head, m2) {
					head = strings.TrimRight(head[:len(head)-len(m2)], " ,(/")
				}
			}
			return !moreFields(head, maxLinkWords)
		}
	}
	return false
}

// linkNoticeStarts begin the notice a municipal site shows on a link to
// another site (Sitevision's "Du är på väg till ..."; "Du lämnar nu ...").
var linkNoticeStarts = []string{"Du är på väg till ", "Du lämnar nu ", "Du kommer att lämna "}

// isLinkNotice reports a paragraph that starts as a link's notice does.
func isLinkNotice(p string) bool {
	for _, s := range linkNoticeStarts {
		if strings.HasPrefix(p, s) {
			return true
		}
	}
	return false
}

// maxTagWords bounds a subject tag line: a longer line is text.
const maxTagWords = 12

// isTagLine reports a line (a list item's bullet aside) with exactly one
// "|", standing at its start or its end, no sentence end and at most
// maxTagWords words: a news item's subject tags ("Skola och förskola |",
// "| Stöd och omsorg, Förskola och skola"). A table row written with
// pipes has two or more; a line with text on both sides of its pipe
// ("Nacka 09:48 | 08 november 2018") is left alone.
func isTagLine(p string) bool {
	// Removing a bullet and white space adds no "|": a line without one
	// is no tag line, and most lines are not (the bullet's
	// ReplaceAllString on every list item and paragraph was an eighth of
	// the bytes a cold run allocated).
	if strings.IndexByte(p, '|') < 0 {
		return false
	}
	p = strings.TrimSpace(bullet.ReplaceAllString(strings.TrimSpace(p), ""))
	if strings.Count(p, "|") != 1 || strings.ContainsRune(p, '\n') || moreFields(p, maxTagWords) {
		return false
	}
	rest := strings.TrimSpace(strings.Trim(p, "|"))
	if rest == "" || strings.Contains(rest, "|") || !hasLetter(rest) {
		return false // the pipe stood inside the line
	}
	return !strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "?") && !strings.HasSuffix(rest, "!")
}

// hasCrumbSeparator is strings.ContainsAny(p, ">›»/") by bytes: with two
// multi-byte runes in its set, ContainsAny decodes every rune of the
// paragraph and searches the set for it, and it runs on every paragraph.
// "›" is E2 80 BA and "»" C2 BB in UTF-8; a continuation byte never
// starts a rune, so finding the bytes is finding the rune
// (TestCrumbSeparator). Four searches with the runtime's vector
// IndexByte cost less than one byte loop with a switch (2% of analysis).
func hasCrumbSeparator(p string) bool {
	return strings.IndexByte(p, '>') >= 0 || strings.IndexByte(p, '/') >= 0 ||
		strings.Contains(p, "\u203a") || strings.Contains(p, "\u00bb")
}

// maxBreadcrumbWords bounds a breadcrumb trail: a longer line is text.
const maxBreadcrumbWords = 24

// isBreadcrumb: a short line of at least three pieces joined by ">", "›"
// or "»", or by "/" when it starts with "Du är här" or a start page's
// name (a slash alone is "arbete/praktik", a heading's pair of topics);
// no piece is a sentence.
func isBreadcrumb(p string) bool {
	// Three pieces need two separators: most lines have none, and are
	// neither lower-cased nor split.
	if p == "" || !hasCrumbSeparator(p) || moreFields(p, maxBreadcrumbWords) {
		return false
	}
	lower := strings.ToLower(p)
	seps := ">›»"
	if strings.HasPrefix(lower, "du är här") || strings.HasPrefix(lower, "start/") || strings.HasPrefix(lower, "start /") ||
		strings.HasPrefix(lower, "startsida/") || strings.HasPrefix(lower, "startsida /") || strings.HasPrefix(lower, "hem /") {
		seps += "/"
	}
	pieces := strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(pieces) < 3 {
		return false
	}
	for _, pc := range pieces {
		pc = strings.TrimSpace(pc)
		if pc == "" || moreFields(pc, 6) || strings.HasSuffix(pc, ".") || strings.HasSuffix(pc, "?") {
			return false
		}
	}
	return true
}

// isFlatContents: minContentsEntries or more entries of a title (one to six words, the
// first capitalised) and a page number, page numbers never decreasing,
// and the entries make up the whole paragraph (no running sentences).
func isFlatContents(p string) bool {
	// The fields are read one at a time, not split first: nearly every
	// paragraph fails within its first seven, and splitting every
	// paragraph was a third of the bytes a run allocated.
	entries, words, last, i := 0, 0, -1, -1
	for f := range strings.FieldsSeq(p) {
		i++
		n, ok := pageNumber(f)
		if !ok {
			if words == 0 && !startsUpperOrDigit(f) {
				return false // an entry's title starts with a capital
			}
			if strings.HasSuffix(f, ".") && words > 0 {
				return false // a sentence, not a title
			}
			words++
			if words > 6 {
				return false
			}
			continue
		}
		if words == 0 {
			if i == 0 {
				return false
			}
			return false // two numbers in a row: a table of figures
		}
		if n < last {
			return false
		}
		entries, words, last = entries+1, 0, n
	}
	if i+1 < 2*minContentsEntries {
		return false
	}
	return entries >= minContentsEntries && words <= 6
}

// minContentsEntries is the fewest title-and-page entries a flattened
// contents list has: "Inledning 3 Avgränsning 4 Integration 4".
const minContentsEntries = 3

// pageNumber reads a page number: one to three digits.
func pageNumber(f string) (int, bool) {
	if len(f) == 0 || len(f) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] < '0' || f[i] > '9' {
			return 0, false
		}
		n = n*10 + int(f[i]-'0')
	}
	return n, true
}

func startsUpperOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
