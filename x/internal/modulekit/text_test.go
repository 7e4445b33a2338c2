package modulekit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
)

var errTestText = errorsmod.Register("modulekit_test", 3, "invalid text")

func TestText(t *testing.T) {
	name := Text{Err: errTestText, Field: "name", Max: 8, Required: true, Trimmed: true}
	notes := Text{Err: errTestText, Field: "notes", Max: 400, Allowed: "\n\t"}
	for _, tc := range []struct {
		name  string
		rule  Text
		value string
		want  string // part of the error; "" for none
	}{
		{"Success - plain", name, "GPT-mini", ""},
		{"Success - empty when optional", notes, "", ""},
		{"Success - allowed control characters", notes, "a\n\tb", ""},
		{"Success - inner space", name, "a b", ""},
		{"Failure - empty when required", name, "", "name is empty"},
		{"Failure - too long", name, "123456789", "name has 9 bytes, at most 8"},
		{"Failure - not UTF-8", name, "\xff", `name "\xff" is not UTF-8`},
		{"Failure - control character", name, "a\x00b", "has control characters"},
		{"Failure - a control character not allowed", notes, "a\rb", `other than "\n\t"`},
		{"Failure - leading space", name, " a", "leading or trailing space"},
		{"Failure - a long value is not quoted", notes, strings.Repeat("x", 300) + "\x01", "notes has control characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rule.Check(tc.value)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, errTestText)
			require.Contains(t, err.Error(), tc.want)
		})
	}
}
