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

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

// DefaultEVMChainID is the EVM chain id the commands sign for unless
// --evm-chain-id says otherwise: app/config.DefaultEVMChainID, repeated here
// so that the module does not import the application.
const DefaultEVMChainID uint64 = 6736

// DigestSigner signs 32-byte EIP-712 digests as an Ethereum key does:
// 65 bytes r ‖ s ‖ v.
type DigestSigner interface {
	// Address is the signer's 20-byte account address.
	Address() []byte
	// SignDigest signs the digest as it is (no further hashing).
	SignDigest(digest []byte) ([]byte, error)
}

// KeyringSigner signs with a local key of a Cosmos keyring. With an
// eth_secp256k1 key (cosmos/evm's ethsecp256k1.PrivKey), Sign signs a
// 32-byte input as a digest, as it is, and returns r ‖ s ‖ v with v 0/1:
// exactly an Ethereum signature of the digest.
type KeyringSigner struct {
	Keyring keyring.Keyring
	// Name is the key's name in the keyring.
	Name string
	addr []byte
}

// NewKeyringSigner checks that the named key is a local key of the keyring.
func NewKeyringSigner(kr keyring.Keyring, name string) (*KeyringSigner, error) {
	rec, err := kr.Key(name)
	if err != nil {
		return nil, err
	}
	if rec.GetLocal() == nil {
		return nil, fmt.Errorf("key %q is not a local key: vouchers and settlements need a key this keyring can sign with", name)
	}
	addr, err := rec.GetAddress()
	if err != nil {
		return nil, err
	}
	return &KeyringSigner{Keyring: kr, Name: name, addr: addr}, nil
}

// Address implements DigestSigner.
func (s *KeyringSigner) Address() []byte { return s.addr }

// SignDigest implements DigestSigner.
func (s *KeyringSigner) SignDigest(digest []byte) ([]byte, error) {
	sig, _, err := s.Keyring.Sign(s.Name, digest, signingtypes.SignMode_SIGN_MODE_DIRECT)
	return sig, err
}

// signDigest signs a digest and checks that the signature recovers to the
// signer: a key of another type (a plain secp256k1 Cosmos key hashes its
// input and signs 64 bytes) is refused here rather than on chain.
func signDigest(s DigestSigner, digest eip712.Word) ([]byte, error) {
	sig, err := s.SignDigest(digest[:])
	if err != nil {
		return nil, err
	}
	signer, err := eip712.RecoverAddress(digest, sig)
	if err != nil || !bytes.Equal(signer, s.Address()) {
		return nil, fmt.Errorf("the key did not produce an Ethereum signature of the digest: use an eth_secp256k1 key")
	}
	return sig, nil
}

// SignVoucher signs a voucher with the user's key.
func SignVoucher(s DigestSigner, v types.Voucher, evmChainID uint64) ([]byte, error) {
	if !bytes.Equal(s.Address(), v.User) {
		return nil, fmt.Errorf("the key's address %X is not the voucher's user %X", s.Address(), v.User)
	}
	digest, err := v.Digest(evmChainID)
	if err != nil {
		return nil, err
	}
	return signDigest(s, digest)
}

// SignSettlement signs the x/agentstake Settlement of a voucher in a batch
// with the serving node's key: the node_signature of a SignedVoucher.
func SignSettlement(s DigestSigner, v types.Voucher, receiptsRoot []byte, evmChainID uint64) ([]byte, error) {
	if !bytes.Equal(s.Address(), v.ServingNode) {
		return nil, fmt.Errorf("the key's address %X is not the serving node %X", s.Address(), v.ServingNode)
	}
	digest, err := v.Settlement(receiptsRoot).Digest(evmChainID)
	if err != nil {
		return nil, err
	}
	return signDigest(s, digest)
}

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

// UsageJSON is one usage entry of a batch file.
type UsageJSON struct {
	ModelID        uint64 `json:"model_id"`
	Amount         string `json:"amount"`
	InferenceCount uint64 `json:"inference_count"`
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

// ReadBatchFile reads a batch file; unknown fields are refused, so that a
// misspelt field is not silently dropped.
func ReadBatchFile(path string) (BatchFile, error) {
	var b BatchFile
	bz, err := os.ReadFile(path)
	if err != nil {
		return b, err
	}
	dec := json.NewDecoder(bytes.NewReader(bz))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return b, fmt.Errorf("reading batch %s: %w", path, err)
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
func BuildSettleBatch(ac address.Codec, b BatchFile, node DigestSigner, evmChainID uint64) (*types.MsgSettleBatch, error) {
	nodeStr, err := ac.BytesToString(node.Address())
	if err != nil {
		return nil, err
	}
	root, err := decodeHex(b.ReceiptsRoot)
	if err != nil || len(root) != types.ReceiptsRootSize {
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
		v := types.Voucher{User: user, ServingNode: node.Address(), CumulativeAmount: amount, Nonce: vj.Nonce, Expiry: vj.Expiry}
		if err := v.VerifySignature(evmChainID, userSig); err != nil {
			return nil, fmt.Errorf("vouchers[%d]: user signature (EVM chain id %d): %w", i, evmChainID, err)
		}
		nodeSig, err := SignSettlement(node, v, root, evmChainID)
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
		msg.Usage = append(msg.Usage, types.ModelUsage{ModelId: u.ModelID, Amount: amount, InferenceCount: u.InferenceCount})
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
