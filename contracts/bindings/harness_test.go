package bindings_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/contracts/bindings"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
)

// The simulated backend's chain id: x/bridge's l1_chain_id in these tests.
const simulatedChainID = 1337

// testWindow is the challenge window the tests deploy with.
const testWindow = time.Hour

var (
	totalSupply   = new(big.Int).Exp(big.NewInt(10), big.NewInt(27), nil)
	oneOpen       = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	bridgeABI     = bindings.NewOpenLedgerBridge()
	tokenABI      = bindings.NewOpenToken()
	parsedBridge  = mustParse(bindings.OpenLedgerBridgeMetaData.ParseABI())
	defaultBridge = crypto.Keccak256Hash([]byte("OpenLedger OPEN bridge v1"))
)

func mustParse(a *abi.ABI, err error) *abi.ABI {
	if err != nil {
		panic(err)
	}
	return a
}

// validator is a signer: its Ethereum key and power.
type validator struct {
	key   *ecdsa.PrivateKey
	addr  common.Address
	power uint64
}

// valset is a set in x/bridge's order (ascending key address).
type valset []validator

func newValset(t *testing.T, powers ...uint64) valset {
	t.Helper()
	set := make(valset, len(powers))
	for i, p := range powers {
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		set[i] = validator{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), power: p}
	}
	sort.Slice(set, func(i, j int) bool { return bytes.Compare(set[i].addr[:], set[j].addr[:]) < 0 })
	return set
}

func (s valset) members() []bridgetypes.ValsetMember {
	m := make([]bridgetypes.ValsetMember, len(s))
	for i, v := range s {
		m[i] = bridgetypes.ValsetMember{EthAddress: v.addr.Hex(), Power: v.power}
	}
	return m
}

// hash is the chain's valset hash of s (x/bridge/types.ValsetHash).
func (s valset) hash(t *testing.T) []byte {
	t.Helper()
	h, err := bridgetypes.ValsetHash(s.members())
	require.NoError(t, err)
	return h
}

func (s valset) abi() bindings.OpenLedgerBridgeValset {
	v := bindings.OpenLedgerBridgeValset{Signers: []common.Address{}, Powers: []*big.Int{}}
	for _, m := range s {
		v.Signers = append(v.Signers, m.addr)
		v.Powers = append(v.Powers, new(big.Int).SetUint64(m.power))
	}
	return v
}

// all is the index of every member, for a checkpoint signed by everyone.
func (s valset) all() []int {
	idx := make([]int, len(s))
	for i := range s {
		idx[i] = i
	}
	return idx
}

// account is a funded L1 account.
type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
	opts *bind.TransactOpts
}

// harness is an L1 (the simulated backend) with OpenToken and
// OpenLedgerBridge deployed, and the chain-side signing domain of that
// deployment.
type harness struct {
	t        *testing.T
	sim      *simulated.Backend
	client   simulated.Client
	deployer account // holds the whole OPEN supply at first
	guardian account
	relayer  account
	users    []account

	token      *bind.BoundContract
	tokenAddr  common.Address
	bridge     *bind.BoundContract
	bridgeAddr common.Address
	bridgeID   common.Hash
	initial    valset
}

func newAccount(t *testing.T) account {
	t.Helper()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	return account{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), opts: bind.NewKeyedTransactor(key, big.NewInt(simulatedChainID))}
}

// newHarness starts an L1 and deploys the token and a bridge whose first
// checkpoint is signed by initial.
func newHarness(t *testing.T, initial valset) *harness {
	t.Helper()
	h := &harness{t: t, deployer: newAccount(t), guardian: newAccount(t), relayer: newAccount(t), bridgeID: defaultBridge, initial: initial}
	for range 3 {
		h.users = append(h.users, newAccount(t))
	}
	eth := new(big.Int).Mul(big.NewInt(1000), oneOpen) // 1000 ether of gas money each
	alloc := ethtypes.GenesisAlloc{}
	for _, a := range append([]account{h.deployer, h.guardian, h.relayer}, h.users...) {
		alloc[a.addr] = ethtypes.Account{Balance: eth}
	}
	h.sim = simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { _ = h.sim.Close() })
	h.client = h.sim.Client()

	var tx *ethtypes.Transaction
	var err error
	h.tokenAddr, tx, err = bind.DeployContract(h.deployer.opts, common.FromHex(bindings.OpenTokenMetaData.Bin), h.client, tokenABI.PackConstructor(h.deployer.addr))
	require.NoError(t, err)
	h.mined(tx)
	h.token = tokenABI.Instance(h.client, h.tokenAddr)
	h.bridgeAddr, h.bridge = h.deployBridge(h.bridgeID, initial)
	// Give each user 1,000,000 OPEN and let the bridge pull it.
	for _, u := range h.users {
		h.mustTransact(h.token, h.deployer, tokenABI.PackTransfer(u.addr, new(big.Int).Mul(big.NewInt(1_000_000), oneOpen)))
		h.mustTransact(h.token, u, tokenABI.PackApprove(h.bridgeAddr, totalSupply))
	}
	return h
}

