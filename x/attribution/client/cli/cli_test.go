package cli_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/x/attribution"
	"github.com/openledger/openledger/x/attribution/client/cli"
	"github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

var ac = addresscodec.NewBech32Codec("open")

// user returns a canonical bech32 address made of one repeated byte.
func user(t *testing.T, b byte) string {
	t.Helper()
	s, err := ac.BytesToString(bytes.Repeat([]byte{b}, 20))
	require.NoError(t, err)
	return s
}

func outputHash(i int) []byte {
	h := sha256.Sum256([]byte(fmt.Sprintf("output %d", i)))
	return h[:]
}

// price is the price model 7 was settled at: 5 aopen per call, 1,500 per
// 1,000 tokens.
var price = modelregtypes.Price{PerCall: math.NewInt(5), Per_1KTokens: math.NewInt(1_500)}

// batch returns n receipts of model 7, as a serving node would commit them,
// each charged the price for its tokens.
func batch(t *testing.T, n int) []types.Receipt {
	t.Helper()
	rs := make([]types.Receipt, n)
	for i := range rs {
		prompt, completion := uint64(40+i), uint64(7*i)
		rs[i] = types.Receipt{
			User: user(t, byte(i+1)), ModelID: 7, OutputHash: outputHash(i),
			Weights:      []types.ContributionWeight{{ContributionId: 3, Ppm: 250_000}, {ContributionId: uint64(10 + i), Ppm: 500_000}},
			PromptTokens: prompt, CompletionTokens: completion, Fee: modelregtypes.InferenceFee(price, prompt+completion),
			Method: poa.Method,
		}
	}
	return rs
}

// v1 strips the token counts and fees, as receipts of version 1 records
// were (a file without them reads them as zero).
func v1(rs []types.Receipt) []types.Receipt {
	out := make([]types.Receipt, len(rs))
	for i, r := range rs {
		r.PromptTokens, r.CompletionTokens, r.Fee, r.Method = 0, 0, math.ZeroInt(), ""
		out[i] = r
	}
	return out
}

// writeReceipts publishes receipts as a serving node does and returns the path.
func writeReceipts(t *testing.T, rs []types.Receipt) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, cli.WriteReceipts(&buf, rs))
	return writeFile(t, "receipts.json", buf.String())
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// pendingRecord is record 9 of model 7, settled at price in a batch of
// models 4 and 7 whose receipts root the node signed.
func pendingRecord(t *testing.T, rs []types.Receipt) types.AttributionRecord {
	t.Helper()
	root, err := types.ReceiptsRoot(rs)
	require.NoError(t, err)
	return types.AttributionRecord{
		Id: 9, ModelId: 7, ReceiptsRoot: root, Status: types.RECORD_STATUS_PENDING,
		ReceiptVersion: types.CurrentReceiptVersion, Method: poa.Method, Price: price, BatchModelIds: []uint64{4, 7}, NodeSignedRoot: true,
	}
}

