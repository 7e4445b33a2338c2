//go:build faults

package faults_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

// pricePerCall is the demo model's price: every settlement books one
// inference of it.
var pricePerCall = math.NewInt(1_000_000_000_000_000)

// settlements is the serving side of the load: a base model priced per
// call, a staked serving node of it and a user with credit; the node then
// settles a batch of one inference every few blocks, each with the user's
// next cumulative voucher.
type settlements struct {
	node, user string // key names
	nodeAddr   string
	userAddr   string
	modelID    uint64
}

func (l *load) setUpSettlements(t *testing.T) *settlements {
	t.Helper()
	s := &settlements{node: "fault-node", user: "dev4"}
	s.nodeAddr = newKey(t, l.entry, s.node)
	s.userAddr = strings.TrimSpace(mustCLI(t, l.entry, "keys", "show", s.user, "-a", "--keyring-backend", "test"))

	artifact := filepath.Join(t.TempDir(), "model.safetensors")
	require.NoError(t, os.WriteFile(artifact, []byte("weights of the fault-load model"), 0o600))
	registered, err := l.cliTx("modelreg", "register", "fault-load-base", "--kind", "base", "--artifact", artifact,
		"--uri", "hf://openledger/fault-load-base", "--architecture", "llama", "--license", "apache-2.0",
		"--price-per-call", pricePerCall.String(), "--from", s.user)
	require.NoError(t, err)
	s.modelID, err = strconv.ParseUint(registered.attribute("openledger.modelreg.v1.EventModelRegistered", "model_id"), 10, 64)
	require.NoError(t, err)

	params, err := l.entry.cli("query", "agentstake", "params", "--output", "json")
	require.NoError(t, err)
	m := regexp.MustCompile(`"min_stake_serving_node":\s*"(\d+)"`).FindStringSubmatch(params)
	require.NotNil(t, m, params)
	stake, ok := math.NewIntFromString(m[1])
	require.True(t, ok)
	fees := math.NewIntWithDecimal(10, 18)
	_, err = l.cliTx("bank", "send", s.user, s.nodeAddr, stake.Add(fees).String()+"aopen")
	require.NoError(t, err)
	_, err = l.cliTx("agentstake", "register-agent", "serving-node", stake.String(),
		"--model-ids", strconv.FormatUint(s.modelID, 10), "--endpoint", "https://fault-load-node.example/v1", "--from", s.node)
	require.NoError(t, err)
	_, err = l.cliTx("inferencefees", "deposit-credit", math.NewIntWithDecimal(10, 18).String()+"aopen", "--from", s.user)
	require.NoError(t, err)
	return s
}

// batch writes the batch file of settlement i (from 1): one inference,
// paid by the user's voucher of cumulative i × price.
func (s *settlements) batch(l *load, dir string, i int) (string, error) {
	output := sha256.Sum256([]byte(fmt.Sprintf("answer %d", i)))
	receipts := []attributiontypes.Receipt{{
		User: s.userAddr, ModelID: s.modelID, OutputHash: output[:], PromptTokens: 10, CompletionTokens: 20,
		Fee: pricePerCall, Method: inferencefeestypes.MethodNone,
	}}
	root, err := attributiontypes.ReceiptsRoot(receipts)
	if err != nil {
		return "", err
	}
	voucher, err := l.entry.cli("tx", "inferencefees", "sign-voucher", "--serving-node", s.nodeAddr,
		"--amount", pricePerCall.MulRaw(int64(i)).String(), "--nonce", strconv.Itoa(i), "--expiry", "1h",
		"--from", s.user, "--keyring-backend", "test")
	if err != nil {
		return "", err
	}
	// The voucher is the (indented) JSON object the CLI prints last.
	start := strings.Index(voucher, "{")
	if start < 0 {
		return "", fmt.Errorf("sign-voucher printed no voucher: %s", voucher)
	}
	batch, err := json.Marshal(map[string]any{
		"receipts_root": hex.EncodeToString(root),
		"vouchers":      []json.RawMessage{json.RawMessage(voucher[start:])},
		"usage":         []map[string]any{{"model_id": s.modelID, "amount": pricePerCall.String(), "inference_count": 1, "tokens": 30}},
	})
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("batch-%d.json", i))
	return path, os.WriteFile(path, batch, 0o600)
}

// newKey adds a key to v's keyring and returns its address.
func newKey(t *testing.T, v *validator, name string) string {
	t.Helper()
	out := mustCLI(t, v, "keys", "add", name, "--keyring-backend", "test", "--output", "json")
	var key struct {
		Address string `json:"address"`
	}
	require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &key))
	return key.Address
}

// settledAmount is the cumulative amount node v holds as settled on the
// channel.
func (s *settlements) settledAmount(t *testing.T, v *validator) string {
	t.Helper()
	out, err := v.cli("query", "inferencefees", "channel", s.userAddr, s.nodeAddr, "--output", "json")
	require.NoError(t, err)
	m := regexp.MustCompile(`"settled_amount":\s*"(\d+)"`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	return m[1]
}