// deployBridge deploys another OpenLedgerBridge on the same token.
func (h *harness) deployBridge(bridgeID common.Hash, initial valset) (common.Address, *bind.BoundContract) {
	h.t.Helper()
	v := initial.abi()
	addr, tx, err := bind.DeployContract(h.deployer.opts, common.FromHex(bindings.OpenLedgerBridgeMetaData.Bin), h.client,
		bridgeABI.PackConstructor(h.tokenAddr, bridgeID, big.NewInt(int64(testWindow/time.Second)), h.guardian.addr, v.Signers, v.Powers))
	require.NoError(h.t, err)
	h.mined(tx)
	return addr, bridgeABI.Instance(h.client, addr)
}

// domain is x/bridge's signing domain for this deployment: the params
// l1_chain_id, bridge_contract and bridge_id it would be configured with.
func (h *harness) domain() bridgetypes.Domain {
	return bridgetypes.Domain{ChainID: simulatedChainID, Contract: h.bridgeAddr, Salt: h.bridgeID}
}

// mined commits a block and returns tx's receipt, which must be a success.
func (h *harness) mined(tx *ethtypes.Transaction) *ethtypes.Receipt {
	h.t.Helper()
	h.sim.Commit()
	receipt, err := bind.WaitMined(context.Background(), h.client, tx.Hash())
	require.NoError(h.t, err)
	require.Equal(h.t, ethtypes.ReceiptStatusSuccessful, receipt.Status, "transaction reverted")
	return receipt
}

// transact sends data to c from a and mines it; a call that would revert
// returns the revert (gas estimation runs it first).
func (h *harness) transact(c *bind.BoundContract, from account, data []byte) (*ethtypes.Receipt, error) {
	h.t.Helper()
	tx, err := bind.Transact(c, from.opts, data)
	if err != nil {
		return nil, err
	}
	return h.mined(tx), nil
}

func (h *harness) mustTransact(c *bind.BoundContract, from account, data []byte) *ethtypes.Receipt {
	h.t.Helper()
	receipt, err := h.transact(c, from, data)
	require.NoError(h.t, err)
	return receipt
}

// requireRevert checks that err is the contract's custom error name.
func requireRevert(t *testing.T, err error, name string) {
	t.Helper()
	require.Error(t, err, "expected revert %s", name)
	var dataErr rpc.DataError
	require.ErrorAs(t, err, &dataErr, "not a revert: %v", err)
	hexData, _ := dataErr.ErrorData().(string)
	raw := common.FromHex(hexData)
	require.GreaterOrEqual(t, len(raw), 4, "revert without data: %v", err)
	for errName, e := range parsedBridge.Errors {
		if bytes.Equal(raw[:4], e.ID[:4]) {
			require.Equal(t, name, errName, "reverted with %s", errName)
			return
		}
	}
	t.Fatalf("revert %x is none of the bridge's errors", raw)
}

