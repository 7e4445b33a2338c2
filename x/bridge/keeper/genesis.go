package keeper

import (
	"context"
	"crypto/sha256"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// InitGenesis writes a validated genesis state. The pending withdrawal
// total is recomputed from the withdrawals, and the escrow must hold exactly
// l1_circulating plus it: x/bank's genesis, imported before, funds it.
func (k Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := gs.Validate(k.AddressCodec()); err != nil {
		return err
	}
	val := func(s string) (sdk.ValAddress, error) {
		bz, err := k.valCodec.StringToBytes(s)
		if err != nil || len(bz) == 0 {
			return nil, errorsmod.Wrapf(types.ErrInvalidGenesis, "validator %q: %v", s, err)
		}
		return bz, nil
	}
	steps := []modulekit.ImportStep{
		modulekit.ImportItem(k.Params, gs.Params),
		modulekit.ImportNextID(k.NextWithdrawalNonce, gs.NextWithdrawalNonce),
		modulekit.ImportItem(k.LastDepositNonce, gs.LastDepositNonce),
		modulekit.ImportItem(k.L1AcceptedNonce, gs.L1AcceptedNonce),
		modulekit.ImportItem(k.L1Circulating, gs.L1Circulating),
	}
	if err := modulekit.Import(ctx, steps...); err != nil {
		return err
	}
	for _, s := range gs.Signers {
		v, err := val(s.Validator)
		if err != nil {
			return err
		}
		if err := k.Signers.Set(ctx, v, s); err != nil {
			return err
		}
	}
	for _, o := range gs.KeyOwners {
		if _, err := val(o.Validator); err != nil {
			return err
		}
		if err := k.KeyOwners.Set(ctx, keyAddress(o.EthAddress), o); err != nil {
			return err
		}
	}
	pending := math.ZeroInt()
	for _, w := range gs.Withdrawals {
		if err := k.Withdrawals.Set(ctx, w.Nonce, w); err != nil {
			return err
		}
		if w.CheckpointNonce > gs.L1AcceptedNonce {
			pending = pending.Add(w.Amount)
		}
	}
	if err := k.PendingWithdrawals.Set(ctx, pending); err != nil {
		return err
	}
	for _, c := range gs.Checkpoints {
		if err := k.Checkpoints.Set(ctx, c.Header.Nonce, c); err != nil {
			return err
		}
	}
	for _, s := range gs.Signatures {
		v, err := val(s.Validator)
		if err != nil {
			return err
		}
		if err := k.Signatures.Set(ctx, collections.Join(s.Nonce, v), s); err != nil {
			return err
		}
	}
	for _, a := range gs.DepositAttestations {
		bz, err := a.Claim.Marshal()
		if err != nil {
			return err
		}
		hash := sha256.Sum256(bz)
		if err := k.DepositAttestations.Set(ctx, collections.Join(a.Claim.DepositNonce, hash[:]), a); err != nil {
			return err
		}
	}
	for _, a := range gs.AcceptanceAttestations {
		if err := k.AcceptanceAttestations.Set(ctx, a.Nonce, a); err != nil {
			return err
		}
	}
	for _, e := range gs.Equivocations {
		if err := k.Equivocations.Set(ctx, collections.Join(keyAddress(e.EthAddress), e.Nonce), e); err != nil {
			return err
		}
	}
	escrow := k.bankKeeper.GetBalance(ctx, k.ModuleAddress(), types.Denom).Amount
	if want := gs.L1Circulating.Add(pending); !escrow.Equal(want) {
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "the escrow holds %s%s, l1_circulating plus pending withdrawals is %s", escrow, types.Denom, want)
	}
	return nil
}

// ExportGenesis exports the whole state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	return modulekit.Export(ctx, gs,
		modulekit.ExportItem(&gs.Params, k.Params.Get),
		modulekit.ExportValues(&gs.Signers, k.Signers.Walk),
		modulekit.ExportValues(&gs.KeyOwners, k.KeyOwners.Walk),
		modulekit.ExportValues(&gs.Withdrawals, k.Withdrawals.Walk),
		modulekit.ExportNextID(&gs.NextWithdrawalNonce, k.NextWithdrawalNonce),
		modulekit.ExportValues(&gs.Checkpoints, k.Checkpoints.Walk),
		modulekit.ExportValues(&gs.Signatures, k.Signatures.Walk),
		modulekit.ExportItem(&gs.LastDepositNonce, func(ctx context.Context) (uint64, error) { return getOr(ctx, k.LastDepositNonce, 0) }),
		modulekit.ExportValues(&gs.DepositAttestations, k.DepositAttestations.Walk),
		modulekit.ExportValues(&gs.AcceptanceAttestations, k.AcceptanceAttestations.Walk),
		modulekit.ExportItem(&gs.L1AcceptedNonce, func(ctx context.Context) (uint64, error) { return getOr(ctx, k.L1AcceptedNonce, 0) }),
		modulekit.ExportValues(&gs.Equivocations, k.Equivocations.Walk),
		modulekit.ExportItem(&gs.L1Circulating, k.getIntOf(k.L1Circulating)),
	)
}

func (k Keeper) getIntOf(item collections.Item[math.Int]) func(context.Context) (math.Int, error) {
	return func(ctx context.Context) (math.Int, error) { return k.getInt(ctx, item) }
}
