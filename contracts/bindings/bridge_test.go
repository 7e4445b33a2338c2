package bindings_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/contracts/bindings"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
)

// The contract computes the chain's bytes: the domain separator, the
// checkpoint digest and the valset hash of x/bridge/types.
func TestContractHashesWhatTheChainSigns(t *testing.T) {
	set := newValset(t, 10, 20, 30, 40)
	h := newHarness(t, set)

	sep, err := bind.Call(h.bridge, nil, bridgeABI.PackDomainSeparator(), bridgeABI.UnpackDomainSeparator)
	require.NoError(t, err)
	want := h.domain().Separator()
	require.Equal(t, want[:], sep[:])

	hdr := h.header(1, crypto.Keccak256([]byte("root")), set, newValset(t, 5), 0)
	digest, err := bind.Call(h.bridge, nil, bridgeABI.PackCheckpointDigest(toABI(hdr)), bridgeABI.UnpackCheckpointDigest)
	require.NoError(t, err)
	chainDigest, err := h.domain().CheckpointDigest(hdr)
	require.NoError(t, err)
	require.Equal(t, chainDigest[:], digest[:])

	held, err := bind.Call(h.bridge, nil, bridgeABI.PackValsetHash(), bridgeABI.UnpackValsetHash)
	require.NoError(t, err)
	require.Equal(t, set.hash(t), held[:])
}

// Deposits are numbered 1, 2, 3, ... without a gap, whoever makes them, and
// each event carries sender, recipient and amount.
func TestDepositNoncesAreGapFree(t *testing.T) {
	h := newHarness(t, newValset(t, 1))
	for i := range 6 {
		u := h.users[i%len(h.users)]
		amount := new(big.Int).Mul(big.NewInt(int64(i+1)), oneOpen)
		_, err := h.deposit(u, cosmosRecipient(byte(i+1)), amount)
		require.NoError(t, err)
	}
	head, err := h.client.BlockNumber(t.Context())
	require.NoError(t, err)
	events := h.depositEvents(0, head)
	require.Len(t, events, 6)
	for i, ev := range events {
		require.Equal(t, uint64(i+1), ev.Nonce)
		require.Equal(t, h.users[i%len(h.users)].addr, ev.Sender)
		require.Equal(t, cosmosRecipient(byte(i+1)), ev.CosmosRecipient)
		require.Equal(t, new(big.Int).Mul(big.NewInt(int64(i+1)), oneOpen), ev.Amount)
	}
	last, err := bind.Call(h.bridge, nil, bridgeABI.PackLastDepositNonce(), bridgeABI.UnpackLastDepositNonce)
	require.NoError(t, err)
	require.Equal(t, uint64(6), last)

	// A recipient that is not 20 bytes right-aligned, or nothing, or no
	// amount, is refused: the chain could never credit it in its turn.
	var wide [32]byte
	wide[0] = 1
	_, err = h.deposit(h.users[0], wide, oneOpen)
	requireRevert(t, err, "InvalidRecipient")
	_, err = h.deposit(h.users[0], [32]byte{}, oneOpen)
	requireRevert(t, err, "InvalidRecipient")
	_, err = h.deposit(h.users[0], cosmosRecipient(1), big.NewInt(0))
	requireRevert(t, err, "ZeroArgument")
}

