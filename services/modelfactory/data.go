package modelfactory

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	datanetclient "github.com/openledger/openledger/x/datanet/client"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
)

// DatasetRef names one Datanet version to train on.
type DatasetRef struct {
	DatanetID uint64 `json:"datanet_id"`
	Version   uint64 `json:"version"`
}

// Row formats.
const (
	// FormatPromptResponse rows are JSON objects with a prompt and a
	// response field; the prompt is rendered with the base model's chat
	// template as a user turn and the loss is on the response only.
	FormatPromptResponse = "prompt_response"
	// FormatText rows are plain text (a whole contribution, or a JSON
	// object's text field), learned whole.
	FormatText = "text"
)

// Mapping says how a contribution's content becomes training rows. A
// contribution whose content is JSON holds one object per line (JSONL);
// any other content is one row of text.
type Mapping struct {
	Format        string `json:"format"`
	PromptField   string `json:"prompt_field,omitempty"`
	ResponseField string `json:"response_field,omitempty"`
	TextField     string `json:"text_field,omitempty"`
}

func (m Mapping) withDefaults() Mapping {
	if m.Format == "" {
		m.Format = FormatPromptResponse
	}
	if m.PromptField == "" {
		m.PromptField = "prompt"
	}
	if m.ResponseField == "" {
		m.ResponseField = "response"
	}
	if m.TextField == "" {
		m.TextField = "text"
	}
	return m
}

// Row is one training row and where it comes from.
type Row struct {
	DatanetID      uint64 `json:"datanet_id"`
	Version        uint64 `json:"version"`
	ContributionID uint64 `json:"contribution_id"`
	// Line is the row's line in a JSONL contribution (0 for text).
	Line int `json:"line"`
	// SHA256 is the hash of the row's source: the JSON line, or the whole
	// text.
	SHA256   string `json:"sha256"`
	Prompt   string `json:"prompt,omitempty"`
	Response string `json:"response,omitempty"`
	Text     string `json:"text,omitempty"`
}

// where names the row in messages.
func (r Row) where() string {
	if r.Line > 0 {
		return fmt.Sprintf("datanet %d version %d contribution %d line %d", r.DatanetID, r.Version, r.ContributionID, r.Line)
	}
	return fmt.Sprintf("datanet %d version %d contribution %d", r.DatanetID, r.Version, r.ContributionID)
}

// VersionExport is a Datanet version exported and checked against its
// on-chain root.
type VersionExport struct {
	Ref   DatasetRef
	Root  []byte
	Lines []datanetclient.ExportLine
}

// exportVersion reads a Datanet version from the chain and checks every
// content and the whole list against the version's Merkle root; off-chain
// contents (file:// or http(s) URIs) are fetched and checked against their
// recorded hash.
func exportVersion(ctx context.Context, queries datanettypes.QueryClient, ref DatasetRef) (*VersionExport, error) {
	var buf bytes.Buffer
	n, root, err := datanetclient.ExportVersion(ctx, queries, ref.DatanetID, ref.Version, 200, &buf, io.Discard)
	if err != nil {
		return nil, &Error{
			Status: http.StatusBadRequest, Code: "export_failed", Field: "datasets",
			Message: fmt.Sprintf("datanet %d version %d could not be exported and verified: %v", ref.DatanetID, ref.Version, err),
		}
	}
	out := &VersionExport{Ref: ref, Root: root, Lines: make([]datanetclient.ExportLine, 0, n)}
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var line datanetclient.ExportLine
		if err := dec.Decode(&line); err != nil {
			return nil, err
		}
		out.Lines = append(out.Lines, line)
	}
	return out, nil
}

// exportRows exports and verifies every version in refs and maps its
// contributions to rows, in the order of refs; it also returns each
// version with the root it was verified against.
func (f *Factory) exportRows(ctx context.Context, refs []DatasetRef, m Mapping) ([]Row, []ManifestDataset, error) {
	var rows []Row
	var datasets []ManifestDataset
	for _, ref := range refs {
		v, err := exportVersion(ctx, f.datanets, ref)
		if err != nil {
			return nil, nil, err
		}
		vr, err := rowsOf(ctx, v, m)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, vr...)
		datasets = append(datasets, ManifestDataset{DatanetID: ref.DatanetID, Version: ref.Version, Root: hex.EncodeToString(v.Root)})
	}
	return rows, datasets, nil
}

