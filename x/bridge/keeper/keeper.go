// Package keeper holds the state and the state transitions of x/bridge.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// Keeper is the state of x/bridge and the services it uses.
type Keeper struct {
	modulekit.Env
	valCodec address.Codec

	bankKeeper     types.BankKeeper
	stakingKeeper  types.StakingKeeper
	slashingKeeper types.SlashingKeeper

	Schema collections.Schema
	// Params are the module parameters.
	Params collections.Item[types.Params]
	// Signers maps validator operator -> its current Ethereum key.
	Signers collections.Map[sdk.ValAddress, types.EthSigner]
	// KeyOwners maps a key's 20-byte address -> the validator that proved
	// possession of it; never deleted.
	KeyOwners collections.Map[[]byte, types.KeyOwner]
	// NextWithdrawalNonce is the nonce the next withdrawal gets (from 1).
	NextWithdrawalNonce collections.Sequence
	// Withdrawals maps nonce -> Withdrawal.
	Withdrawals collections.Map[uint64, types.Withdrawal]
	// Checkpoints maps nonce -> Checkpoint, nonces from 1 without a gap.
	Checkpoints collections.Map[uint64, types.Checkpoint]
	// Signatures maps (checkpoint nonce, validator) -> its signature, until
	// L1 accepted the nonce.
	Signatures collections.Map[collections.Pair[uint64, sdk.ValAddress], types.CheckpointSignature]
	// LastDepositNonce is the last credited L1 deposit.
	LastDepositNonce collections.Item[uint64]
	// DepositAttestations maps (deposit nonce, claim hash) -> the claim and
	// its attesters, until the nonce is credited.
	DepositAttestations collections.Map[collections.Pair[uint64, []byte], types.DepositAttestation]
	// AcceptanceAttestations maps checkpoint nonce -> its attesters, until
	// L1 acceptance of it (or a later nonce) reaches quorum.
	AcceptanceAttestations collections.Map[uint64, types.AcceptanceAttestation]
	// L1AcceptedNonce is the last checkpoint L1 accepted, as attested.
	L1AcceptedNonce collections.Item[uint64]
	// Equivocations maps (key address, nonce) -> the recorded evidence.
	Equivocations collections.Map[collections.Pair[[]byte, uint64], types.BridgeEquivocation]
	// L1Circulating is the OPEN released on L1 against the escrow.
	L1Circulating collections.Item[math.Int]
	// PendingWithdrawals is the escrowed withdrawals L1 has not accepted.
	PendingWithdrawals collections.Item[math.Int]
}

// KeeperEnv is what the keeper is built with, as every module keeper is.
type KeeperEnv = modulekit.KeeperEnv

// NewKeeper builds the keeper. It panics on a missing dependency, an invalid
// authority or a missing module account: wiring mistakes that must stop the
// node at start-up. valCodec is the validator operator address codec.
func NewKeeper(
	ke KeeperEnv,
	valCodec address.Codec,
	accountKeeper types.AccountKeeper,
	bankKeeper types.BankKeeper,
	stakingKeeper types.StakingKeeper,
	slashingKeeper types.SlashingKeeper,
) Keeper {
	env := modulekit.NewEnv(types.ModuleName, ke, accountKeeper, "validator address codec", valCodec,
		"bank keeper", bankKeeper, "staking keeper", stakingKeeper, "slashing keeper", slashingKeeper)
	cdc, sb := ke.Codec, collections.NewSchemaBuilder(ke.StoreService)
	k := Keeper{
		Env: env, valCodec: valCodec,
		bankKeeper: bankKeeper, stakingKeeper: stakingKeeper, slashingKeeper: slashingKeeper,

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Signers: collections.NewMap(sb, types.SignersKey, "signers", sdk.ValAddressKey,
			codec.CollValue[types.EthSigner](cdc)),
		KeyOwners: collections.NewMap(sb, types.KeyOwnersKey, "key_owners", collections.BytesKey,
			codec.CollValue[types.KeyOwner](cdc)),
		NextWithdrawalNonce: collections.NewSequence(sb, types.NextWithdrawalNonceKey, "next_withdrawal_nonce"),
		Withdrawals: collections.NewMap(sb, types.WithdrawalsKey, "withdrawals", collections.Uint64Key,
			codec.CollValue[types.Withdrawal](cdc)),
		Checkpoints: collections.NewMap(sb, types.CheckpointsKey, "checkpoints", collections.Uint64Key,
			codec.CollValue[types.Checkpoint](cdc)),
		Signatures: collections.NewMap(sb, types.SignaturesKey, "signatures",
			collections.PairKeyCodec(collections.Uint64Key, sdk.ValAddressKey), codec.CollValue[types.CheckpointSignature](cdc)),
		LastDepositNonce: collections.NewItem(sb, types.LastDepositNonceKey, "last_deposit_nonce", collections.Uint64Value),
		DepositAttestations: collections.NewMap(sb, types.DepositAttestationsKey, "deposit_attestations",
			collections.PairKeyCodec(collections.Uint64Key, collections.BytesKey), codec.CollValue[types.DepositAttestation](cdc)),
		AcceptanceAttestations: collections.NewMap(sb, types.AcceptanceAttestationsKey, "acceptance_attestations",
			collections.Uint64Key, codec.CollValue[types.AcceptanceAttestation](cdc)),
		L1AcceptedNonce: collections.NewItem(sb, types.L1AcceptedNonceKey, "l1_accepted_nonce", collections.Uint64Value),
		Equivocations: collections.NewMap(sb, types.EquivocationsKey, "equivocations",
			collections.PairKeyCodec(collections.BytesKey, collections.Uint64Key), codec.CollValue[types.BridgeEquivocation](cdc)),
		L1Circulating:      collections.NewItem(sb, types.L1CirculatingKey, "l1_circulating", sdk.IntValue),
		PendingWithdrawals: collections.NewItem(sb, types.PendingWithdrawalsKey, "pending_withdrawals", sdk.IntValue),
	}
	k.Schema = env.MustBuildSchema(sb)
	return k
}

