// Package keeper holds the state and the state transitions of x/attribution.
package keeper

import (
	"context"
	"fmt"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Keeper is the state of x/attribution and the services it uses.
type Keeper struct {
	modulekit.Env

	bankKeeper          types.BankKeeper
	communityPoolKeeper types.CommunityPoolKeeper
	datanetKeeper       types.DatanetKeeper
	agentstakeKeeper    types.AgentstakeKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// NextRecordID is the id the next record gets (from 1).
	NextRecordID collections.Sequence
	// Records maps id -> AttributionRecord, indexed by model, serving node
	// and weighted contribution.
	Records *collections.IndexedMap[uint64, types.AttributionRecord, RecordIndexes]
	// RecordQueue holds (challenge deadline unix nanoseconds, record id) of
	// every PENDING record.
	RecordQueue collections.KeySet[collections.Pair[int64, uint64]]
	// Pending maps address -> its payouts in PENDING and CHALLENGED records.
	Pending collections.Map[sdk.AccAddress, math.Int]
	// Claimable maps address -> its final, unclaimed rewards.
	Claimable collections.Map[sdk.AccAddress, math.Int]
	// ContributionEarnings maps contribution id -> lifetime final contributor earnings.
	ContributionEarnings collections.Map[uint64, math.Int]
	// AddressEarnings maps address -> lifetime final earnings.
	AddressEarnings collections.Map[sdk.AccAddress, math.Int]
	// NextChallengeID is the id the next challenge gets (from 1).
	NextChallengeID collections.Sequence
	// Challenges maps id -> Challenge, indexed by record.
	Challenges *collections.IndexedMap[uint64, types.Challenge, ChallengeIndexes]
	// ChallengeQueue holds (voting deadline unix nanoseconds, challenge id)
	// of every OPEN challenge.
	ChallengeQueue collections.KeySet[collections.Pair[int64, uint64]]
	// Votes maps (challenge id, attestor) -> Vote.
	Votes collections.Map[collections.Pair[uint64, sdk.AccAddress], types.Vote]
	// ProvenReceipts holds (receipts root, leaf index) of every receipt an
	// upheld usage challenge proved wrong.
	ProvenReceipts collections.KeySet[collections.Pair[[]byte, uint64]]
}

// KeeperEnv is what the keeper is built with, as every module keeper is.
type KeeperEnv = modulekit.KeeperEnv

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority or a missing module account: those are wiring mistakes that must
// stop the node at start-up. The module account must be a Burner (bonds of
// rejected challenges and, by param, unattributed or overturned rewards are
// burned).
func NewKeeper(
	ke KeeperEnv,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	communityPoolKeeper types.CommunityPoolKeeper,
	datanetKeeper types.DatanetKeeper,
	agentstakeKeeper types.AgentstakeKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper,
		"bank keeper", bankKeeper, "community pool keeper", communityPoolKeeper,
		"datanet keeper", datanetKeeper, "agentstake keeper", agentstakeKeeper,
	)

	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	deadlineKey := collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)
	k := Keeper{
		Env:                 env,
		bankKeeper:          bankKeeper,
		communityPoolKeeper: communityPoolKeeper,
		datanetKeeper:       datanetKeeper,
		agentstakeKeeper:    agentstakeKeeper,

		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		NextRecordID: collections.NewSequence(sb, types.NextRecordIDKey, "next_record_id"),
		Records: collections.NewIndexedMap(sb, types.RecordsKey, "records",
			collections.Uint64Key, codec.CollValue[types.AttributionRecord](cdc), newRecordIndexes(sb, ke.AddressCodec)),
		RecordQueue: collections.NewKeySet(sb, types.RecordQueueKey, "record_queue", deadlineKey),
		Pending:     collections.NewMap(sb, types.PendingKey, "pending", sdk.AccAddressKey, sdk.IntValue),
		Claimable:   collections.NewMap(sb, types.ClaimableKey, "claimable", sdk.AccAddressKey, sdk.IntValue),
		ContributionEarnings: collections.NewMap(sb, types.ContributionEarningsKey, "contribution_earnings",
			collections.Uint64Key, sdk.IntValue),
		AddressEarnings: collections.NewMap(sb, types.AddressEarningsKey, "address_earnings", sdk.AccAddressKey, sdk.IntValue),
		NextChallengeID: collections.NewSequence(sb, types.NextChallengeIDKey, "next_challenge_id"),
		Challenges: collections.NewIndexedMap(sb, types.ChallengesKey, "challenges",
			collections.Uint64Key, codec.CollValue[types.Challenge](cdc), newChallengeIndexes(sb)),
		ChallengeQueue: collections.NewKeySet(sb, types.ChallengeQueueKey, "challenge_queue", deadlineKey),
		Votes: collections.NewMap(sb, types.VotesKey, "votes",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), codec.CollValue[types.Vote](cdc)),
		ProvenReceipts: collections.NewKeySet(sb, types.ProvenReceiptsKey, "proven_receipts",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key)),
	}
	records := k.Records
	k.Records.Indexes.setExists(func(ctx context.Context, pk uint64) (bool, error) { return records.Has(ctx, pk) })
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// GetRecord returns a record or ErrRecordNotFound.
func (k Keeper) GetRecord(ctx context.Context, id uint64) (types.AttributionRecord, error) {
	return modulekit.Get(ctx, k.Records.Get, id, types.ErrRecordNotFound, "record %d", id)
}

// GetChallenge returns a challenge or ErrChallengeNotFound.
func (k Keeper) GetChallenge(ctx context.Context, id uint64) (types.Challenge, error) {
	return modulekit.Get(ctx, k.Challenges.Get, id, types.ErrChallengeNotFound, "challenge %d", id)
}

// amountOf reads an amount map, zero when absent.
func amountOf[K any](ctx context.Context, m collections.Map[K, math.Int], key K) (math.Int, error) {
	v, err := m.Get(ctx, key)
	if err != nil {
		if errorsmod.IsOf(err, collections.ErrNotFound) {
			return math.ZeroInt(), nil
		}
		return v, err
	}
	return v, nil
}

// addAmount adds delta (possibly negative) to an amount map entry; an entry
// that reaches zero is removed and one that would go negative is an error.
func addAmount[K any](ctx context.Context, m collections.Map[K, math.Int], key K, delta math.Int) error {
	cur, err := amountOf(ctx, m, key)
	if err != nil {
		return err
	}
	next := cur.Add(delta)
	switch {
	case next.IsNegative():
		return fmt.Errorf("x/%s: amount of %v would become negative (%s %+d)", types.ModuleName, key, cur, delta.BigInt())
	case next.IsZero():
		return m.Remove(ctx, key)
	default:
		return m.Set(ctx, key, next)
	}
}

// coins is a one-denom reward amount as sdk.Coins.
func coins(amt math.Int) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(types.RewardDenom, amt)) }

// sendFunds routes an amount the module account holds to a destination:
// burned or into the community pool. Zero moves nothing.
func (k Keeper) sendFunds(ctx context.Context, amt math.Int, dest types.FundsDestination) error {
	if !types.ValidDestination(dest) {
		return errorsmod.Wrapf(types.ErrInvalidParams, "destination %s", dest)
	}
	return modulekit.RouteFee(ctx, k.bankKeeper, k.communityPoolKeeper, types.ModuleName, k.ModuleAddress(),
		sdk.NewCoin(types.RewardDenom, amt), dest == types.FUNDS_DESTINATION_COMMUNITY_POOL)
}

// deadlineKey is a queue key.
func deadlineKey(t time.Time, id uint64) collections.Pair[int64, uint64] {
	return collections.Join(t.UnixNano(), id)
}
