package system_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// testPeriods shortens the genesis's waiting periods so that a test can watch
// a governance vote, an unbonding or a challenge window end. Each entry is
// (module, params field, duration). The production defaults stay in the
// modules; only this test chain is fast.
var testPeriods = []struct{ module, field, duration string }{
	{"gov", "voting_period", "8s"},
	{"gov", "expedited_voting_period", "4s"},
	{"agentstake", "unbonding_period", "6s"},
	{"attribution", "challenge_window", "30s"}, // long enough for a loaded machine to query the record while it is open
	{"attribution", "voting_period", "20s"},
	{"inferencefees", "withdrawal_delay", "5s"},
}

// shortenPeriods rewrites HOME/config/genesis.json with testPeriods.
func shortenPeriods(home string) error {
	path := filepath.Join(home, "config", "genesis.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var genesis map[string]json.RawMessage
	if err := json.Unmarshal(data, &genesis); err != nil {
		return fmt.Errorf("decoding %s: %w", path, err)
	}
	var appState map[string]map[string]json.RawMessage
	if err := json.Unmarshal(genesis["app_state"], &appState); err != nil {
		return fmt.Errorf("decoding app_state: %w", err)
	}
	for _, p := range testPeriods {
		module, ok := appState[p.module]
		if !ok {
			return fmt.Errorf("genesis has no %s module", p.module)
		}
		var params map[string]json.RawMessage
		if err := json.Unmarshal(module["params"], &params); err != nil {
			return fmt.Errorf("decoding %s params: %w", p.module, err)
		}
		if _, ok := params[p.field]; !ok {
			return fmt.Errorf("%s params have no %s", p.module, p.field)
		}
		params[p.field], _ = json.Marshal(p.duration)
		if module["params"], err = json.Marshal(params); err != nil {
			return err
		}
	}
	if genesis["app_state"], err = json.Marshal(appState); err != nil {
		return err
	}
	out, err := json.MarshalIndent(genesis, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}
