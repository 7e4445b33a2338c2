package types_test

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/testutil/jsclient"
	"github.com/openledger/openledger/x/bridge/types"
)

// processProof is OpenZeppelin's MerkleProof.processProof: fold the proof
// into the leaf with commutative keccak256 (Hashes.commutativeKeccak256).
// It is written here apart from the module's tree.
func processProof(proof [][]byte, leaf []byte) []byte {
	computed := leaf
	for _, sibling := range proof {
		if bytes.Compare(computed, sibling) < 0 {
			computed = crypto.Keccak256(computed, sibling)
		} else {
			computed = crypto.Keccak256(sibling, computed)
		}
	}
	return computed
}

// TestStandardMerkleTreeVector checks the leaf and root layout against the
// example of OpenZeppelin's @openzeppelin/merkle-tree README:
// StandardMerkleTree.of([["0x1111…", "5000000000000000000"], ["0x2222…",
// "2500000000000000000"]], ["address", "uint256"]).root.
func TestStandardMerkleTreeVector(t *testing.T) {
	addressT, _ := abi.NewType("address", "", nil)
	uintT, _ := abi.NewType("uint256", "", nil)
	args := abi.Arguments{{Type: addressT}, {Type: uintT}}
	values := []struct {
		addr   string
		amount string
	}{
		{"0x1111111111111111111111111111111111111111", "5000000000000000000"},
		{"0x2222222222222222222222222222222222222222", "2500000000000000000"},
	}
	var leaves [][]byte
	for _, v := range values {
		amount, _ := new(big.Int).SetString(v.amount, 10)
		leaf, err := types.StandardLeaf(args, common.HexToAddress(v.addr), amount)
		require.NoError(t, err)
		leaves = append(leaves, leaf)
	}
	root := types.MerkleRoot(leaves)
	require.Equal(t, "d4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77", hex.EncodeToString(root))
	for i := range leaves {
		proof, err := types.MerkleProof(leaves, i)
		require.NoError(t, err)
		require.Equal(t, root, processProof(proof, leaves[i]))
	}
}

// TestMerkleProofs checks every leaf's proof of trees of 1 to 33 leaves the
// way MerkleProof.verify does, and that a proof does not verify another
// leaf or a changed root.
func TestMerkleProofs(t *testing.T) {
	require.Equal(t, make([]byte, 32), types.MerkleRoot(nil), "no withdrawal: the zero root")
	for n := 1; n <= 33; n++ {
		var leaves [][]byte
		for i := range n {
			leaf, err := types.WithdrawalLeaf(uint64(i+1), common.BigToAddress(big.NewInt(int64(1000+i))), math.NewInt(int64(i+1)))
			require.NoError(t, err)
			leaves = append(leaves, leaf)
		}
		root := types.MerkleRoot(leaves)
		for i := range leaves {
			proof, err := types.MerkleProof(leaves, i)
			require.NoError(t, err)
			require.Equal(t, root, processProof(proof, leaves[i]), "tree of %d, leaf %d", n, i)
			require.LessOrEqual(t, len(proof), 6)
			other := leaves[(i+1)%n]
			if n > 1 {
				require.NotEqual(t, root, processProof(proof, other), "tree of %d: leaf %d's proof verifies another", n, i)
			}
		}
	}
	_, err := types.MerkleProof([][]byte{{1}}, 1)
	require.Error(t, err)
}

// TestHashingMatchesEthers checks the checkpoint and registration digests,
// the validator set hash and the withdrawal leaves against ethers.js 6
// (TypedDataEncoder, AbiCoder), an implementation independent of the
// module's encoder and of go-ethereum.
func TestHashingMatchesEthers(t *testing.T) {
	d := types.Domain{
		ChainID:  11155111,
		Contract: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		Salt:     common.HexToHash(types.DefaultBridgeID),
	}
	set := []types.ValsetMember{
		{EthAddress: "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A", Power: 40},
		{EthAddress: "0x1563915e194D8CfBA1943570603F7606A3115508", Power: 1 << 40},
	}
	valsetHash, err := types.ValsetHash(set)
	require.NoError(t, err)
	h := types.CheckpointHeader{
		Nonce: 7, Height: 123456, WithdrawalRoot: bytes.Repeat([]byte{0x01}, 32), SignerValsetHash: valsetHash,
		NextValsetHash: bytes.Repeat([]byte{0x03}, 32), LastDepositNonce: 42, AppHash: bytes.Repeat([]byte{0xfe}, 32),
	}
	checkpointDigest, err := d.CheckpointDigest(h)
	require.NoError(t, err)
	validator := common.HexToAddress("0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199")
	registrationDigest, err := d.RegistrationDigest(validator.Bytes(), "openledger-1")
	require.NoError(t, err)
	amount, _ := math.NewIntFromString("123456789012345678901234567")
	leaf, err := types.WithdrawalLeaf(9, common.HexToAddress(set[0].EthAddress), amount)
	require.NoError(t, err)

	var resp struct {
		CheckpointDigest   string   `json:"checkpointDigest"`
		RegistrationDigest string   `json:"registrationDigest"`
		ValsetHash         string   `json:"valsetHash"`
		Leaves             []string `json:"leaves"`
	}
	jsclient.Bridge(t, map[string]any{
		"domain": map[string]any{"chainId": d.ChainID, "verifyingContract": d.Contract.Hex(), "salt": d.Salt.Hex()},
		"checkpoint": map[string]any{
			"nonce": h.Nonce, "height": h.Height, "withdrawalRoot": hexutil.Encode(h.WithdrawalRoot),
			"signerValsetHash": hexutil.Encode(h.SignerValsetHash), "nextValsetHash": hexutil.Encode(h.NextValsetHash),
			"lastDepositNonce": h.LastDepositNonce, "appHash": hexutil.Encode(h.AppHash),
		},
		"registration": map[string]any{"validator": validator.Hex(), "cosmosChainId": "openledger-1"},
		"valset": map[string]any{
			"signers": []string{set[0].EthAddress, set[1].EthAddress},
			"powers":  []string{fmt.Sprint(set[0].Power), fmt.Sprint(set[1].Power)},
		},
		"withdrawals": []map[string]any{{"nonce": 9, "recipient": set[0].EthAddress, "amount": amount.String()}},
	}, &resp)
	require.Equal(t, hexutil.Encode(checkpointDigest[:]), resp.CheckpointDigest)
	require.Equal(t, hexutil.Encode(registrationDigest[:]), resp.RegistrationDigest)
	require.Equal(t, hexutil.Encode(valsetHash), resp.ValsetHash)
	require.Equal(t, []string{hexutil.Encode(leaf)}, resp.Leaves)
}

func TestParseEthAddress(t *testing.T) {
	for _, ok := range []string{
		"0x5FbDB2315678afecb367f032d93F642f64180aa3", "0x5fbdb2315678afecb367f032d93f642f64180aa3", "0x5FBDB2315678AFECB367F032D93F642F64180AA3",
	} {
		_, err := types.ParseEthAddress("a", ok)
		require.NoError(t, err, ok)
	}
	for _, bad := range []string{"", "5FbDB2315678afecb367f032d93F642f64180aa3", "0x5FbDB2315678afecb367f032d93F642f64180aA3", "0x5FbD", "0xzzbDB2315678afecb367f032d93F642f64180aa3"} {
		_, err := types.ParseEthAddress("a", bad)
		require.ErrorIs(t, err, types.ErrInvalidEthAddress, bad)
	}
}
