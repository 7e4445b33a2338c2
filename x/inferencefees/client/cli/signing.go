package cli

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

// DefaultEVMChainID is the EVM chain id the commands sign for unless
// --evm-chain-id says otherwise: app/config.DefaultEVMChainID, repeated here
// so that the module does not import the application.
const DefaultEVMChainID uint64 = 6736

// SignVoucher signs a voucher with the keyring key keyName for the chain
// with evmChainID and returns the 65-byte r || s || v signature (v 0 or 1)
// that Voucher.VerifySignature accepts.
//
// The key must be a local eth_secp256k1 key whose address is the voucher's
// user: cosmos/evm's ethsecp256k1 PrivKey.Sign signs a 32-byte input as a
// digest, as it is, with go-ethereum's crypto.Sign. The signature is checked
// before it is returned, so a key of another algorithm (which hashes its
// input again) or of another account is refused here rather than on chain.
func SignVoucher(kr keyring.Keyring, keyName string, v types.Voucher, evmChainID uint64) ([]byte, error) {
	if kr == nil {
		return nil, fmt.Errorf("no keyring")
	}
	digest, err := v.Digest(evmChainID)
	if err != nil {
		return nil, fmt.Errorf("voucher: %w", err)
	}
	sig, pub, err := kr.Sign(keyName, digest[:], signingtypes.SignMode_SIGN_MODE_DIRECT)
	if err != nil {
		return nil, fmt.Errorf("signing with key %q: %w", keyName, err)
	}
	if pub != nil && !bytes.Equal(pub.Address(), v.User) {
		return nil, fmt.Errorf("key %q is account %X, not the voucher's user %X", keyName, pub.Address().Bytes(), v.User)
	}
	if len(sig) != eip712.SignatureSize {
		return nil, fmt.Errorf("key %q gave a %d-byte signature: vouchers need an eth_secp256k1 key", keyName, len(sig))
	}
	if err := v.VerifySignature(evmChainID, sig); err != nil {
		return nil, fmt.Errorf("key %q did not sign the voucher digest as is (an eth_secp256k1 key does): %w", keyName, err)
	}
	return sig, nil
}

// KeyAddress is the account address of a keyring key.
func KeyAddress(kr keyring.Keyring, keyName string) ([]byte, error) {
	rec, err := kr.Key(keyName)
	if err != nil {
		return nil, err
	}
	return rec.GetAddress()
}

// SettlementSigner signs an x/agentstake Settlement with the serving node's
// key (x/agentstake/client/cli.SignSettlement with a keyring key).
type SettlementSigner func(s agentstaketypes.Settlement) ([]byte, error)

// VoucherJSON is a signed voucher as sign-voucher prints it and as the
// vouchers of a settle-batch file list it (serving_node and evm_chain_id
// are informative there: the batch's node and chain are the signer's).
type VoucherJSON struct {
	User             string `json:"user"`
	ServingNode      string `json:"serving_node,omitempty"`
	CumulativeAmount string `json:"cumulative_amount"`
	Nonce            uint64 `json:"nonce"`
	Expiry           uint64 `json:"expiry"`
	UserSignature    string `json:"user_signature"`
	EVMChainID       uint64 `json:"evm_chain_id,omitempty"`
}

// UsageJSON is one usage entry of a batch file: the model, the amount its
// inferences paid (aopen), how many inferences and their prompt plus
// completion tokens in total.
type UsageJSON struct {
	ModelID        uint64 `json:"model_id"`
	Amount         string `json:"amount"`
	InferenceCount uint64 `json:"inference_count"`
	Tokens         uint64 `json:"tokens"`
}

// AttributionJSON is one attribution entry of a batch file.
type AttributionJSON struct {
	ModelID uint64 `json:"model_id"`
	Method  string `json:"method"`
	Weights []struct {
		ContributionID uint64 `json:"contribution_id"`
		PPM            uint32 `json:"ppm"`
	} `json:"weights"`
}

// BatchFile is the input of settle-batch: what a serving node collected.
type BatchFile struct {
	// ReceiptsRoot is the hex Merkle root of the batch's receipts.
	ReceiptsRoot string            `json:"receipts_root"`
	Vouchers     []VoucherJSON     `json:"vouchers"`
	Usage        []UsageJSON       `json:"usage"`
	Attribution  []AttributionJSON `json:"attribution"`
}

