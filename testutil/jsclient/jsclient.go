// Package jsclient runs npm's official openai client and ethers.js
// (pinned by this folder's package-lock.json) against a serving node and
// the chain's EVM, so tests use them exactly as their users' programs do.
package jsclient

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/testutil/npmtest"
)

// Dir is the folder holding package.json and client.mjs.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Voucher asks the script to sign a voucher with ethers before a step.
// Amount "due" is the cumulative_due of the user's last receipt in the run.
type Voucher struct {
	PrivateKey        string `json:"privateKey"`
	ServingNode       string `json:"servingNode"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
	Nonce             uint64 `json:"nonce"`
	Expiry            uint64 `json:"expiry"`
	Amount            string `json:"amount"`
}

// Step is one call: Op is chat, completion, models or sign_voucher.
type Step struct {
	Op      string         `json:"op"`
	BaseURL string         `json:"baseURL"`
	Model   string         `json:"model,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	Voucher *Voucher       `json:"voucher,omitempty"`
}

// Error is an API error as the openai client reports it.
type Error struct {
	Status    int    `json:"status"`
	Code      string `json:"code"`
	Type      string `json:"type"`
	Message   string `json:"message"`
	AmountDue string `json:"amount_due"`
}

// Result is one step's outcome.
type Result struct {
	ID           string          `json:"id"`
	Text         string          `json:"text"`
	FinishReason string          `json:"finish_reason"`
	Usage        json.RawMessage `json:"usage"`
	Receipt      json.RawMessage `json:"receipt"`
	Logprobs     json.RawMessage `json:"logprobs"`
	Chunks       int             `json:"chunks"`
	Models       []struct {
		ID string `json:"id"`
	} `json:"models"`
	Voucher json.RawMessage `json:"voucher"`
	Error   *Error          `json:"error"`
}

// Run runs the steps in order in one node process.
func Run(t testing.TB, steps []Step) []Result {
	t.Helper()
	var res struct {
		Results []Result `json:"results"`
	}
	npmtest.Run(t, Dir(), "client.mjs", map[string]any{"steps": steps}, &res)
	if len(res.Results) != len(steps) {
		t.Fatalf("jsclient: %d results for %d steps", len(res.Results), len(steps))
	}
	return res.Results
}

// ReceiptDue is the cumulative_due of the result's receipt: what the
// channel owes after the answer.
func (r Result) ReceiptDue(t testing.TB) string {
	t.Helper()
	var signed struct {
		Receipt struct {
			CumulativeDue string `json:"cumulative_due"`
		} `json:"receipt"`
	}
	if err := json.Unmarshal(r.Receipt, &signed); err != nil || signed.Receipt.CumulativeDue == "" {
		t.Fatalf("jsclient: result without a paid receipt: %s (%v)", r.Receipt, err)
	}
	return signed.Receipt.CumulativeDue
}

// DatanetRequest asks datanet.mjs to walk through the Datanet precompile
// with ethers.js as the account of PrivateKey.
type DatanetRequest struct {
	RPCURL     string          `json:"rpcURL"`
	PrivateKey string          `json:"privateKey"`
	Address    string          `json:"address"`
	ABI        json.RawMessage `json:"abi"`
}

// DatanetResult is what each of datanet.mjs's steps saw.
type DatanetResult struct {
	Owner           string `json:"owner"`
	DatanetID       string `json:"datanetId"`
	ContributionID  string `json:"contributionId"`
	ContributionGas string `json:"contributionGas"`
	Root            string `json:"root"`
	Datanet         struct {
		Owner          string `json:"owner"`
		Name           string `json:"name"`
		CurrentVersion string `json:"currentVersion"`
	} `json:"datanet"`
	Refused *struct {
		Name      string `json:"name"`
		Codespace string `json:"codespace"`
		Code      uint32 `json:"code"`
		Message   string `json:"message"`
	} `json:"refused"`
}

// RunDatanet runs datanet.mjs.
func RunDatanet(t testing.TB, req DatanetRequest) DatanetResult {
	t.Helper()
	var res DatanetResult
	npmtest.Run(t, Dir(), "datanet.mjs", req, &res)
	return res
}

// Bridge runs bridge.mjs: x/bridge's EIP-712 digests, validator set hash
// and withdrawal leaves as ethers.js computes them. request and response
// are the script's JSON (see bridge.mjs).
func Bridge(t testing.TB, request, response any) {
	t.Helper()
	npmtest.Run(t, Dir(), "bridge.mjs", request, response)
}