// advance seals an empty block d after the head. The pool drops the last
// block's transactions asynchronously, and AdjustTime refuses while it
// still lists any, so it is retried for a moment.
func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	var err error
	for range 200 {
		if err = h.sim.AdjustTime(d); err == nil {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	require.NoError(h.t, err)
}

// header is a checkpoint as x/bridge makes it: signed by signer, naming
// next, committing to root.
func (h *harness) header(nonce uint64, root []byte, signer, next valset, lastDeposit uint64) bridgetypes.CheckpointHeader {
	h.t.Helper()
	if root == nil {
		root = make([]byte, 32)
	}
	return bridgetypes.CheckpointHeader{
		Nonce:            nonce,
		Height:           int64(720 * nonce),
		WithdrawalRoot:   root,
		SignerValsetHash: signer.hash(h.t),
		NextValsetHash:   next.hash(h.t),
		LastDepositNonce: lastDeposit,
		AppHash:          crypto.Keccak256([]byte(fmt.Sprintf("app hash at %d", nonce))),
	}
}

func toABI(hdr bridgetypes.CheckpointHeader) bindings.BridgeHashingCheckpoint {
	return bindings.BridgeHashingCheckpoint{
		Nonce:            hdr.Nonce,
		Height:           uint64(hdr.Height),
		WithdrawalRoot:   common.BytesToHash(hdr.WithdrawalRoot),
		SignerValsetHash: common.BytesToHash(hdr.SignerValsetHash),
		NextValsetHash:   common.BytesToHash(hdr.NextValsetHash),
		LastDepositNonce: hdr.LastDepositNonce,
		AppHash:          common.BytesToHash(hdr.AppHash),
	}
}

// signWith signs hdr under domain by the members of set at indexes, as a
// validator does: the chain's CheckpointDigest, 65 bytes with v 0/1 (which
// MsgSubmitCheckpointSignature accepts), then v moved to 27/28 for L1.
func signWith(t *testing.T, domain bridgetypes.Domain, hdr bridgetypes.CheckpointHeader, set valset, indexes []int) []bindings.OpenLedgerBridgeSignature {
	t.Helper()
	digest, err := domain.CheckpointDigest(hdr)
	require.NoError(t, err)
	sigs := make([]bindings.OpenLedgerBridgeSignature, 0, len(indexes))
	for _, i := range indexes {
		sig, err := crypto.Sign(digest[:], set[i].key)
		require.NoError(t, err)
		// The chain would store this signature: it recovers the member's key.
		recovered, err := bridgetypes.RecoverSigner(digest, sig)
		require.NoError(t, err)
		require.Equal(t, set[i].addr, recovered)
		sigs = append(sigs, bindings.OpenLedgerBridgeSignature{
			SignerIndex: big.NewInt(int64(i)), V: sig[64] + 27,
			R: common.BytesToHash(sig[:32]), S: common.BytesToHash(sig[32:64]),
		})
	}
	return sigs
}

func (h *harness) sign(hdr bridgetypes.CheckpointHeader, set valset, indexes []int) []bindings.OpenLedgerBridgeSignature {
	h.t.Helper()
	return signWith(h.t, h.domain(), hdr, set, indexes)
}

func (h *harness) submit(hdr bridgetypes.CheckpointHeader, signer, next valset, sigs []bindings.OpenLedgerBridgeSignature) (*ethtypes.Receipt, error) {
	h.t.Helper()
	return h.transact(h.bridge, h.relayer, bridgeABI.PackSubmitCheckpoint(toABI(hdr), signer.abi(), next.abi(), sigs))
}

// submitSignedByAll submits hdr signed by every member of signer.
func (h *harness) submitSignedByAll(hdr bridgetypes.CheckpointHeader, signer, next valset) *ethtypes.Receipt {
	h.t.Helper()
	receipt, err := h.submit(hdr, signer, next, h.sign(hdr, signer, signer.all()))
	require.NoError(h.t, err)
	return receipt
}

// withdrawal is one leaf of a checkpoint's tree.
type withdrawal struct {
	nonce     uint64
	recipient common.Address
	amount    *big.Int
}

// tree is the chain's withdrawal tree of ws (x/bridge/types): its root and
// each leaf's proof.
func tree(t *testing.T, ws []withdrawal) (root []byte, proofs [][][32]byte) {
	t.Helper()
	leaves := make([][]byte, len(ws))
	for i, w := range ws {
		leaf, err := bridgetypes.WithdrawalLeaf(w.nonce, w.recipient, math.NewIntFromBigInt(w.amount))
		require.NoError(t, err)
		leaves[i] = leaf
	}
	for i := range ws {
		proof, err := bridgetypes.MerkleProof(leaves, i)
		require.NoError(t, err)
		words := make([][32]byte, len(proof))
		for j, p := range proof {
			words[j] = common.BytesToHash(p)
		}
		proofs = append(proofs, words)
	}
	return bridgetypes.MerkleRoot(leaves), proofs
}

func (h *harness) finalize(checkpoint uint64, w withdrawal, proof [][32]byte) (*ethtypes.Receipt, error) {
	h.t.Helper()
	return h.transact(h.bridge, h.relayer, bridgeABI.PackFinalizeWithdrawal(checkpoint, new(big.Int).SetUint64(w.nonce), w.recipient, w.amount, proof))
}

func (h *harness) deposit(from account, recipient [32]byte, amount *big.Int) (*ethtypes.Receipt, error) {
	h.t.Helper()
	return h.transact(h.bridge, from, bridgeABI.PackDeposit(recipient, amount))
}

// cosmosRecipient is a chain account's 20 bytes, right-aligned in 32.
func cosmosRecipient(b byte) [32]byte {
	var r [32]byte
	for i := 12; i < 32; i++ {
		r[i] = b
	}
	return r
}

func (h *harness) balance(addr common.Address) *big.Int {
	h.t.Helper()
	b, err := bind.Call(h.token, nil, tokenABI.PackBalanceOf(addr), tokenABI.UnpackBalanceOf)
	require.NoError(h.t, err)
	return b
}

func (h *harness) lastCheckpointNonce() uint64 {
	h.t.Helper()
	n, err := bind.Call(h.bridge, nil, bridgeABI.PackLastCheckpointNonce(), bridgeABI.UnpackLastCheckpointNonce)
	require.NoError(h.t, err)
	return n
}

func (h *harness) currentValsetHash() []byte {
	h.t.Helper()
	v, err := bind.Call(h.bridge, nil, bridgeABI.PackCurrentValsetHash(), bridgeABI.UnpackCurrentValsetHash)
	require.NoError(h.t, err)
	return v[:]
}

// depositEvents are the Deposit events of blocks [from, to] of the
// canonical chain.
func (h *harness) depositEvents(from, to uint64) []*bindings.OpenLedgerBridgeDeposit {
	h.t.Helper()
	logs, err := h.client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{h.bridgeAddr},
		Topics:    [][]common.Hash{{parsedBridge.Events[bindings.OpenLedgerBridgeDepositEventName].ID}},
	})
	require.NoError(h.t, err)
	out := make([]*bindings.OpenLedgerBridgeDeposit, 0, len(logs))
	for i := range logs {
		ev, err := bridgeABI.UnpackDepositEvent(&logs[i])
		require.NoError(h.t, err)
		out = append(out, ev)
	}
	return out
}
