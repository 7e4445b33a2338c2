package index

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// MaxLineBytes bounds one JSONL line (one contribution).
const MaxLineBytes = 64 << 20

// maxReportedInputErrors bounds the list of bad lines reported at once.
const maxReportedInputErrors = 20

// Contribution is one JSONL input line: its id, its text and every other
// field, kept verbatim as metadata.
type Contribution struct {
	Line int
	ID   string
	Text string
	// Meta holds the fields other than "text", re-encoded with sorted keys.
	Meta json.RawMessage
}

// LineError is a problem with one input line.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// InputError lists the bad lines of an input (at most
// maxReportedInputErrors of them, and how many there were in all).
type InputError struct {
	Errors []*LineError
	Total  int
}

func (e *InputError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bad input line(s)", e.Total)
	for _, le := range e.Errors {
		b.WriteString("\n  ")
		b.WriteString(le.Error())
	}
	if e.Total > len(e.Errors) {
		fmt.Fprintf(&b, "\n  ... and %d more", e.Total-len(e.Errors))
	}
	return b.String()
}

// contributionReader reads and validates JSONL contributions.
type contributionReader struct {
	r       *bufio.Reader
	line    int
	seenIDs map[string]int
}

func newContributionReader(r io.Reader) *contributionReader {
	return &contributionReader{r: bufio.NewReaderSize(r, 1<<20), seenIDs: map[string]int{}}
}

// next returns the next contribution, a *LineError for a bad line (reading
// can go on), io.EOF at the end, or another error when reading failed.
func (cr *contributionReader) next() (*Contribution, error) {
	for {
		raw, err := cr.readLine()
		if err != nil {
			return nil, err
		}
		cr.line++
		if len(bytes.TrimSpace(raw)) == 0 {
			continue // blank lines separate nothing and are allowed
		}
		if len(raw) > MaxLineBytes {
			return nil, &LineError{cr.line, fmt.Sprintf("line is longer than %d bytes", MaxLineBytes)}
		}
		c, msg := parseContribution(raw)
		if msg != "" {
			return nil, &LineError{cr.line, msg}
		}
		c.Line = cr.line
		if first, dup := cr.seenIDs[c.ID]; dup {
			return nil, &LineError{cr.line, fmt.Sprintf("duplicate id %q (first on line %d)", c.ID, first)}
		}
		cr.seenIDs[c.ID] = cr.line
		return c, nil
	}
}

// readLine returns one line without its line ending. Over-long lines are
// read to their end and returned truncated to MaxLineBytes+1 bytes so the
// caller can report them without holding them.
func (cr *contributionReader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := cr.r.ReadSlice('\n')
		if len(line) <= MaxLineBytes {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			if len(line) == 0 {
				return nil, io.EOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		break
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, nil
}

// parseContribution validates one line; it returns a message on failure.
func parseContribution(raw []byte) (*Contribution, string) {
	if !utf8.Valid(raw) {
		return nil, fmt.Sprintf("invalid UTF-8 at byte %d", textnorm.InvalidUTF8At(raw))
	}
	if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 && trimmed[0] != '{' {
		return nil, "malformed JSON: expected an object"
	}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&fields); err != nil {
		return nil, "malformed JSON: " + err.Error()
	}
	if dec.More() {
		return nil, "malformed JSON: more than one value on the line"
	}
	if fields == nil {
		return nil, "malformed JSON: expected an object"
	}
	rawID, ok := fields["id"]
	if !ok {
		return nil, `missing "id"`
	}
	id, err := textnorm.DecodeJSONString(bytes.TrimSpace(rawID))
	if err != nil {
		return nil, `"id": ` + err.Error()
	}
	if strings.TrimSpace(id) == "" {
		return nil, `"id" is empty`
	}
	rawText, ok := fields["text"]
	if !ok {
		return nil, `missing "text"`
	}
	text, err := textnorm.DecodeJSONString(bytes.TrimSpace(rawText))
	if err != nil {
		return nil, `"text": ` + err.Error()
	}
	if strings.TrimSpace(text) == "" {
		return nil, `"text" is empty`
	}
	delete(fields, "text")
	meta, err := json.Marshal(fields) // map keys come out sorted
	if err != nil {
		return nil, "metadata: " + err.Error()
	}
	return &Contribution{ID: id, Text: text, Meta: meta}, ""
}

// ReadContributions reads and validates a whole JSONL input, for callers
// that want the contributions in memory (tests, tools).
func ReadContributions(r io.Reader) ([]*Contribution, error) {
	cr := newContributionReader(r)
	var out []*Contribution
	bad := &InputError{}
	for {
		c, err := cr.next()
		var le *LineError
		switch {
		case errors.Is(err, io.EOF):
			if bad.Total > 0 {
				return nil, bad
			}
			return out, nil
		case errors.As(err, &le):
			bad.add(le)
		case err != nil:
			return nil, err
		default:
			out = append(out, c)
		}
	}
}

func (e *InputError) add(le *LineError) {
	e.Total++
	if len(e.Errors) < maxReportedInputErrors {
		e.Errors = append(e.Errors, le)
	}
}
