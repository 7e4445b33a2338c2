package cli_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/inferencefees/client/cli"
	"github.com/openledger/openledger/x/inferencefees/types"
)

// FuzzSettleBatchFile reads arbitrary settle-batch files and builds the
// message from each that reads. A file that reads must write back (as JSON)
// to one that reads the same; a message that builds carries every voucher
// of the file, each with a user signature and a node signature that verify.
func FuzzSettleBatchFile(f *testing.F) {
	ac := addresscodec.NewBech32Codec("open")
	userKey, err := crypto.ToECDSA(bytes.Repeat([]byte{0x42}, 32))
	require.NoError(f, err)
	nodeKey, err := crypto.ToECDSA(bytes.Repeat([]byte{0x43}, 32))
	require.NoError(f, err)
	user, node := crypto.PubkeyToAddress(userKey.PublicKey).Bytes(), crypto.PubkeyToAddress(nodeKey.PublicKey).Bytes()
	userStr, err := ac.BytesToString(user)
	require.NoError(f, err)

	v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: math.NewInt(5_000), Nonce: 3, Expiry: 1_900_000_000}
	digest, err := v.Digest(chainID)
	require.NoError(f, err)
	userSig, err := crypto.Sign(digest[:], userKey)
	require.NoError(f, err)
	valid := []byte(fmt.Sprintf(`{"receipts_root":"0x%s","vouchers":[{"user":%q,"cumulative_amount":"5000","nonce":3,"expiry":1900000000,"user_signature":"0x%s"}],`+
		`"usage":[{"model_id":1,"amount":"5000aopen","inference_count":12,"tokens":4800}],"attribution":[{"model_id":1,"method":"m","weights":[{"contribution_id":4,"ppm":600000}]}]}`,
		hex.EncodeToString(bytes.Repeat([]byte{0xab}, 32)), userStr, hex.EncodeToString(userSig)))
	f.Add(valid)
	f.Add([]byte(`{"receipts_root":"","vouchers":[],"usage":[],"attribution":[]}`))

	sign := func(s agentstaketypes.Settlement) ([]byte, error) {
		d, err := s.Digest(chainID)
		if err != nil {
			return nil, err
		}
		return crypto.Sign(d[:], nodeKey)
	}
	// The first seed builds, so that the corpus runs the checks of a built
	// message.
	b, err := cli.ReadBatch(valid)
	require.NoError(f, err)
	_, err = cli.BuildSettleBatch(ac, b, node, sign, chainID)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := cli.ReadBatch(data)
		if err != nil {
			return
		}
		written, err := json.Marshal(b)
		require.NoError(t, err)
		again, err := cli.ReadBatch(written)
		require.NoError(t, err, "a written batch file does not read back: %s", written)
		require.Equal(t, b, again)

		msg, err := cli.BuildSettleBatch(ac, b, node, sign, chainID)
		if err != nil {
			return
		}
		require.Len(t, msg.Vouchers, len(b.Vouchers))
		for _, sv := range msg.Vouchers {
			u, err := ac.StringToBytes(sv.User)
			require.NoError(t, err)
			v := types.Voucher{User: u, ServingNode: node, CumulativeAmount: sv.CumulativeAmount, Nonce: sv.Nonce, Expiry: sv.Expiry}
			require.NoError(t, v.VerifySignature(chainID, sv.UserSignature))
			require.NoError(t, v.Settlement(msg.ReceiptsRoot).VerifySignature(chainID, sv.NodeSignature))
		}
	})
}
