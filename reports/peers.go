package reports

import (
	"encoding/json"
	"io"
)

// PeerJSON is a similar document in the JSON of a run.
type PeerJSON struct {
	File       string  `json:"file"`
	Similarity float64 `json:"similarity"`
}

// WriteDocumentsJSON writes documents.json: every document of the run in
// the form of `styrdok analyze`, each with its nearest peers (up to 3)
// by TF-IDF cosine similarity.
func WriteDocumentsJSON(w io.Writer, r *Report) error {
	s := r.similarity()
	out := make([]DocumentJSON, 0, len(r.Documents))
	for i, d := range r.Documents {
		dj := NewDocumentJSON(d)
		for _, p := range s.TopPeers(i, maxPeers, nil) {
			dj.Peers = append(dj.Peers, PeerJSON{File: p.Doc.File, Similarity: p.Similarity})
		}
		out = append(out, dj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
