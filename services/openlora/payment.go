package openlora

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

// VoucherHeader carries the user's newest voucher on every paid request,
// as JSON:
//
//	{"user": "0x… or open1…", "cumulative_amount": "…", "nonce": 3,
//	 "expiry": 1767225600, "signature": "0x…"}
//
// signature is the user's EIP-712 signature (eth_signTypedData_v4) of the
// x/inferencefees Voucher to this node on this chain. The amount is
// cumulative over the channel and must equal exactly what the channel owes
// for the answers served before this request: the cumulative_due of the
// user's last receipt (0 on a new channel). The answer's own cost is paid by
// the next voucher.
const VoucherHeader = "OpenLedger-Voucher"

// VoucherJSON is the header's content. The output of `openledgerd tx
// inferencefees sign-voucher` is accepted as it is: its signature is in
// user_signature, and the serving node and EVM chain id it names must be
// this node's.
type VoucherJSON struct {
	User             string `json:"user"`
	CumulativeAmount string `json:"cumulative_amount"`
	Nonce            uint64 `json:"nonce"`
	Expiry           uint64 `json:"expiry"`
	Signature        string `json:"signature,omitempty"`
	UserSignature    string `json:"user_signature,omitempty"`
	ServingNode      string `json:"serving_node,omitempty"`
	EVMChainID       uint64 `json:"evm_chain_id,omitempty"`
}

// Payments checks vouchers against the chain and the node's own account of
// each channel, and reserves each request's largest possible cost against
// the user's credit until its receipt is written.
type Payments struct {
	Chain      *Chain
	Store      *Store
	Node       sdk.AccAddress
	EVMChainID uint64
	// MinLifetime is how long a voucher must still be valid, so the node
	// can settle it in time (default 10 minutes).
	MinLifetime time.Duration
	Now         func() time.Time

	mu       sync.Mutex
	reserved map[string]math.Int // per user, costs of answers in flight
}

// Payment is an authorised request's payment state.
type Payment struct {
	User    string // bech32
	Voucher StoredVoucher
	reserve math.Int
}