// Deposits lock OPEN, a checkpoint's withdrawals pay exactly their amounts
// after the window, and the supply is conserved throughout: the holders'
// balances plus the locked amount are 10^27.
func TestWithdrawalsPayExactlyAndSupplyIsConserved(t *testing.T) {
	set := newValset(t, 3, 3, 3, 1)
	h := newHarness(t, set)
	holders := []common.Address{h.deployer.addr, h.users[0].addr, h.users[1].addr, h.users[2].addr}
	conserved := func() {
		sum := new(big.Int).Set(h.balance(h.bridgeAddr))
		for _, a := range holders {
			sum.Add(sum, h.balance(a))
		}
		require.Zero(t, totalSupply.Cmp(sum), "balances + locked = %s", sum)
	}
	conserved()
	for _, u := range h.users {
		_, err := h.deposit(u, cosmosRecipient(7), new(big.Int).Mul(big.NewInt(1000), oneOpen))
		require.NoError(t, err)
	}
	conserved()
	require.Equal(t, new(big.Int).Mul(big.NewInt(3000), oneOpen), h.balance(h.bridgeAddr))

	ws := []withdrawal{
		{1, h.users[0].addr, new(big.Int).Mul(big.NewInt(250), oneOpen)},
		{2, h.users[1].addr, big.NewInt(1_000_000_000_000_000_001)},
		{3, h.users[2].addr, new(big.Int).Mul(big.NewInt(999), oneOpen)},
	}
	root, proofs := tree(t, ws)
	h.submitSignedByAll(h.header(1, root, set, set, 3), set, set)
	h.advance(testWindow)
	for i, w := range ws {
		before := h.balance(w.recipient)
		_, err := h.finalize(1, w, proofs[i])
		require.NoError(t, err)
		require.Equal(t, new(big.Int).Add(before, w.amount), h.balance(w.recipient))
		claimed, err := bind.Call(h.bridge, nil, bridgeABI.PackIsClaimed(new(big.Int).SetUint64(w.nonce)), bridgeABI.UnpackIsClaimed)
		require.NoError(t, err)
		require.True(t, claimed)
		conserved()
	}
	locked := new(big.Int).Mul(big.NewInt(3000), oneOpen)
	for _, w := range ws {
		locked.Sub(locked, w.amount)
	}
	require.Equal(t, locked, h.balance(h.bridgeAddr))

	// A proof of another amount or recipient does not verify.
	forged := withdrawal{1, h.users[1].addr, ws[0].amount}
	_, err := h.finalize(1, forged, proofs[0])
	requireRevert(t, err, "AlreadyClaimed") // nonce 1 is spent whoever claims it
	forged = withdrawal{4, h.users[0].addr, ws[0].amount}
	_, err = h.finalize(1, forged, proofs[0])
	requireRevert(t, err, "InvalidProof")
}

// Attack: the same checkpoint nonce again, or one skipped ahead.
func TestReplayedCheckpointNonceIsRefused(t *testing.T) {
	set := newValset(t, 1, 1, 1)
	h := newHarness(t, set)
	first := h.header(1, nil, set, set, 0)
	h.submitSignedByAll(first, set, set)
	_, err := h.submit(first, set, set, h.sign(first, set, set.all()))
	requireRevert(t, err, "UnexpectedNonce")
	skipped := h.header(3, nil, set, set, 0)
	_, err = h.submit(skipped, set, set, h.sign(skipped, set, set.all()))
	requireRevert(t, err, "UnexpectedNonce")
	h.submitSignedByAll(h.header(2, nil, set, set, 0), set, set)
	require.Equal(t, uint64(2), h.lastCheckpointNonce())
}

// Attack: a withdrawal paid twice.
func TestReplayedWithdrawalIsRefused(t *testing.T) {
	set := newValset(t, 1)
	h := newHarness(t, set)
	_, err := h.deposit(h.users[0], cosmosRecipient(1), new(big.Int).Mul(big.NewInt(10), oneOpen))
	require.NoError(t, err)
	ws := []withdrawal{{1, h.users[1].addr, oneOpen}, {2, h.users[1].addr, oneOpen}}
	root, proofs := tree(t, ws)
	h.submitSignedByAll(h.header(1, root, set, set, 1), set, set)
	h.advance(testWindow)
	_, err = h.finalize(1, ws[0], proofs[0])
	require.NoError(t, err)
	_, err = h.finalize(1, ws[0], proofs[0])
	requireRevert(t, err, "AlreadyClaimed")
	// The same leaf committed again by a later checkpoint is still spent.
	h.submitSignedByAll(h.header(2, root, set, set, 1), set, set)
	h.advance(testWindow)
	_, err = h.finalize(2, ws[0], proofs[0])
	requireRevert(t, err, "AlreadyClaimed")
	_, err = h.finalize(2, ws[1], proofs[1])
	require.NoError(t, err)
}

// Attack: signatures made for one deployment replayed on another, with the
// same signer set: another bridge id (salt) or another contract address.
func TestCheckpointReplayedOnAnotherDeploymentIsRefused(t *testing.T) {
	set := newValset(t, 1, 1, 1, 1)
	h := newHarness(t, set)
	hdr := h.header(1, crypto.Keccak256([]byte("root")), set, set, 0)
	sigs := h.sign(hdr, set, set.all())

	_, otherID := h.deployBridge(crypto.Keccak256Hash([]byte("another bridge")), set)
	_, err := h.transact(otherID, h.relayer, bridgeABI.PackSubmitCheckpoint(toABI(hdr), set.abi(), set.abi(), sigs))
	requireRevert(t, err, "InvalidSignature")

	_, sameID := h.deployBridge(h.bridgeID, set)
	_, err = h.transact(sameID, h.relayer, bridgeABI.PackSubmitCheckpoint(toABI(hdr), set.abi(), set.abi(), sigs))
	requireRevert(t, err, "InvalidSignature")

	// Where they were made for, they are accepted.
	_, err = h.submit(hdr, set, set, sigs)
	require.NoError(t, err)
}

