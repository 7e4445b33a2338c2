package poa

import (
	"fmt"
	"strings"

	"github.com/openledger/openledger/ai/poa/internal/index"
)

// CorruptIndexError reports index bytes that do not match their checksums
// or cannot be right (an offset past the end of a file). No answer is ever
// computed from such bytes.
type CorruptIndexError struct {
	Index  string
	File   string
	Detail string
}

func (e *CorruptIndexError) Error() string {
	return fmt.Sprintf("index %q is corrupt: %s: %s", e.Index, e.File, e.Detail)
}

// LineError is a problem with one input line.
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// InputError lists the bad lines of an input (at most 20 of them, and how
// many there were in all).
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

// publicError turns the index package's errors into this package's, so
// callers match them with errors.As against types they can name. Other
// errors pass unchanged.
func publicError(err error) error {
	switch e := err.(type) {
	case *index.CorruptError:
		return &CorruptIndexError{Index: e.Index, File: e.File, Detail: e.Detail}
	case *index.InputError:
		out := &InputError{Total: e.Total}
		for _, le := range e.Errors {
			out.Errors = append(out.Errors, &LineError{Line: le.Line, Msg: le.Msg})
		}
		return out
	}
	return err
}