func TestReadReceipts(t *testing.T) {
	rs := batch(t, 3)
	hash := outputHash(0)
	u := user(t, 1)

	t.Run("Success - what WriteReceipts publishes reads back the same", func(t *testing.T) {
		got, err := cli.ReadReceiptsFile(writeReceipts(t, rs))
		require.NoError(t, err)
		require.Equal(t, rs, got)
	})
	t.Run("Success - integers as strings, hash in 0x hex, base64 and unpadded base64", func(t *testing.T) {
		for _, h := range []string{
			"0x" + hex.EncodeToString(hash), strings.ToUpper(hex.EncodeToString(hash)),
			base64.StdEncoding.EncodeToString(hash), base64.RawStdEncoding.EncodeToString(hash),
		} {
			doc := fmt.Sprintf(`[{"user":%q,"model_id":"7","output_hash":%q,"weights":[{"contribution_id":"3","ppm":"250000"},{"contribution_id":10,"ppm":500000}]}]`, u, h)
			got, err := cli.ReadReceipts(strings.NewReader(doc))
			require.NoError(t, err, h)
			require.Equal(t, v1(rs[:1]), got, h)
		}
	})
	t.Run("Success - tokens and fee: numbers or strings; a fee above 2^64", func(t *testing.T) {
		doc := fmt.Sprintf(`[{"user":%q,"model_id":7,"output_hash":%q,"weights":[],`+
			`"prompt_tokens":"12","completion_tokens":30,"fee":"123456789012345678901234567890"}]`, u, hex.EncodeToString(hash))
		got, err := cli.ReadReceipts(strings.NewReader(doc))
		require.NoError(t, err)
		require.Equal(t, uint64(12), got[0].PromptTokens)
		require.Equal(t, uint64(30), got[0].CompletionTokens)
		require.Equal(t, "123456789012345678901234567890", got[0].Fee.String())
		got, err = cli.ReadReceipts(strings.NewReader(strings.Replace(doc, `"123456789012345678901234567890"`, "1500", 1)))
		require.NoError(t, err)
		require.Equal(t, math.NewInt(1_500), got[0].Fee)
	})
	t.Run("Success - WriteReceipts writes the fee as a string", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, cli.WriteReceipts(&buf, rs[:1]))
		require.Contains(t, buf.String(), fmt.Sprintf(`"prompt_tokens":40,"completion_tokens":0,"fee":"%s"`, rs[0].Fee))
	})
	t.Run("Success - an empty array is an empty batch", func(t *testing.T) {
		got, err := cli.ReadReceipts(strings.NewReader(" [] "))
		require.NoError(t, err)
		require.Empty(t, got)
	})
	for _, tc := range []struct{ name, doc, want string }{
		{"not an array", `{"user":"x"}`, "cannot unmarshal"},
		{"unknown field", `[{"user":"x","modelid":7}]`, "unknown field"},
		{"negative model id", `[{"user":"x","model_id":-7}]`, "not an unsigned integer"},
		{"fractional ppm", `[{"weights":[{"contribution_id":1,"ppm":2.5}]}]`, "not an unsigned integer"},
		{"ppm above 32 bits", `[{"weights":[{"contribution_id":1,"ppm":4294967296}]}]`, "does not fit 32 bits"},
		{"hash neither hex nor base64", `[{"output_hash":"zz!"}]`, "neither hex nor base64"},
		{"bad 0x hex", `[{"output_hash":"0xzz"}]`, "output_hash"},
		{"negative fee", `[{"fee":"-1"}]`, "non-negative"},
		{"fractional fee", `[{"fee":1.5}]`, "non-negative"},
		{"negative tokens", `[{"prompt_tokens":-1}]`, "not an unsigned integer"},
		{"data after the array", `[] []`, "data after"},
	} {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			_, err := cli.ReadReceipts(strings.NewReader(tc.doc))
			require.ErrorContains(t, err, tc.want)
		})
	}
	t.Run("Failure - missing file", func(t *testing.T) {
		_, err := cli.ReadReceiptsFile(filepath.Join(t.TempDir(), "none.json"))
		require.Error(t, err)
	})
}

func TestDecodeHash(t *testing.T) {
	hash := outputHash(1)
	// 64 characters that are valid base64 too: hex wins, as a SHA-256 is 32 bytes.
	digits := strings.Repeat("ab", 32)
	got, err := cli.DecodeHash(digits)
	require.NoError(t, err)
	require.Len(t, got, 32)
	got, err = cli.DecodeHash(base64.StdEncoding.EncodeToString(hash))
	require.NoError(t, err)
	require.Equal(t, hash, got)
}

// poaOutput is a `poa attribute --json` result, attributions by weight.
var poaOutput = `{
  "method": "` + poa.Method + `", "attributed_ppm": 900000,
  "attributions": [
    {"id": "8", "weight_ppm": 500000, "spans": [{"start": 0, "end": 108}]},
    {"id": "3", "weight_ppm": 400000, "spans": [{"start": 120, "end": 200}]}
  ],
  "exact": [], "paraphrase": [], "min_span": 8, "output_words": 40,
  "indexes": [{"name": "datanet-7-v3", "manifest_sha256": "00"}]
}`

