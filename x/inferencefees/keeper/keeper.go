// Package keeper holds the state and the state transitions of
// x/inferencefees: prepaid credit, voucher channels, batched settlement and
// the fee split.
package keeper

import (
	"context"
	"errors"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// ChannelKey is the key of a channel: (user, serving node).
type ChannelKey = collections.Pair[sdk.AccAddress, sdk.AccAddress]

// WithdrawalKey is the key of a withdrawal: (user, id).
type WithdrawalKey = collections.Pair[sdk.AccAddress, uint64]

// QueueKey is the key of a withdrawal in the release queue: (release time,
// user, id).
type QueueKey = collections.Triple[time.Time, sdk.AccAddress, uint64]

// ChannelIndexes are the reverse look-ups of channels.
type ChannelIndexes struct {
	// Node indexes (serving node, (user, serving node)).
	Node *indexes.Multi[sdk.AccAddress, ChannelKey, types.Channel]
}

// IndexesList implements collections.Indexes.
func (i ChannelIndexes) IndexesList() []collections.Index[ChannelKey, types.Channel] {
	return []collections.Index[ChannelKey, types.Channel]{i.Node}
}

// Keeper is the state of x/inferencefees and the services it uses.
type Keeper struct {
	modulekit.Env
	// evmChainID is the EIP-155 chain id in the EIP-712 domain of vouchers
	// and settlements.
	evmChainID uint64

	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper
	modelregKeeper      types.ModelregKeeper
	agentstakeKeeper    types.AgentstakeKeeper
	attributionKeeper   types.AttributionKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// Totals are the cumulative fee figures.
	Totals collections.Item[types.Totals]
	// Credits maps user -> Credit.
	Credits collections.Map[sdk.AccAddress, types.Credit]
	// NextWithdrawalID is the id the next withdrawal gets (from 1).
	NextWithdrawalID collections.Sequence
	// Withdrawals maps (user, id) -> pending Withdrawal.
	Withdrawals collections.Map[WithdrawalKey, types.Withdrawal]
	// WithdrawalQueue holds (release time, user, id) of every pending
	// withdrawal; EndBlock pays out those whose time has come.
	WithdrawalQueue collections.KeySet[QueueKey]
	// Channels maps (user, serving node) -> Channel, indexed by node.
	Channels *collections.IndexedMap[ChannelKey, types.Channel, ChannelIndexes]
}

// KeeperEnv is what the keeper is built with, as every module keeper is.
type KeeperEnv = modulekit.KeeperEnv

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority, a zero EVM chain id or a missing module account: those are
// wiring mistakes that must stop the node at start-up.
func NewKeeper(
	ke KeeperEnv,
	evmChainID uint64,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	communityPoolKeeper types.CommunityPoolKeeper,
	modelregKeeper types.ModelregKeeper,
	agentstakeKeeper types.AgentstakeKeeper,
	attributionKeeper types.AttributionKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper,
		"bank keeper", bankKeeper, "community pool keeper", communityPoolKeeper,
		"modelreg keeper", modelregKeeper, "agentstake keeper", agentstakeKeeper,
		"attribution keeper", attributionKeeper,
	)
	if evmChainID == 0 {
		panic(fmt.Sprintf("x/%s keeper: the EVM chain id must be set", types.ModuleName))
	}

	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	k := Keeper{
		Env:                 env,
		evmChainID:          evmChainID,
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,
		modelregKeeper:      modelregKeeper,
		agentstakeKeeper:    agentstakeKeeper,
		attributionKeeper:   attributionKeeper,

		Params:           collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Totals:           collections.NewItem(sb, types.TotalsKey, "totals", codec.CollValue[types.Totals](cdc)),
		Credits:          collections.NewMap(sb, types.CreditsKey, "credits", sdk.AccAddressKey, codec.CollValue[types.Credit](cdc)),
		NextWithdrawalID: collections.NewSequence(sb, types.NextWithdrawalIDKey, "next_withdrawal_id"),
		Withdrawals: collections.NewMap(sb, types.WithdrawalsKey, "withdrawals",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key), codec.CollValue[types.Withdrawal](cdc)),
		WithdrawalQueue: collections.NewKeySet(sb, types.WithdrawalQueueKey, "withdrawal_queue",
			collections.TripleKeyCodec(timeKey, sdk.AccAddressKey, collections.Uint64Key)),
		Channels: collections.NewIndexedMap(sb, types.ChannelsKey, "channels",
			collections.PairKeyCodec(sdk.AccAddressKey, sdk.AccAddressKey), codec.CollValue[types.Channel](cdc),
			ChannelIndexes{
				Node: indexes.NewMulti(sb, types.ChannelsByNodeKey, "channels_by_node",
					sdk.AccAddressKey, collections.PairKeyCodec(sdk.AccAddressKey, sdk.AccAddressKey),
					func(pk ChannelKey, _ types.Channel) (sdk.AccAddress, error) { return pk.K2(), nil }),
			}),
	}
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// EVMChainID is the chain id of the vouchers' and settlements' EIP-712 domain.
func (k Keeper) EVMChainID() uint64 { return k.evmChainID }

// GetCredit returns a user's credit; a user without one has a zero credit.
func (k Keeper) GetCredit(ctx context.Context, user sdk.AccAddress) (types.Credit, error) {
	c, err := k.Credits.Get(ctx, user)
	if err == nil {
		return c, nil
	}
	if !isNotFound(err) {
		return c, err
	}
	s, err := k.AddressCodec().BytesToString(user)
	if err != nil {
		return c, err
	}
	return types.Credit{User: s, Balance: math.ZeroInt(), PendingWithdrawal: math.ZeroInt()}, nil
}

// setCredit stores a credit, or removes it once it holds nothing and has no
// withdrawal pending.
func (k Keeper) setCredit(ctx context.Context, user sdk.AccAddress, c types.Credit) error {
	if c.Balance.IsZero() && c.PendingWithdrawal.IsZero() {
		return k.Credits.Remove(ctx, user)
	}
	return k.Credits.Set(ctx, user, c)
}

// GetChannel returns the channel of (user, node); a channel never settled
// is zero.
func (k Keeper) GetChannel(ctx context.Context, user, node sdk.AccAddress) (types.Channel, bool, error) {
	ch, err := k.Channels.Get(ctx, collections.Join(user, node))
	if err == nil {
		return ch, true, nil
	}
	if !isNotFound(err) {
		return ch, false, err
	}
	return types.Channel{SettledAmount: math.ZeroInt()}, false, nil
}

// GetTotals returns the cumulative fee figures.
func (k Keeper) GetTotals(ctx context.Context) (types.Totals, error) {
	t, err := k.Totals.Get(ctx)
	if isNotFound(err) {
		return types.ZeroTotals(), nil
	}
	return t, err
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// QueueKeyOf is the release-queue key of a withdrawal.
func QueueKeyOf(user sdk.AccAddress, w types.Withdrawal) QueueKey {
	return collections.Join3(w.ReleaseTime, user, w.Id)
}
