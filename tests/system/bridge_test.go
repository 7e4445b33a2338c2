package system_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	bridgetypes "github.com/openledger/openledger/x/bridge/types"
)

// TestBridgeWithdrawalCheckpointAndProof runs the chain side of a withdrawal
// to Ethereum on the real binary: governance names the L1 bridge contract,
// the validator registers an Ethereum key it holds (the test holds it too),
// a user withdraws OPEN into escrow, EndBlock commits the withdrawal to a
// checkpoint, the validator signs the checkpoint's EIP-712 digest with that
// key, and the proof query answers what OpenZeppelin's MerkleProof.verify
// accepts against the checkpoint's root. The supply does not change.
func TestBridgeWithdrawalCheckpointAndProof(t *testing.T) {
	user, l1Recipient := "dev2", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
	ethKey, err := crypto.ToECDSA(bytes.Repeat([]byte{0x5a}, 32))
	require.NoError(t, err)
	ethAddress := crypto.PubkeyToAddress(ethKey.PublicKey)

	// Governance names the deployed L1 contract and a short interval.
	var current struct {
		Params map[string]any `json:"params"`
	}
	queryJSON(t, &current, "query", "bridge", "params")
	params := current.Params
	params["bridge_contract"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
	params["checkpoint_interval"] = "5"
	update, err := json.Marshal(map[string]any{
		"@type": "/openledger.bridge.v1.MsgUpdateParams", "authority": moduleAddress(t, "gov"), "params": params,
	})
	require.NoError(t, err)
	passProposal(t, "dev0", "Name the Ethereum bridge contract", update)
	domain := bridgeDomain(t)

	// The validator proves possession of its key and registers it.
	_, validatorAcc, err := bech32.DecodeAndConvert(localnet.address(t, "validator"))
	require.NoError(t, err)
	valoper, err := bech32.ConvertAndEncode("openvaloper", validatorAcc)
	require.NoError(t, err)
	registration, err := domain.RegistrationDigest(validatorAcc, chainID)
	require.NoError(t, err)
	moduleTx(t, "validator", "bridge", "register-eth-key", ethAddress.Hex(), ethSign(t, ethKey, registration))
	var signer struct {
		Signer struct {
			EthAddress string `json:"eth_address"`
		} `json:"signer"`
	}
	queryJSON(t, &signer, "query", "bridge", "eth-signer", valoper)
	require.Equal(t, ethAddress.Hex(), signer.Signer.EthAddress)

	// A withdrawal is escrowed.
	supply, before := totalSupply(t), bridgeStatus(t)
	amount := openAmount(5)
	moduleTx(t, user, "bridge", "withdraw", l1Recipient, amount.String())
	nonce := before.NextWithdrawalNonce
	after := bridgeStatus(t)
	require.Equal(t, before.Escrow.Add(amount).String(), after.Escrow.String())
	require.Equal(t, before.PendingWithdrawals.Add(amount).String(), after.PendingWithdrawals.String())

	// EndBlock commits it to a checkpoint within checkpoint_interval blocks.
	var proof proofView
	waitFor(t, 60*time.Second, "the withdrawal's checkpoint", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := localnet.run(ctx, "query", "bridge", "withdrawal-proof", strconv.FormatUint(nonce, 10), "--output", "json")
		return err == nil
	})
	queryJSON(t, &proof, "query", "bridge", "withdrawal-proof", strconv.FormatUint(nonce, 10))
	leaf, err := bridgetypes.WithdrawalLeaf(nonce, common.HexToAddress(l1Recipient), amount)
	require.NoError(t, err)
	require.Equal(t, leaf, []byte(proof.Leaf))
	require.Equal(t, proof.Checkpoint.WithdrawalRoot, proof.Root)
	require.Equal(t, []byte(proof.Root), merkleProofProcess(proof.Proof, proof.Leaf), "MerkleProof.verify(proof, root, leaf)")

	// The validator signs the checkpoint's digest with its Ethereum key.
	cpNonce := proof.Checkpoint.Nonce
	cp := checkpointOf(t, cpNonce)
	digest, err := domain.CheckpointDigest(cp.header())
	require.NoError(t, err)
	require.Equal(t, digest[:], []byte(cp.Digest), "the chain's digest is the one computed from the header")
	moduleTx(t, "validator", "bridge", "submit-checkpoint-signature", cpNonce, ethSign(t, ethKey, digest))
	cp = checkpointOf(t, cpNonce)
	require.Len(t, cp.Signatures, 1)
	require.Equal(t, cp.SignerPower, cp.SignedPower, "the only validator signed")
	pub, err := crypto.SigToPub(digest[:], normalizeV(cp.Signatures[0].Signature))
	require.NoError(t, err)
	require.Equal(t, ethAddress, crypto.PubkeyToAddress(*pub))

	require.Equal(t, supply.String(), totalSupply(t).String(), "the bridge locks; it neither mints nor burns")
}