// ValidatorAddressCodec is the validator operator address codec.
func (k Keeper) ValidatorAddressCodec() address.Codec { return k.valCodec }

func coins(amt math.Int) sdk.Coins { return sdk.NewCoins(sdk.NewCoin(types.Denom, amt)) }

// getOr reads an Item, def when it was never set.
func getOr[V any](ctx context.Context, item collections.Item[V], def V) (V, error) {
	v, err := item.Get(ctx)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return def, nil
	}
	return v, err
}

func (k Keeper) getInt(ctx context.Context, item collections.Item[math.Int]) (math.Int, error) {
	return getOr(ctx, item, math.ZeroInt())
}

// addInt adds delta to a stored total, which may never go negative.
func (k Keeper) addInt(ctx context.Context, item collections.Item[math.Int], delta math.Int) error {
	v, err := k.getInt(ctx, item)
	if err != nil {
		return err
	}
	v = v.Add(delta)
	if v.IsNegative() {
		return fmt.Errorf("x/%s: a bridge total would go negative", types.ModuleName)
	}
	return item.Set(ctx, v)
}

// lastCheckpoint is the checkpoint with the highest nonce; found is false
// before the first.
func (k Keeper) lastCheckpoint(ctx context.Context) (cp types.Checkpoint, found bool, err error) {
	it, err := k.Checkpoints.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return cp, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return cp, false, nil
	}
	cp, err = it.Value()
	return cp, err == nil, err
}

// epochStart is the nonce of the current withdrawal tree's first leaf: the
// one after the last checkpoint's leaves.
func epochStart(last types.Checkpoint, found bool) uint64 {
	if !found {
		return 1
	}
	return last.FirstWithdrawalNonce + last.WithdrawalCount
}

// operatorOf decodes a message's operator account into its validator
// operator address and its openvaloper string.
func (k Keeper) operatorOf(s string) (sdk.ValAddress, string, error) {
	acc, _, err := types.ParseAddressStr(k.AddressCodec(), "operator", s)
	if err != nil {
		return nil, "", err
	}
	valStr, err := k.valCodec.BytesToString(acc)
	if err != nil {
		return nil, "", errorsmod.Wrapf(types.ErrInvalidAddress, "operator %s: %v", s, err)
	}
	return sdk.ValAddress(acc), valStr, nil
}

// bondedPower is the last block's consensus power of a bonded validator.
func (k Keeper) bondedPower(ctx context.Context, val sdk.ValAddress, valStr string) (int64, error) {
	power, err := k.stakingKeeper.GetLastValidatorPower(ctx, val)
	if err != nil {
		return 0, err
	}
	if power <= 0 {
		return 0, errorsmod.Wrapf(types.ErrNotBondedValidator, "validator %s", valStr)
	}
	return power, nil
}

// hasQuorum reports whether the validators hold more than 2/3 of the last
// block's bonded power, each counted at its power now.
func (k Keeper) hasQuorum(ctx context.Context, validators []string) (bool, error) {
	total, err := k.stakingKeeper.GetLastTotalPower(ctx)
	if err != nil || !total.IsPositive() {
		return false, err
	}
	sum := math.ZeroInt()
	for _, v := range validators {
		val, err := k.valCodec.StringToBytes(v)
		if err != nil {
			return false, err
		}
		p, err := k.stakingKeeper.GetLastValidatorPower(ctx, val)
		if err != nil {
			return false, err
		}
		sum = sum.AddRaw(p)
	}
	return sum.MulRaw(3).GT(total.MulRaw(2)), nil
}