// Attack: a signature by a key outside the set, a signature of another
// digest, a member counted twice, or out of order.
func TestForgedAndDuplicatedSignaturesAreRefused(t *testing.T) {
	set := newValset(t, 1, 1, 1, 1)
	h := newHarness(t, set)
	hdr := h.header(1, nil, set, set, 0)
	good := h.sign(hdr, set, set.all())

	outsider := newValset(t, 1)
	forged := append([]bindings.OpenLedgerBridgeSignature{}, good...)
	impostor := h.sign(hdr, outsider, []int{0})[0]
	impostor.SignerIndex = big.NewInt(2)
	forged[2] = impostor
	_, err := h.submit(hdr, set, set, forged)
	requireRevert(t, err, "InvalidSignature")

	other := h.header(1, crypto.Keccak256([]byte("other")), set, set, 0)
	wrongDigest := append([]bindings.OpenLedgerBridgeSignature{}, good...)
	wrongDigest[1] = h.sign(other, set, []int{1})[0]
	_, err = h.submit(hdr, set, set, wrongDigest)
	requireRevert(t, err, "InvalidSignature")

	// Three of four is enough power, but not when one of the three is
	// counted twice.
	duplicated := []bindings.OpenLedgerBridgeSignature{good[0], good[1], good[1]}
	_, err = h.submit(hdr, set, set, duplicated)
	requireRevert(t, err, "SignaturesNotAscending")
	descending := []bindings.OpenLedgerBridgeSignature{good[2], good[1], good[0]}
	_, err = h.submit(hdr, set, set, descending)
	requireRevert(t, err, "SignaturesNotAscending")
	outOfRange := []bindings.OpenLedgerBridgeSignature{good[0], good[1], good[2], good[3]}
	outOfRange[3].SignerIndex = big.NewInt(4)
	_, err = h.submit(hdr, set, set, outOfRange)
	requireRevert(t, err, "SignaturesNotAscending")

	_, err = h.submit(hdr, set, set, []bindings.OpenLedgerBridgeSignature{good[0], good[1], good[3]})
	require.NoError(t, err)
}

// secp256k1's group order: (r, n-s, v^1) is the malleated twin of (r, s, v).
var secp256k1N, _ = new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)

// Attack: the high-s twin of a valid signature, and v other than 27/28.
func TestHighSAndBadVSignaturesAreRefused(t *testing.T) {
	set := newValset(t, 1)
	h := newHarness(t, set)
	hdr := h.header(1, nil, set, set, 0)
	sig := h.sign(hdr, set, []int{0})[0]

	// ecrecover itself accepts the twin: only the low-s rule refuses it.
	digest, err := h.domain().CheckpointDigest(hdr)
	require.NoError(t, err)
	highS := sig
	highS.S = common.BigToHash(new(big.Int).Sub(secp256k1N, new(big.Int).SetBytes(sig.S[:])))
	highS.V = 27 + (1 - (sig.V - 27))
	raw := append(append(append([]byte{}, highS.R[:]...), highS.S[:]...), highS.V-27)
	pub, err := crypto.Ecrecover(digest[:], raw)
	require.NoError(t, err)
	require.Equal(t, set[0].addr, common.BytesToAddress(crypto.Keccak256(pub[1:])[12:]))
	_, err = h.submit(hdr, set, set, []bindings.OpenLedgerBridgeSignature{highS})
	requireRevert(t, err, "InvalidSignature")

	raw0 := sig
	raw0.V -= 27 // the chain's 0/1 form must be moved to 27/28 for L1
	_, err = h.submit(hdr, set, set, []bindings.OpenLedgerBridgeSignature{raw0})
	requireRevert(t, err, "InvalidSignature")

	_, err = h.submit(hdr, set, set, []bindings.OpenLedgerBridgeSignature{sig})
	require.NoError(t, err)
}

