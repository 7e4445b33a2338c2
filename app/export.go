package app

import (
	"encoding/json"
	"errors"
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// ErrNoCommittedState is returned by export on a node that has never
// committed a block: there is no state to export yet.
var ErrNoCommittedState = errors.New("the node has not committed any block: there is no state to export (start the node first)")

// ExportAppStateAndValidators exports the state of every module (or of the
// named ones) as a genesis app state. With forZeroHeight, the state is first
// prepared for a new chain that starts at height 0 (prepForZeroHeightGenesis);
// jailAllowedAddrs then lists the validators (valoper addresses) that stay
// unjailed, all others being jailed, or is empty to keep every validator as
// it is. The preparation runs on a throw-away copy of the state: the node's
// store is not changed.
func (app *OpenLedgerApp) ExportAppStateAndValidators(
	forZeroHeight bool, jailAllowedAddrs []string, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	if app.LastBlockHeight() == 0 {
		return servertypes.ExportedApp{}, ErrNoCommittedState
	}
	// A branch of the last committed state: what the export writes (the
	// zero-height preparation) is discarded. It is branched from the root
	// store, which opens every module's store up front; a branch of a branch
	// opens them on first use, and the module manager exports modules from
	// several goroutines at once.
	header := cmtproto.Header{Height: app.LastBlockHeight(), ChainID: app.ChainID()}
	ctx := app.NewContextLegacy(true, header).WithMultiStore(app.CommitMultiStore().CacheMultiStore())

	// CometBFT starts the exported chain at the next height, or at height 0
	// (its first block is then 1) for a zero-height export.
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx, jailAllowedAddrs); err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("preparing the state for height 0: %w", err)
		}
	}

	genesisState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	appState, err := json.MarshalIndent(genesisState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Height:          height,
		Validators:      validators,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// prepForZeroHeightGenesis rewrites the state for a chain that restarts at
// height 0, as the SDK's simapp does: every reward and commission is paid
// out and distribution is started afresh, the heights that staking, slashing
// and the OpenLedger modules keep are reset (they would otherwise lie in the
// new chain's future), and validators not in jailAllowedAddrs are jailed
// when the list is given. Every step iterates the store in key order.
func (app *OpenLedgerApp) prepForZeroHeightGenesis(ctx sdk.Context, jailAllowedAddrs []string) error {
	valCodec := app.StakingKeeper.ValidatorAddressCodec()
	accCodec := app.AccountKeeper.AddressCodec()

	allowed := make(map[string]bool, len(jailAllowedAddrs))
	for _, addr := range jailAllowedAddrs {
		bz, err := valCodec.StringToBytes(addr)
		if err != nil {
			return fmt.Errorf("jail-allowed address %q: %w", addr, err)
		}
		allowed[string(bz)] = true
	}

	validators, err := app.StakingKeeper.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	operators := make([]sdk.ValAddress, len(validators))
	for i, v := range validators {
		if operators[i], err = valCodec.StringToBytes(v.GetOperator()); err != nil {
			return err
		}
	}
	delegations, err := app.StakingKeeper.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	type delegationAddrs struct {
		delegator sdk.AccAddress
		validator sdk.ValAddress
	}
	dels := make([]delegationAddrs, len(delegations))
	for i, d := range delegations {
		if dels[i].delegator, err = accCodec.StringToBytes(d.DelegatorAddress); err != nil {
			return err
		}
		if dels[i].validator, err = valCodec.StringToBytes(d.ValidatorAddress); err != nil {
			return err
		}
	}

	/* Distribution: pay out everything, then start every period afresh. */

	for _, op := range operators {
		if _, err := app.DistrKeeper.WithdrawValidatorCommission(ctx, op); err != nil &&
			!errors.Is(err, distrtypes.ErrNoValidatorCommission) {
			return fmt.Errorf("withdrawing the commission of %s: %w", op, err)
		}
	}
	for _, d := range dels {
		if _, err := app.DistrKeeper.WithdrawDelegationRewards(ctx, d.delegator, d.validator); err != nil {
			return fmt.Errorf("withdrawing the rewards of %s from %s: %w", d.delegator, d.validator, err)
		}
	}
	app.DistrKeeper.DeleteAllValidatorSlashEvents(ctx)
	app.DistrKeeper.DeleteAllValidatorHistoricalRewards(ctx)

	zeroCtx := ctx.WithBlockHeight(0)
	for _, op := range operators {
		// What is left of a validator's outstanding rewards are fractions of
		// a unit; they go to the community pool.
		scraps, err := app.DistrKeeper.GetValidatorOutstandingRewardsCoins(zeroCtx, op)
		if err != nil {
			return err
		}
		feePool, err := app.DistrKeeper.FeePool.Get(zeroCtx)
		if err != nil {
			return err
		}
		feePool.CommunityPool = feePool.CommunityPool.Add(scraps...)
		if err := app.DistrKeeper.FeePool.Set(zeroCtx, feePool); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterValidatorCreated(zeroCtx, op); err != nil {
			return err
		}
	}
	for _, d := range dels {
		if err := app.DistrKeeper.Hooks().BeforeDelegationCreated(zeroCtx, d.delegator, d.validator); err != nil {
			return err
		}
		if err := app.DistrKeeper.Hooks().AfterDelegationModified(zeroCtx, d.delegator, d.validator); err != nil {
			return err
		}
	}

	/* Staking: creation and unbonding heights restart at 0. */

	var iterErr error
	err = app.StakingKeeper.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetRedelegation(ctx, red)
		return iterErr != nil
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}
	err = app.StakingKeeper.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		iterErr = app.StakingKeeper.SetUnbondingDelegation(ctx, ubd)
		return iterErr != nil
	})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}
	for i, v := range validators {
		v.UnbondingHeight = 0
		if err := app.StakingKeeper.SetValidator(ctx, v); err != nil {
			return err
		}
		if len(allowed) == 0 || allowed[string(operators[i])] || v.Jailed {
			continue
		}
		consAddr, err := v.GetConsAddr()
		if err != nil {
			return err
		}
		// Jail takes the validator out of the power index as well.
		if err := app.StakingKeeper.Jail(ctx, sdk.ConsAddress(consAddr)); err != nil {
			return err
		}
	}
	if _, err := app.StakingKeeper.ApplyAndReturnValidatorSetUpdates(ctx); err != nil {
		return err
	}

	/* Slashing: signing starts at height 0. */

	err = app.SlashingKeeper.IterateValidatorSigningInfos(ctx,
		func(addr sdk.ConsAddress, info slashingtypes.ValidatorSigningInfo) bool {
			info.StartHeight = 0
			iterErr = app.SlashingKeeper.SetValidatorSigningInfo(ctx, addr, info)
			return iterErr != nil
		})
	if err = errors.Join(err, iterErr); err != nil {
		return err
	}

	return app.resetOpenLedgerHeights(ctx)
}