// ethSign signs a digest with an Ethereum key and returns r ‖ s ‖ v (v 27
// or 28) in hex, as the CLI takes it.
func ethSign(t *testing.T, key *ecdsa.PrivateKey, digest [32]byte) string {
	t.Helper()
	sig, err := crypto.Sign(digest[:], key)
	require.NoError(t, err)
	sig[64] += 27
	return hex.EncodeToString(sig)
}

func normalizeV(sig []byte) []byte {
	out := bytes.Clone(sig)
	if out[64] >= 27 {
		out[64] -= 27
	}
	return out
}

// merkleProofProcess is OpenZeppelin's MerkleProof.processProof.
func merkleProofProcess(proof []b64, leaf []byte) []byte {
	h := leaf
	for _, s := range proof {
		if bytes.Compare(h, s) < 0 {
			h = crypto.Keccak256(h, s)
		} else {
			h = crypto.Keccak256(s, h)
		}
	}
	return h
}

func bridgeDomain(t *testing.T) bridgetypes.Domain {
	t.Helper()
	var res struct {
		Params struct {
			L1ChainID      string `json:"l1_chain_id"`
			BridgeContract string `json:"bridge_contract"`
			BridgeID       string `json:"bridge_id"`
		} `json:"params"`
	}
	queryJSON(t, &res, "query", "bridge", "params")
	chain, err := strconv.ParseUint(res.Params.L1ChainID, 10, 64)
	require.NoError(t, err)
	return bridgetypes.Domain{
		ChainID: chain, Contract: common.HexToAddress(res.Params.BridgeContract), Salt: common.HexToHash(res.Params.BridgeID),
	}
}

type bridgeStatusView struct {
	Escrow, PendingWithdrawals math.Int
	NextWithdrawalNonce        uint64
}

func bridgeStatus(t *testing.T) bridgeStatusView {
	t.Helper()
	var res struct {
		Escrow              string `json:"escrow"`
		PendingWithdrawals  string `json:"pending_withdrawals"`
		NextWithdrawalNonce string `json:"next_withdrawal_nonce"`
	}
	queryJSON(t, &res, "query", "bridge", "status")
	next, err := strconv.ParseUint(res.NextWithdrawalNonce, 10, 64)
	require.NoError(t, err)
	return bridgeStatusView{Escrow: mustInt(t, orZero(res.Escrow)), PendingWithdrawals: mustInt(t, orZero(res.PendingWithdrawals)), NextWithdrawalNonce: next}
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// b64 is a JSON bytes field (base64).
type b64 []byte

func (b *b64) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	v, err := base64.StdEncoding.DecodeString(s)
	*b = v
	return err
}

type headerView struct {
	Nonce            string `json:"nonce"`
	Height           string `json:"height"`
	WithdrawalRoot   b64    `json:"withdrawal_root"`
	SignerValsetHash b64    `json:"signer_valset_hash"`
	NextValsetHash   b64    `json:"next_valset_hash"`
	LastDepositNonce string `json:"last_deposit_nonce"`
	AppHash          b64    `json:"app_hash"`
}

type proofView struct {
	Leaf       b64        `json:"leaf"`
	Proof      []b64      `json:"proof"`
	Root       b64        `json:"root"`
	Checkpoint headerView `json:"checkpoint"`
}

type checkpointView struct {
	Checkpoint struct {
		Header headerView `json:"header"`
	} `json:"checkpoint"`
	Digest     b64 `json:"digest"`
	Signatures []struct {
		Signature b64 `json:"signature"`
	} `json:"signatures"`
	SignedPower string `json:"signed_power"`
	SignerPower string `json:"signer_power"`
}

func (c checkpointView) header() bridgetypes.CheckpointHeader {
	h := c.Checkpoint.Header
	u := func(s string) uint64 { v, _ := strconv.ParseUint(orZero(s), 10, 64); return v }
	return bridgetypes.CheckpointHeader{
		Nonce: u(h.Nonce), Height: int64(u(h.Height)), WithdrawalRoot: h.WithdrawalRoot, SignerValsetHash: h.SignerValsetHash,
		NextValsetHash: h.NextValsetHash, LastDepositNonce: u(h.LastDepositNonce), AppHash: h.AppHash,
	}
}

func checkpointOf(t *testing.T, nonce string) checkpointView {
	t.Helper()
	var cp checkpointView
	queryJSON(t, &cp, "query", "bridge", "checkpoint", nonce)
	return cp
}