// ReadBatchFile reads the batch file at path (see ReadBatch).
func ReadBatchFile(path string) (BatchFile, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return BatchFile{}, err
	}
	b, err := ReadBatch(bz)
	if err != nil {
		return b, fmt.Errorf("reading batch %s: %w", path, err)
	}
	return b, nil
}

// ReadBatch reads a batch file's content; unknown fields are refused, so
// that a misspelt field is not silently dropped.
func ReadBatch(bz []byte) (BatchFile, error) {
	var b BatchFile
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return BatchFile{}, err
	}
	return b, nil
}

// decodeHex decodes hex with or without 0x.
func decodeHex(s string) ([]byte, error) {
	return hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
}

// parseAmount reads an aopen amount: digits, optionally followed by "aopen".
func parseAmount(s string) (math.Int, error) {
	a, ok := math.NewIntFromString(strings.TrimSuffix(strings.TrimSpace(s), types.Denom))
	if !ok || a.IsNegative() {
		return math.Int{}, fmt.Errorf("amount %q must be a whole number of %s", s, types.Denom)
	}
	return a, nil
}

// BuildSettleBatch turns a batch file into a MsgSettleBatch from the signer's
// node: it checks every user signature (so a bad voucher fails here, not on
// chain) and adds the node's settlement signature to every voucher.
func BuildSettleBatch(ac address.Codec, b BatchFile, node []byte, sign SettlementSigner, evmChainID uint64) (*types.MsgSettleBatch, error) {
	nodeStr, err := ac.BytesToString(node)
	if err != nil {
		return nil, err
	}
	root, err := decodeHex(b.ReceiptsRoot)
	if err != nil || len(root) != attributiontypes.HashLength {
		return nil, fmt.Errorf("receipts_root must be 32 bytes of hex")
	}
	msg := &types.MsgSettleBatch{ServingNode: nodeStr, ReceiptsRoot: root}
	for i, vj := range b.Vouchers {
		user, err := ac.StringToBytes(vj.User)
		if err != nil {
			return nil, fmt.Errorf("vouchers[%d]: user: %w", i, err)
		}
		if vj.ServingNode != "" && vj.ServingNode != nodeStr {
			return nil, fmt.Errorf("vouchers[%d]: made out to %s, not to %s", i, vj.ServingNode, nodeStr)
		}
		amount, err := parseAmount(vj.CumulativeAmount)
		if err != nil {
			return nil, fmt.Errorf("vouchers[%d]: %w", i, err)
		}
		userSig, err := decodeHex(vj.UserSignature)
		if err != nil {
			return nil, fmt.Errorf("vouchers[%d]: user_signature: %w", i, err)
		}
		v := types.Voucher{User: user, ServingNode: node, CumulativeAmount: amount, Nonce: vj.Nonce, Expiry: vj.Expiry}
		if err := v.VerifySignature(evmChainID, userSig); err != nil {
			return nil, fmt.Errorf("vouchers[%d]: user signature (EVM chain id %d): %w", i, evmChainID, err)
		}
		nodeSig, err := sign(v.Settlement(root))
		if err != nil {
			return nil, fmt.Errorf("vouchers[%d]: %w", i, err)
		}
		msg.Vouchers = append(msg.Vouchers, types.SignedVoucher{
			User: vj.User, CumulativeAmount: amount, Nonce: vj.Nonce, Expiry: vj.Expiry,
			UserSignature: userSig, NodeSignature: nodeSig,
		})
	}
	for i, u := range b.Usage {
		amount, err := parseAmount(u.Amount)
		if err != nil {
			return nil, fmt.Errorf("usage[%d]: %w", i, err)
		}
		msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: u.ModelID, Amount: amount, InferenceCount: u.InferenceCount, Tokens: u.Tokens})
	}
	for _, a := range b.Attribution {
		ma := types.ModelAttribution{ModelId: a.ModelID, Method: a.Method}
		for _, w := range a.Weights {
			ma.Weights = append(ma.Weights, attributiontypes.ContributionWeight{ContributionId: w.ContributionID, Ppm: w.PPM})
		}
		msg.Attribution = append(msg.Attribution, ma)
	}
	return msg, nil
}
