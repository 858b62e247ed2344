package reports

import (
	"bufio"
	"fmt"
	"io"

	"github.com/styrdok/styrdok/analysis"
)

// PeerJSON is a similar document in the JSON of a run.
type PeerJSON struct {
	File       string  `json:"file"`
	Similarity float64 `json:"similarity"`
}

// RunDocumentJSON is one document (line) of documents.jsonl: what `styrdok
// analyze` gives for it, without what the run's CSV files already hold
// row by row (the evidence sentences are in evidence.csv, the action-plan
// rows in actions.csv), and with its nearest peers. At corpus scale the
// evidence made documents.jsonl about seven times the size of evidence.csv.
type RunDocumentJSON struct {
	DocumentHead
	Themes []ThemeCountsJSON `json:"themes"`

	Sections   []analysis.Section        `json:"sections"`
	Modalities map[analysis.Modality]int `json:"modalities"`
	Actions    int                       `json:"actions"` // action-plan rows (in actions.csv)
	Quality    analysis.Quality          `json:"quality"`

	Peers []PeerJSON `json:"peers"` // up to 3 most similar documents of the run
}

// ThemeCountsJSON is one theme's coverage in documents.jsonl: the counts of
// coverage_long.csv; the sentences behind them are in evidence.csv.
type ThemeCountsJSON struct {
	ID              string  `json:"id"`
	Sentences       int     `json:"sentences"`
	Share           float64 `json:"share"`
	Level           int     `json:"level"`
	OwnSentences    int     `json:"own_sentences"`
	Inherited       int     `json:"inherited"`
	Commitments     int     `json:"commitments"`
	Recommendations int     `json:"recommendations"`
	Intents         int     `json:"intents"`
}

// WriteDocumentsJSON writes documents.jsonl: JSON Lines, one JSON object
// (RunDocumentJSON) per line for every document of the run, each with its
// nearest peers (up to 3) by TF-IDF cosine similarity, and nothing else
// (no array brackets, no blank line; no documents: an empty file). JSON
// Lines rather than one array, because at corpus scale the file is tens
// of MB: line tools (head, grep, jq -c, DuckDB read_json) take it a
// document at a time. Documents are encoded one at a time, so the whole
// file is never in memory.
func WriteDocumentsJSON(w io.Writer, r *Report) error {
	return writeDocumentsJSON(w, r, eachPasser(r.EachFull))
}

func writeDocumentsJSON(w io.Writer, r *Report, pass passer) error {
	s := r.similarity()
	if err := r.similarityErr(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	peers := []PeerJSON{} // re-used from line to line; never nil, so that none is []
	j := &jsonBuf{}
	err := pass.parts([]fragPart{fragDocumentsJSONL}, []fragRender{renderDocumentJSON})(func(i int, frags []fragment) error {
		peers = peers[:0]
		for _, p := range s.TopPeers(i, maxPeers, nil) {
			peers = append(peers, PeerJSON{File: p.Doc.File, Similarity: p.Similarity})
		}
		j.b = j.b[:0]
		if j.runPeers(peers); j.err != nil {
			return fmt.Errorf("%s: %w", r.Documents[i].File, j.err)
		}
		return writeFragment(bw, frags[0], j.b)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// renderDocumentJSON is a document's line of documents.jsonl with empty
// peers (json.Encoder's bytes, the line ended), its fragment.
func renderDocumentJSON(dst []byte, d *analysis.DocumentAnalysis) (fragment, error) {
	dj := newRunDocumentJSON(d)
	b, err := appendRunDocumentJSON(dst, &dj)
	if err != nil {
		return fragment{}, err
	}
	return splitPeers(b, "peers")
}

func newRunDocumentJSON(d *analysis.DocumentAnalysis) RunDocumentJSON {
	out := RunDocumentJSON{DocumentHead: newDocumentHead(d), Themes: []ThemeCountsJSON{},
		Sections: d.Sections, Modalities: d.Modalities, Actions: len(d.Actions), Quality: d.Quality, Peers: []PeerJSON{}}
	if out.Sections == nil {
		out.Sections = []analysis.Section{}
	}
	for _, t := range d.Themes {
		out.Themes = append(out.Themes, ThemeCountsJSON{ID: t.ID, Sentences: t.Sentences, Share: t.Share, Level: t.Level,
			OwnSentences: t.OwnSentences, Inherited: t.Inherited, Commitments: t.Commitments,
			Recommendations: t.Recommendations, Intents: t.Intents})
	}
	return out
}
