package ibccredit_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/app/ibccredit"
)

const creditMemo = `{"openledger":{"deposit_credit":{}}}`

// TestParseMemo: what is not addressed to OpenLedger is no action; what
// is must be exactly the credit action.
func TestParseMemo(t *testing.T) {
	for _, tc := range []struct {
		memo   string
		action ibccredit.Action
		err    error
	}{
		{"", ibccredit.ActionNone, nil},
		{"hello", ibccredit.ActionNone, nil},
		{`{"wasm":{}}`, ibccredit.ActionNone, nil},
		{creditMemo, ibccredit.ActionDepositCredit, nil},
		{`{"openledger":{"deposit_credit":{}},"note":"hi"}`, ibccredit.ActionDepositCredit, nil},
		{`{"openledger":{"deposit_credit":{}, "x":1}}`, ibccredit.ActionNone, ibccredit.ErrUnknownAction},
		{`{"openledger":{}}`, ibccredit.ActionNone, ibccredit.ErrInvalidMemo},
		{`{"openledger":{"deposit_credit":null}}`, ibccredit.ActionNone, ibccredit.ErrInvalidMemo},
		{`{"openledger":[]}`, ibccredit.ActionNone, ibccredit.ErrUnknownAction},
	} {
		action, err := ibccredit.ParseMemo(tc.memo)
		require.Equal(t, tc.action, action, tc.memo)
		if tc.err == nil {
			require.NoError(t, err, tc.memo)
		} else {
			require.ErrorIs(t, err, tc.err, tc.memo)
		}
	}
}
