package modulekit

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	errorsmod "cosmossdk.io/errors"
)

// maxQuotedText is the longest value a Text error quotes; a longer one is
// named by its field only.
const maxQuotedText = 280

// Text is the rule of a free-text field: UTF-8 of at most Max bytes, with no
// control characters but those in Allowed. A failure wraps Err and names
// Field.
type Text struct {
	Err      *errorsmod.Error
	Field    string
	Max      int
	Required bool   // refuse the empty string
	Trimmed  bool   // refuse leading or trailing space
	Allowed  string // control characters allowed (tab, line breaks)
}

// Check applies the rule to s.
func (t Text) Check(s string) error {
	shown := t.Field
	if len(s) <= maxQuotedText {
		shown = fmt.Sprintf("%s %q", t.Field, s)
	}
	switch {
	case t.Required && s == "":
		return errorsmod.Wrapf(t.Err, "%s is empty", t.Field)
	case len(s) > t.Max:
		return errorsmod.Wrapf(t.Err, "%s has %d bytes, at most %d", t.Field, len(s), t.Max)
	case !utf8.ValidString(s):
		return errorsmod.Wrapf(t.Err, "%s is not UTF-8", shown)
	case HasControl(s, t.Allowed):
		if t.Allowed == "" {
			return errorsmod.Wrapf(t.Err, "%s has control characters", shown)
		}
		return errorsmod.Wrapf(t.Err, "%s has control characters other than %q", shown, t.Allowed)
	case t.Trimmed && strings.TrimSpace(s) != s:
		return errorsmod.Wrapf(t.Err, "%s has leading or trailing space", shown)
	}
	return nil
}

// HasControl reports a control character other than those in allowed.
func HasControl(s string, allowed string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && !strings.ContainsRune(allowed, r) }) >= 0
}
