package analysis

import (
	"time"

	"github.com/styrdok/styrdok/corpus"
)

// TEMPORARY: replaced by the muni branch.
type Attribution struct {
	Code, Name, CountyCode, CountyName string
	Confidence                         float64
	Reason                             string
}
type MunicipalityAttributor struct{ reg *corpus.Registry }

func NewMunicipalityAttributor(reg *corpus.Registry) *MunicipalityAttributor {
	return &MunicipalityAttributor{reg: reg}
}
func (a *MunicipalityAttributor) Attribute(text string) Attribution { return Attribution{} }

type Metadata struct {
	Kind, Title, Reference, AdoptedBy, AdoptedOn, ValidFrom, ValidTo, Year, Status string
}

func ExtractMetadata(text string, asOf time.Time) Metadata { return Metadata{} }