// content is an exported contribution's bytes, fetched when stored off
// chain and checked against its hash.
func content(ctx context.Context, line datanetclient.ExportLine) ([]byte, error) {
	switch {
	case line.Text != "":
		return []byte(line.Text), nil
	case line.DataBase64 != "":
		return base64.StdEncoding.DecodeString(line.DataBase64)
	case line.URI == "":
		return nil, nil
	}
	if !strings.Contains(line.URI, "://") {
		return nil, fmt.Errorf("contribution %s: URI %q names no scheme", line.ID, line.URI)
	}
	data, err := fetchVerified(ctx, line.URI, line.SHA256, int64(line.SizeBytes)+1)
	if err != nil {
		return nil, fmt.Errorf("contribution %s: %w", line.ID, err)
	}
	return data, nil
}

// rowsOf turns a version's contributions into rows by the mapping.
func rowsOf(ctx context.Context, v *VersionExport, m Mapping) ([]Row, error) {
	var rows []Row
	for _, line := range v.Lines {
		id, err := strconv.ParseUint(line.ID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("contribution id %q: %w", line.ID, err)
		}
		data, err := content(ctx, line)
		if err != nil {
			return nil, badRequest("content_unavailable", "datasets", "%v", err)
		}
		base := Row{DatanetID: v.Ref.DatanetID, Version: v.Ref.Version, ContributionID: id}
		trimmed := bytes.TrimSpace(data)
		if len(trimmed) == 0 {
			continue
		}
		if trimmed[0] != '{' {
			if m.Format == FormatPromptResponse {
				return nil, badRequest("row_not_json", "mapping", "%s is plain text; the prompt_response format needs JSON rows with %q and %q fields (or choose the text format)",
					base.where(), m.PromptField, m.ResponseField)
			}
			sum := sha256.Sum256(data)
			r := base
			r.SHA256, r.Text = hex.EncodeToString(sum[:]), string(data)
			rows = append(rows, r)
			continue
		}
		for i, raw := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(raw)) == 0 {
				continue
			}
			r := base
			r.Line = i + 1
			row, err := mapRow(raw, m, r)
			if err != nil {
				return nil, err
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// mapRow reads one JSON line by the mapping.
func mapRow(raw []byte, m Mapping, r Row) (Row, error) {
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return r, badRequest("row_not_json", "mapping", "%s is not a JSON object: %v", r.where(), err)
	}
	text := func(name string) (string, error) {
		v, ok := fields[name]
		s, isText := v.(string)
		if !ok || !isText || strings.TrimSpace(s) == "" {
			keys := make([]string, 0, len(fields))
			for k := range fields {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			return "", badRequest("field_missing", "mapping", "%s has no text field %q (its fields: %s)", r.where(), name, strings.Join(keys, ", "))
		}
		return s, nil
	}
	sum := sha256.Sum256(raw)
	r.SHA256 = hex.EncodeToString(sum[:])
	var err error
	if m.Format == FormatText {
		r.Text, err = text(m.TextField)
		return r, err
	}
	if r.Prompt, err = text(m.PromptField); err != nil {
		return r, err
	}
	r.Response, err = text(m.ResponseField)
	return r, err
}

// holdout splits rows into training and held-out rows: the held-out ones
// are those whose hash with the seed is smallest, so the split depends on
// the seed and the data only. Both keep the rows' export order.
func holdout(rows []Row, percent int, seed uint64) (trainRows, heldOut []Row) {
	k := len(rows) * percent / 100
	if k == 0 && percent > 0 && len(rows) >= 5 {
		k = 1
	}
	if k == 0 {
		return rows, nil
	}
	type ranked struct {
		key   [32]byte
		index int
	}
	order := make([]ranked, len(rows))
	for i, r := range rows {
		order[i] = ranked{sha256.Sum256(fmt.Appendf(nil, "%d/%d/%d/%d/%s", seed, r.DatanetID, r.ContributionID, r.Line, r.SHA256)), i}
	}
	slices.SortFunc(order, func(a, b ranked) int { return bytes.Compare(a.key[:], b.key[:]) })
	held := make([]bool, len(rows))
	for _, o := range order[:k] {
		held[o.index] = true
	}
	for i, r := range rows {
		if held[i] {
			heldOut = append(heldOut, r)
		} else {
			trainRows = append(trainRows, r)
		}
	}
	return trainRows, heldOut
}