func TestParseRecomputedWeights(t *testing.T) {
	want := []types.ContributionWeight{{ContributionId: 3, Ppm: 400_000}, {ContributionId: 8, Ppm: 500_000}}
	for _, tc := range []struct{ name, doc string }{
		{"chain format, sorted by contribution id", `[{"contribution_id":8,"ppm":500000},{"contribution_id":"3","ppm":"400000"}]`},
		{"poa attribute --json output as is", poaOutput},
		{"poa attributions array", `[{"id":"8","weight_ppm":500000,"spans":[]},{"id":3,"weight_ppm":400000}]`},
		{"poa gradient --json output as is", `{"method":"tracin-1.lora.sparse-sign","gradients_sha256":"00",` +
			`"weights":[{"contribution_id":3,"ppm":400000},{"contribution_id":8,"ppm":500000}]}`},
	} {
		t.Run("Success - "+tc.name, func(t *testing.T) {
			got, err := cli.ParseRecomputedWeights([]byte(tc.doc))
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
	t.Run("Success - no weights at all (the receipt should credit nothing)", func(t *testing.T) {
		got, err := cli.ParseRecomputedWeights([]byte(`{"attributed_ppm":0,"attributions":[]}`))
		require.NoError(t, err)
		require.Empty(t, got)
	})
	for _, tc := range []struct{ name, doc, want string }{
		{"poa id that is not a contribution id", `{"attributions":[{"id":"go/bufio#Reader.Peek","weight_ppm":5}]}`, "not an unsigned integer"},
		{"object that is not a poa result", `{"claims":[]}`, "attributions"},
		{"object with both spellings", `{"weights":[],"attributions":[]}`, "attributions"},
		{"scalar", `42`, "JSON array"},
		{"empty file", ``, "JSON array"},
		{"duplicate contribution", `[{"contribution_id":3,"ppm":1},{"id":"3","weight_ppm":2}]`, "listed twice"},
		{"both spellings in one entry", `[{"contribution_id":3,"weight_ppm":2}]`, "mixes"},
		{"missing ppm", `[{"contribution_id":3}]`, "want"},
		{"zero ppm", `[{"contribution_id":3,"ppm":0}]`, "zero"},
		{"contribution id 0", `[{"contribution_id":0,"ppm":1}]`, "contribution id 0"},
		{"ppm above one whole", `[{"contribution_id":3,"ppm":1000001}]`, "at most 1000000"},
		{"sum above one whole", `[{"contribution_id":3,"ppm":600000},{"contribution_id":4,"ppm":600000}]`, "sum"},
		{"malformed JSON", `[{"contribution_id":3,`, "unexpected end"},
	} {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			_, err := cli.ParseRecomputedWeights([]byte(tc.doc))
			require.ErrorContains(t, err, tc.want)
		})
	}
	t.Run("Success - read from a file", func(t *testing.T) {
		got, err := cli.ReadRecomputedWeightsFile(writeFile(t, "claim.json", poaOutput))
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

func TestBuildChallenge(t *testing.T) {
	rs := batch(t, 5)
	record := pendingRecord(t, rs)
	published, err := cli.ReadReceiptsFile(writeReceipts(t, rs))
	require.NoError(t, err)
	recomputed, err := cli.ParseRecomputedWeights([]byte(poaOutput))
	require.NoError(t, err)
	challenger := user(t, 0xcc)

	t.Run("Success - every receipt's challenge verifies against the record's root", func(t *testing.T) {
		for i := range published {
			msg, err := cli.BuildChallenge(ac, challenger, record, published, uint64(i), recomputed)
			require.NoError(t, err)
			require.Equal(t, challenger, msg.Challenger)
			require.Equal(t, record.Id, msg.RecordId)
			require.Equal(t, uint64(i), msg.LeafIndex)
			require.Equal(t, uint64(len(rs)), msg.LeafCount)
			require.Equal(t, rs[i], msg.Receipt)
			require.Equal(t, recomputed, msg.RecomputedWeights)
			require.NoError(t, types.VerifyReceipt(record.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof))
		}
	})
	t.Run("Success - a version 1 record is proven with version 1 leaves", func(t *testing.T) {
		old := v1(rs)
		r := record
		r.ReceiptVersion, r.Price, r.BatchModelIds, r.NodeSignedRoot = types.ReceiptVersion1, modelregtypes.Price{}, nil, false
		var err error
		r.ReceiptsRoot, err = types.ReceiptsRootVersion(types.ReceiptVersion1, old)
		require.NoError(t, err)
		file, err := cli.ReadReceiptsFile(writeReceipts(t, old))
		require.NoError(t, err)
		msg, err := cli.BuildChallenge(ac, challenger, r, file, 3, recomputed)
		require.NoError(t, err)
		require.NoError(t, types.VerifyReceiptVersion(types.ReceiptVersion1, r.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof))
		// Version 1 leaves ignore tokens and fees, so a file that carries
		// them gives the same root, but the receipt would not be accepted.
		_, err = cli.BuildChallenge(ac, challenger, r, rs, 3, recomputed)
		require.ErrorContains(t, err, "carries no token counts or fee")
	})
	t.Run("Success - a batch of one receipt", func(t *testing.T) {
		one := pendingRecord(t, rs[:1])
		msg, err := cli.BuildChallenge(ac, challenger, one, rs[:1], 0, recomputed)
		require.NoError(t, err)
		require.NoError(t, types.VerifyReceipt(one.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof))
	})

	reordered := append([]types.Receipt{rs[1], rs[0]}, rs[2:]...)
	otherModel := batch(t, 2)
	otherModel[1].ModelID = 8
	withStatus := func(s types.RecordStatus) types.AttributionRecord {
		r := record
		r.Status, r.OpenChallengeId = s, 4
		return r
	}
	noRoot := record
	noRoot.ReceiptsRoot = make([]byte, types.HashLength)
	badUser := batch(t, 2)
	badUser[1].User = strings.ToUpper(badUser[1].User)
	for _, tc := range []struct {
		name     string
		record   types.AttributionRecord
		receipts []types.Receipt
		index    uint64
		weights  []types.ContributionWeight
		want     string
	}{
		{"receipts of another batch (one receipt short)", record, rs[:4], 0, recomputed, "not the batch of record 9"},
		{"receipts in another order", record, reordered, 0, recomputed, "not the batch of record 9"},
		{"empty receipts file", record, nil, 0, recomputed, "no receipts"},
		{"index past the end", record, rs, 5, recomputed, "index 5 is outside the batch: the receipts file holds 5 receipts"},
		{"recomputed weights equal the receipt's", record, rs, 2, rs[2].Weights, "nothing to dispute"},
		{"recomputed weights the chain refuses", record, rs, 2, []types.ContributionWeight{{ContributionId: 4, Ppm: 1}, {ContributionId: 3, Ppm: 1}}, "recomputed weights"},
		{"record already challenged", withStatus(types.RECORD_STATUS_CHALLENGED), rs, 0, recomputed, "open challenge 4"},
		{"record final", withStatus(types.RECORD_STATUS_FINAL), rs, 0, recomputed, "only a pending record"},
		{"record without receipts", noRoot, rs, 0, recomputed, "committed no receipts"},
		{"receipt of another model", pendingRecord(t, otherModel), otherModel, 1, recomputed, "model 8, but record 9 is of model 7"},
		{"receipt user not canonical", pendingRecord(t, badUser), badUser, 1, recomputed, "canonical"},
	} {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			_, err := cli.BuildChallenge(ac, challenger, tc.record, tc.receipts, tc.index, tc.weights)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestParseIDs(t *testing.T) {
	rec, idx, err := cli.ParseIDs("9", "17")
	require.NoError(t, err)
	require.Equal(t, [2]uint64{9, 17}, [2]uint64{rec, idx})
	_, _, err = cli.ParseIDs("nine", "17")
	require.ErrorContains(t, err, "RECORD_ID")
	_, _, err = cli.ParseIDs("9", "-1")
	require.ErrorContains(t, err, "INDEX")
}

// TestTxCmd checks that the module exposes challenge-receipt next to the
// AutoCLI commands and that its help names the bond it posts.
func TestTxCmd(t *testing.T) {
	mod := attribution.AppModule{}
	require.True(t, mod.AutoCLIOptions().Tx.EnhanceCustomCommand, "AutoCLI must add its commands next to the custom ones")
	cmd, _, err := mod.GetTxCmd().Find([]string{"challenge-receipt"})
	require.NoError(t, err)
	require.Equal(t, "challenge-receipt", cmd.Name())
	require.Contains(t, cmd.Long, "params.challenge_bond")
	require.NotEmpty(t, cmd.Example)
	require.NotNil(t, cmd.Flags().Lookup("from"))
	require.Error(t, cmd.Args(cmd, []string{"9", "receipts.json", "17"}))
}

func TestBuildUsageChallenge(t *testing.T) {
	challenger := user(t, 0xcc)
	verify := func(t *testing.T, record types.AttributionRecord, msg *types.MsgChallengeUsage) {
		t.Helper()
		require.Equal(t, challenger, msg.Challenger)
		require.Equal(t, record.Id, msg.RecordId)
		require.NoError(t, types.VerifyReceipt(record.ReceiptsRoot, msg.LeafCount, msg.Receipt, msg.LeafIndex, msg.Proof))
	}
	t.Run("Success - a receipt of a model the batch did not settle: the model claim", func(t *testing.T) {
		rs := batch(t, 4)
		rs[2].ModelID = 9
		record := pendingRecord(t, rs)
		file, err := cli.ReadReceiptsFile(writeReceipts(t, rs))
		require.NoError(t, err)
		msg, err := cli.BuildUsageChallenge(ac, challenger, record, file, 2, nil)
		require.NoError(t, err)
		require.Equal(t, types.USAGE_CLAIM_MODEL, msg.Claim)
		verify(t, record, msg)
	})
	t.Run("Success - a fee that is not the record's price for its tokens: the fee claim", func(t *testing.T) {
		rs := batch(t, 4)
		rs[1].Fee = rs[1].Fee.AddRaw(1)
		record := pendingRecord(t, rs)
		msg, err := cli.BuildUsageChallenge(ac, challenger, record, rs, 1, nil)
		require.NoError(t, err)
		require.Equal(t, types.USAGE_CLAIM_FEE, msg.Claim)
		require.Zero(t, msg.ClaimedPromptTokens)
		verify(t, record, msg)
	})
	t.Run("Success - other token counts: the token claim", func(t *testing.T) {
		rs := batch(t, 4)
		record := pendingRecord(t, rs)
		msg, err := cli.BuildUsageChallenge(ac, challenger, record, rs, 3, &cli.TokenCounts{Prompt: 43, Completion: 2})
		require.NoError(t, err)
		require.Equal(t, types.USAGE_CLAIM_TOKENS, msg.Claim)
		require.Equal(t, [2]uint64{43, 2}, [2]uint64{msg.ClaimedPromptTokens, msg.ClaimedCompletionTokens})
		verify(t, record, msg)
	})

	rs := batch(t, 4)
	record := pendingRecord(t, rs)
	sibling := batch(t, 4)
	sibling[0].ModelID = 4
	v1Record := record
	v1Record.ReceiptVersion = types.ReceiptVersion1
	direct := record
	direct.NodeSignedRoot = false
	final := record
	final.Status = types.RECORD_STATUS_FINAL
	for _, tc := range []struct {
		name     string
		record   types.AttributionRecord
		receipts []types.Receipt
		index    uint64
		claimed  *cli.TokenCounts
		want     string
	}{
		{"receipt agrees and no token counts given", record, rs, 1, nil, "give the true token counts"},
		{"claimed token counts are the receipt's", record, rs, 1, &cli.TokenCounts{Prompt: 41, Completion: 7}, "nothing to dispute"},
		{"receipt of another model of the batch", pendingRecord(t, sibling), sibling, 0, nil, "challenge its own record"},
		{"version 1 record", v1Record, rs, 0, nil, "version 1 receipts"},
		{"record paid directly", direct, rs, 0, nil, "named by the payer"},
		{"record final", final, rs, 0, nil, "only a pending record"},
		{"receipts of another batch", record, rs[:3], 0, nil, "not the batch of record 9"},
		{"index past the end", record, rs, 4, nil, "outside the batch"},
	} {
		t.Run("Failure - "+tc.name, func(t *testing.T) {
			_, err := cli.BuildUsageChallenge(ac, challenger, tc.record, tc.receipts, tc.index, tc.claimed)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// TestChallengeUsageCmd: the command sits next to challenge-receipt and
// takes the token claim as a pair of flags.
func TestChallengeUsageCmd(t *testing.T) {
	cmd, _, err := attribution.AppModule{}.GetTxCmd().Find([]string{"challenge-usage"})
	require.NoError(t, err)
	require.Equal(t, "challenge-usage", cmd.Name())
	require.Contains(t, cmd.Long, "params.challenge_bond")
	require.NotNil(t, cmd.Flags().Lookup("prompt-tokens"))
	require.NotNil(t, cmd.Flags().Lookup("completion-tokens"))
	require.NoError(t, cmd.Args(cmd, []string{"9", "receipts.json", "17"}))
	require.Error(t, cmd.Args(cmd, []string{"9", "receipts.json"}))
}