// Authorize checks the request's voucher and reserves maxCost of credit.
// Every refusal is a 402 naming what is wrong and, where it helps, the
// amount the next voucher must carry.
func (p *Payments) Authorize(ctx context.Context, header string, maxCost math.Int) (*Payment, error) {
	if header == "" {
		return nil, paymentRequired("voucher_required", "", "this node is paid by vouchers: send your newest signed voucher in the %s header", VoucherHeader)
	}
	var vj VoucherJSON
	dec := json.NewDecoder(strings.NewReader(header))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&vj); err != nil {
		return nil, paymentRequired("invalid_voucher", "", "the %s header is not a voucher: %v", VoucherHeader, err)
	}
	user, err := parseAccount(vj.User)
	if err != nil {
		return nil, paymentRequired("invalid_voucher", "", "voucher user: %v", err)
	}
	amount, ok := math.NewIntFromString(vj.CumulativeAmount)
	if !ok || amount.IsNegative() {
		return nil, paymentRequired("invalid_voucher", "", "voucher cumulative_amount %q is not a whole number of aopen", vj.CumulativeAmount)
	}
	if vj.Signature == "" {
		vj.Signature = vj.UserSignature
	}
	if vj.EVMChainID != 0 && vj.EVMChainID != p.EVMChainID {
		return nil, paymentRequired("voucher_signature_invalid", "", "the voucher is signed for EVM chain %d; this node settles on EVM chain %d", vj.EVMChainID, p.EVMChainID)
	}
	if vj.ServingNode != "" {
		if named, err := parseAccount(vj.ServingNode); err != nil || !named.Equals(p.Node) {
			return nil, paymentRequired("voucher_signature_invalid", "", "the voucher pays serving node %s; this node is %s", vj.ServingNode, p.Node)
		}
	}
	sig, err := hex.DecodeString(trim0x(vj.Signature))
	if err != nil {
		return nil, paymentRequired("invalid_voucher", "", "voucher signature is not hex: %v", err)
	}
	v := inferencefeestypes.Voucher{User: user, ServingNode: p.Node, CumulativeAmount: amount, Nonce: vj.Nonce, Expiry: vj.Expiry}
	if err := v.VerifySignature(p.EVMChainID, sig); err != nil {
		return nil, paymentRequired("voucher_signature_invalid", "",
			"the voucher is not the user's signature of a voucher to serving node %s on EVM chain %d: %v", p.Node, p.EVMChainID, err)
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	lifetime := p.MinLifetime
	if lifetime == 0 {
		lifetime = 10 * time.Minute
	}
	if deadline := now().Add(lifetime).Unix(); int64(vj.Expiry) < deadline {
		return nil, paymentRequired("voucher_expired", "", "the voucher expires at %d; this node needs at least %s to settle it (expiry ≥ %d)", vj.Expiry, lifetime, deadline)
	}
	bech := user.String()
	if err := p.syncChannel(ctx, bech); err != nil {
		return nil, err
	}

	credit, err := p.Chain.Credit(ctx, bech)
	if err != nil {
		return nil, unavailable("chain_unavailable", "reading the user's credit: %v", err)
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	if p.reserved == nil {
		p.reserved = map[string]math.Int{}
	}
	reserved := p.reserved[bech]
	if reserved.IsNil() {
		reserved = math.ZeroInt()
	}
	stored := StoredVoucher{Nonce: vj.Nonce, Amount: amount.String(), Expiry: vj.Expiry, Signature: "0x" + hex.EncodeToString(sig)}
	var refusal error
	_, err = p.Store.AcceptVoucher(bech, stored, func(ch *ChannelState) error {
		served, _ := math.NewIntFromString(ch.Served)
		settled, _ := math.NewIntFromString(ch.Settled)
		due := served.String()
		prev := ch.Voucher
		switch {
		case vj.Nonce <= ch.SettledNonce:
			refusal = paymentRequired("voucher_replayed", due, "voucher nonce %d is already settled (the channel is at nonce %d); sign a new voucher for %s aopen", vj.Nonce, ch.SettledNonce, due)
		case prev != nil && vj.Nonce < prev.Nonce:
			refusal = paymentRequired("voucher_replayed", due, "voucher nonce %d is older than the newest one, %d; sign a new voucher for %s aopen", vj.Nonce, prev.Nonce, due)
		case prev != nil && vj.Nonce == prev.Nonce && (prev.Amount != stored.Amount || prev.Expiry != stored.Expiry):
			refusal = paymentRequired("voucher_replayed", due, "voucher nonce %d was already given with other terms; sign a new voucher with a higher nonce", vj.Nonce)
		case amount.LT(served):
			refusal = paymentRequired("voucher_insufficient", due, "the voucher covers %s aopen, but the channel owes %s for the answers served so far", amount, due)
		case amount.GT(served):
			refusal = paymentRequired("voucher_overpays", due, "the voucher pays %s aopen, more than the %s the channel owes; sign exactly what is due", amount, due)
		default:
			// What the user's credit must still cover: what is owed and not
			// settled, the answers in flight, and this one at most.
			needed := served.Sub(settled).Add(reserved).Add(maxCost)
			if credit.LT(needed) {
				refusal = paymentRequired("insufficient_credit", due, "the user's credit of %s aopen does not cover %s aopen (owed, in flight and this request at most); deposit more credit", credit, needed)
			}
		}
		return refusal
	})
	if refusal != nil {
		return nil, refusal
	}
	if err != nil {
		return nil, err
	}
	p.reserved[bech] = reserved.Add(maxCost)
	return &Payment{User: bech, Voucher: stored, reserve: maxCost}, nil
}

// Release ends a request's reservation (its receipt is written, or it
// failed before costing anything).
func (p *Payments) Release(pay *Payment) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.reserved[pay.User]; ok {
		if left := r.Sub(pay.reserve); left.IsPositive() {
			p.reserved[pay.User] = left
		} else {
			delete(p.reserved, pay.User)
		}
	}
}

// syncChannel starts the node's account of a channel it has never seen
// from the chain's, so a node with a fresh store still asks for what was
// settled before.
func (p *Payments) syncChannel(ctx context.Context, user string) error {
	ch, err := p.Store.Channel(user)
	if err != nil {
		return err
	}
	if ch.Voucher != nil || ch.Served != "0" {
		return nil
	}
	onChain, err := p.Chain.Channel(ctx, user, p.Node.String())
	if err != nil {
		return unavailable("chain_unavailable", "reading the channel: %v", err)
	}
	if onChain.SettledAmount.IsNil() || onChain.SettledAmount.IsZero() {
		return nil
	}
	_, err = p.Store.UpdateChannel(user, func(c *ChannelState) error {
		if c.Voucher == nil && c.Served == "0" {
			c.Served, c.Settled, c.SettledNonce = onChain.SettledAmount.String(), onChain.SettledAmount.String(), onChain.LastNonce
		}
		return nil
	})
	return err
}

// parseAccount reads a 0x hex or bech32 account address.
func parseAccount(s string) (sdk.AccAddress, error) {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		bz, err := hex.DecodeString(s[2:])
		if err != nil || len(bz) != 20 {
			return nil, fmt.Errorf("%q is not a 20-byte 0x address", s)
		}
		return bz, nil
	}
	addr, err := sdk.AccAddressFromBech32(s)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", s, err)
	}
	if len(addr) != 20 {
		return nil, fmt.Errorf("%q is not a 20-byte account", s)
	}
	return addr, nil
}