// Attack: signers of exactly 2/3 of the power. More than 2/3 is needed.
func TestExactlyTwoThirdsOfThePowerIsNotEnough(t *testing.T) {
	set := newValset(t, 2, 2, 1, 1) // total 6
	h := newHarness(t, set)
	hdr := h.header(1, nil, set, set, 0)
	var two, one []int
	for i, v := range set {
		if v.power == 2 {
			two = append(two, i)
		} else {
			one = append(one, i)
		}
	}
	exactly := []int{two[0], two[1]} // 4 of 6
	sortInts(exactly)
	_, err := h.submit(hdr, set, set, h.sign(hdr, set, exactly))
	requireRevert(t, err, "InsufficientPower")
	exactly = []int{two[0], one[0], one[1]} // 4 of 6 again
	sortInts(exactly)
	_, err = h.submit(hdr, set, set, h.sign(hdr, set, exactly))
	requireRevert(t, err, "InsufficientPower")
	more := []int{two[0], two[1], one[0]} // 5 of 6
	sortInts(more)
	_, err = h.submit(hdr, set, set, h.sign(hdr, set, more))
	require.NoError(t, err)
}

func sortInts(s []int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Attack: the set that rotated out signs the next checkpoint. And the new
// set cannot sign before its window passed.
func TestStaleSetAfterRotationIsRefused(t *testing.T) {
	old := newValset(t, 1, 1, 1)
	fresh := newValset(t, 1, 1, 1)
	h := newHarness(t, old)
	h.submitSignedByAll(h.header(1, nil, old, fresh, 0), old, fresh)

	second := h.header(2, nil, fresh, fresh, 0)
	_, err := h.submit(second, fresh, fresh, h.sign(second, fresh, fresh.all()))
	requireRevert(t, err, "ValsetNotYetEffective")
	require.Equal(t, old.hash(t), h.currentValsetHash())

	h.advance(testWindow)
	require.Equal(t, fresh.hash(t), h.currentValsetHash())
	// The old set signing a header that names itself as signer.
	staleHdr := h.header(2, nil, old, old, 0)
	_, err = h.submit(staleHdr, old, old, h.sign(staleHdr, old, old.all()))
	requireRevert(t, err, "SignerSetMismatch")
	// The old set's signatures on the true header, passed as the new set.
	oldSigs := h.sign(second, old, old.all())
	_, err = h.submit(second, fresh, fresh, oldSigs)
	requireRevert(t, err, "InvalidSignature")
	_, err = h.submit(second, old, fresh, oldSigs)
	requireRevert(t, err, "SignerSetMismatch")

	h.submitSignedByAll(second, fresh, fresh)
}

// L1 was offline while the chain rotated its set five times: the relayer
// submits the checkpoints in order, each set taking over after its window,
// and the withdrawals of the middle one pay.
func TestCatchingUpAfterFiveRotations(t *testing.T) {
	sets := []valset{newValset(t, 5, 5, 5)}
	for i := range 5 {
		sets = append(sets, newValset(t, uint64(i+1), 10, 10, 10))
	}
	h := newHarness(t, sets[0])
	_, err := h.deposit(h.users[0], cosmosRecipient(1), new(big.Int).Mul(big.NewInt(100), oneOpen))
	require.NoError(t, err)
	ws := []withdrawal{{1, h.users[2].addr, new(big.Int).Mul(big.NewInt(40), oneOpen)}}
	root, proofs := tree(t, ws)

	// Made by the chain while L1 was away, each signed by the set before.
	headers := make([]bridgetypes.CheckpointHeader, 5)
	for i := range headers {
		var r []byte
		if i == 2 {
			r = root
		}
		headers[i] = h.header(uint64(i+1), r, sets[i], sets[i+1], 1)
	}
	for i, hdr := range headers {
		h.submitSignedByAll(hdr, sets[i], sets[i+1])
		if i+1 < len(headers) {
			// The next one waits for this one's set.
			next := headers[i+1]
			_, err := h.submit(next, sets[i+1], sets[i+2], h.sign(next, sets[i+1], sets[i+1].all()))
			requireRevert(t, err, "ValsetNotYetEffective")
		}
		h.advance(testWindow)
	}
	require.Equal(t, uint64(5), h.lastCheckpointNonce())
	require.Equal(t, sets[5].hash(t), h.currentValsetHash())
	_, err = h.finalize(3, ws[0], proofs[0])
	require.NoError(t, err)
}

// A checkpoint without withdrawals has x/bridge's zero root: it is accepted
// (the nonces and the set rotation go on) but nothing is ever paid against
// it, not even the zero leaf with an empty proof that MerkleProof would
// accept (the Nomad failure).
func TestZeroRootPaysNothing(t *testing.T) {
	require.Equal(t, make([]byte, 32), bridgetypes.MerkleRoot(nil), "x/bridge's root of an empty checkpoint")
	set := newValset(t, 1)
	h := newHarness(t, set)
	_, err := h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	require.NoError(t, err)
	h.submitSignedByAll(h.header(1, nil, set, set, 0), set, set)
	h.advance(testWindow)
	_, err = h.finalize(1, withdrawal{1, h.users[1].addr, oneOpen}, nil)
	requireRevert(t, err, "NoWithdrawals")
	_, err = h.finalize(1, withdrawal{0, common.Address{}, big.NewInt(0)}, nil)
	requireRevert(t, err, "NoWithdrawals")
	_, err = h.finalize(2, withdrawal{1, h.users[1].addr, oneOpen}, nil)
	requireRevert(t, err, "CheckpointNotAccepted")
}

// Attack: a checkpoint handing the bridge to an empty set, or to a set
// without power, or naming a set other than the one passed.
func TestEmptyOrPowerlessNextSetIsRefused(t *testing.T) {
	set := newValset(t, 1, 1)
	h := newHarness(t, set)
	var empty valset
	hdr := h.header(1, nil, set, empty, 0)
	_, err := h.submit(hdr, set, empty, h.sign(hdr, set, set.all()))
	requireRevert(t, err, "InvalidValset")

	powerless := newValset(t, 0, 0)
	hdr = h.header(1, nil, set, powerless, 0)
	_, err = h.submit(hdr, set, powerless, h.sign(hdr, set, set.all()))
	requireRevert(t, err, "InvalidValset")

	hdr = h.header(1, nil, set, set, 0)
	_, err = h.submit(hdr, set, newValset(t, 1), h.sign(hdr, set, set.all()))
	requireRevert(t, err, "NextValsetMismatch")

	// Unsorted (so a key could appear twice): refused even if it hashes right.
	unsorted := valset{set[1], set[0]}
	hdr = h.header(1, nil, set, unsorted, 0)
	_, err = h.submit(hdr, set, unsorted, h.sign(hdr, set, set.all()))
	requireRevert(t, err, "InvalidValset")
}

// A checkpoint that claims deposits L1 never took was signed over forged
// deposits: refused.
func TestCheckpointCreditingUnmadeDepositsIsRefused(t *testing.T) {
	set := newValset(t, 1)
	h := newHarness(t, set)
	hdr := h.header(1, nil, set, set, 1)
	_, err := h.submit(hdr, set, set, h.sign(hdr, set, set.all()))
	requireRevert(t, err, "DepositsNotMade")
	_, err = h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	require.NoError(t, err)
	_, err = h.submit(hdr, set, set, h.sign(hdr, set, set.all()))
	require.NoError(t, err)
}

// Attack: finalising before the challenge window passed.
func TestFinalisingEarlyIsRefused(t *testing.T) {
	set := newValset(t, 1)
	h := newHarness(t, set)
	_, err := h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	require.NoError(t, err)
	ws := []withdrawal{{1, h.users[1].addr, oneOpen}}
	root, proofs := tree(t, ws)
	h.submitSignedByAll(h.header(1, root, set, set, 1), set, set)
	_, err = h.finalize(1, ws[0], proofs[0])
	requireRevert(t, err, "NotMatured")
	h.advance(testWindow - time.Minute)
	_, err = h.finalize(1, ws[0], proofs[0])
	requireRevert(t, err, "NotMatured")
	h.advance(time.Minute)
	_, err = h.finalize(1, ws[0], proofs[0])
	require.NoError(t, err)
}

// The guardian vetoes a checkpoint in its window: its root never pays, the
// set it named never takes over, it cannot be submitted again, and the
// nonce is open to another header. After the window no veto is possible.
func TestGuardianVeto(t *testing.T) {
	set := newValset(t, 1, 1, 1)
	captor := newValset(t, 1)
	h := newHarness(t, set)
	_, err := h.deposit(h.users[0], cosmosRecipient(1), new(big.Int).Mul(big.NewInt(10), oneOpen))
	require.NoError(t, err)
	theft := []withdrawal{{1, h.users[2].addr, new(big.Int).Mul(big.NewInt(10), oneOpen)}}
	root, proofs := tree(t, theft)
	bad := h.header(1, root, set, captor, 1)
	h.submitSignedByAll(bad, set, captor)

	_, err = h.transact(h.bridge, h.relayer, bridgeABI.PackVeto(1))
	requireRevert(t, err, "NotGuardian")
	h.mustTransact(h.bridge, h.guardian, bridgeABI.PackVeto(1))
	require.Equal(t, uint64(0), h.lastCheckpointNonce())
	h.advance(testWindow)
	require.Equal(t, set.hash(t), h.currentValsetHash())
	_, err = h.finalize(1, theft[0], proofs[0])
	requireRevert(t, err, "CheckpointNotAccepted")
	_, err = h.submit(bad, set, captor, h.sign(bad, set, set.all()))
	requireRevert(t, err, "DigestVetoed")

	good := h.header(1, nil, set, set, 1)
	h.submitSignedByAll(good, set, set)
	h.advance(testWindow)
	_, err = h.transact(h.bridge, h.guardian, bridgeABI.PackVeto(1))
	requireRevert(t, err, "ChallengeWindowOver")

	// Pausing stops deposits, checkpoints and withdrawals until unpaused.
	h.mustTransact(h.bridge, h.guardian, bridgeABI.PackSetPaused(true))
	_, err = h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	requireRevert(t, err, "BridgePaused")
	h.mustTransact(h.bridge, h.guardian, bridgeABI.PackSetPaused(false))
	_, err = h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	require.NoError(t, err)
}

// Vetoing a checkpoint voids the later ones signed on top of it.
func TestVetoVoidsLaterCheckpoints(t *testing.T) {
	set := newValset(t, 1)
	h := newHarness(t, set)
	for n := uint64(1); n <= 3; n++ {
		h.submitSignedByAll(h.header(n, nil, set, set, 0), set, set)
	}
	h.mustTransact(h.bridge, h.guardian, bridgeABI.PackVeto(2))
	require.Equal(t, uint64(1), h.lastCheckpointNonce())
	third := h.header(3, nil, set, set, 0)
	_, err := h.submit(third, set, set, h.sign(third, set, set.all()))
	requireRevert(t, err, "UnexpectedNonce")
}

// Anyone freezes the bridge with two different headers of one nonce, each
// signed by a quorum of the held set. A set L1 does not hold cannot.
func TestEquivocationFreezesTheBridge(t *testing.T) {
	set := newValset(t, 1, 1, 1)
	h := newHarness(t, set)
	first := h.header(1, crypto.Keccak256([]byte("one")), set, set, 0)
	second := h.header(1, crypto.Keccak256([]byte("two")), set, set, 0)
	firstSigs, secondSigs := h.sign(first, set, set.all()), h.sign(second, set, set.all())
	reporter := h.users[2]

	_, err := h.transact(h.bridge, reporter, bridgeABI.PackFreezeOnEquivocation(toABI(first), toABI(first), set.abi(), firstSigs, firstSigs))
	requireRevert(t, err, "NotConflicting")
	outsiders := newValset(t, 1)
	o1, o2 := h.header(1, nil, outsiders, outsiders, 0), h.header(1, crypto.Keccak256([]byte("x")), outsiders, outsiders, 0)
	_, err = h.transact(h.bridge, reporter, bridgeABI.PackFreezeOnEquivocation(toABI(o1), toABI(o2), outsiders.abi(),
		h.sign(o1, outsiders, []int{0}), h.sign(o2, outsiders, []int{0})))
	requireRevert(t, err, "UntrustedSignerSet")
	_, err = h.transact(h.bridge, reporter, bridgeABI.PackFreezeOnEquivocation(toABI(first), toABI(second), set.abi(), firstSigs, secondSigs[:1]))
	requireRevert(t, err, "InsufficientPower")

	h.mustTransact(h.bridge, reporter, bridgeABI.PackFreezeOnEquivocation(toABI(first), toABI(second), set.abi(), firstSigs, secondSigs))
	frozen, err := bind.Call(h.bridge, nil, bridgeABI.PackFrozen(), bridgeABI.UnpackFrozen)
	require.NoError(t, err)
	require.True(t, frozen)
	_, err = h.submit(first, set, set, firstSigs)
	requireRevert(t, err, "BridgeFrozen")
	_, err = h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	requireRevert(t, err, "BridgeFrozen")
	_, err = h.transact(h.bridge, h.guardian, bridgeABI.PackSetPaused(false))
	require.NoError(t, err, "pausing is no way out of a freeze")
	_, err = h.deposit(h.users[0], cosmosRecipient(1), oneOpen)
	requireRevert(t, err, "BridgeFrozen")
}
