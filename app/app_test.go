package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/testutil"
)

// A bank send needs well under this much gas; the fee pays the base fee floor.
const sendGas = 200_000

var sendFee = app.MinGasPrice.MulInt64(sendGas).TruncateInt()

func TestGenesisValidatesAndHoldsTheFixedSupply(t *testing.T) {
	chain := testutil.NewChain(t, 1_000, 1_000, 0)

	err := chain.App.BasicModuleManager.ValidateGenesis(chain.App.AppCodec(), chain.App.GetTxConfig(), chain.Genesis)
	require.NoError(t, err)

	require.Equal(t, "1000000000000000000000000000", chain.TotalSupply().String())
	require.True(t, chain.TotalSupply().Equal(config.TotalSupply))
}

func TestDefaultGenesisUsesOPEN(t *testing.T) {
	chain := testutil.NewChain(t, 0)
	ctx := chain.Context()

	bondDenom, err := chain.App.StakingKeeper.BondDenom(ctx)
	require.NoError(t, err)
	require.Equal(t, config.BaseDenom, bondDenom)
	require.Equal(t, config.BaseDenom, chain.App.EVMKeeper.GetParams(ctx).EvmDenom)

	metadata, found := chain.App.BankKeeper.GetDenomMetaData(ctx, config.BaseDenom)
	require.True(t, found)
	require.Equal(t, config.DisplayDenom, metadata.Display)
	require.Equal(t, uint32(18), metadata.DenomUnits[1].Exponent)

	coinInfo := chain.App.EVMKeeper.GetEvmCoinInfo(ctx)
	require.Equal(t, config.BaseDenom, coinInfo.Denom)
	require.Equal(t, uint32(18), coinInfo.Decimals)

	feeParams := chain.App.FeeMarketKeeper.GetParams(ctx)
	require.True(t, feeParams.MinGasPrice.Equal(app.MinGasPrice))
}

func TestSupplyStaysFixedAcrossBlocksWithTransfers(t *testing.T) {
	chain := testutil.NewChain(t, 10_000, 10_000, 10_000, 0)
	alice, bob, carol := chain.Accounts[0], chain.Accounts[1], chain.Accounts[2]
	amount := config.OPEN(7).Amount

	for block := 0; block < 5; block++ {
		aliceBefore, bobBefore, carolBefore := chain.Balance(alice.Address), chain.Balance(bob.Address), chain.Balance(carol.Address)

		results := chain.NextBlock(
			chain.SignTx(alice, sendFee, sendGas, banktypes.NewMsgSend(alice.Address, bob.Address, sdk.NewCoins(sdk.NewCoin(config.BaseDenom, amount)))),
			chain.SignTx(bob, sendFee, sendGas, banktypes.NewMsgSend(bob.Address, carol.Address, sdk.NewCoins(sdk.NewCoin(config.BaseDenom, amount.MulRaw(2))))),
		)
		for i, res := range results {
			require.Zerof(t, res.Code, "tx %d in block %d: %s", i, block, res.Log)
		}

		require.Equal(t, aliceBefore.Sub(amount).Sub(sendFee), chain.Balance(alice.Address))
		require.Equal(t, bobBefore.Add(amount).Sub(amount.MulRaw(2)).Sub(sendFee), chain.Balance(bob.Address))
		require.Equal(t, carolBefore.Add(amount.MulRaw(2)), chain.Balance(carol.Address))
		require.Truef(t, chain.TotalSupply().Equal(config.TotalSupply), "block %d: supply %s", block, chain.TotalSupply())
	}
}

func TestFailedSendChangesNothing(t *testing.T) {
	chain := testutil.NewChain(t, 5, 0)
	poor, rich := chain.Accounts[0], chain.Accounts[1]
	poorBefore, richBefore := chain.Balance(poor.Address), chain.Balance(rich.Address)

	results := chain.NextBlock(chain.SignTx(poor, sendFee, sendGas,
		banktypes.NewMsgSend(poor.Address, rich.Address, sdk.NewCoins(config.OPEN(6)))))

	require.NotZero(t, results[0].Code)
	require.Contains(t, results[0].Log, "insufficient funds")
	// The fee of a transaction that fails in execution is still paid.
	require.Equal(t, poorBefore.Sub(sendFee), chain.Balance(poor.Address))
	require.Equal(t, richBefore, chain.Balance(rich.Address))
	require.True(t, chain.TotalSupply().Equal(config.TotalSupply))
}

func TestOnlyDocumentedModulesMayMint(t *testing.T) {
	var minters []string
	perms := config.ModuleAccountPermissions()
	for _, name := range []string{
		"fee_collector", "distribution", "protocolpool", "protocolpool_escrow", "bonded_tokens_pool",
		"not_bonded_tokens_pool", "gov", "transfer", "evm", "feemarket", "erc20", "datanet", "modelreg",
		"agentstake", "attribution", "inferencefees", "bridge",
	} {
		require.Contains(t, perms, name)
		for _, perm := range perms[name] {
			if perm == authtypes.Minter {
				minters = append(minters, name)
			}
		}
	}
	require.Len(t, perms, 17, "a module account was added: review its permissions here")
	// transfer mints only IBC vouchers, erc20 only ERC-20 representations, and
	// the EVM only settles balance changes that net to zero per transaction.
	require.Equal(t, []string{"transfer", "evm", "erc20"}, minters)
	require.Empty(t, perms["bridge"], "the bridge escrow locks and unlocks OPEN: it may neither mint nor burn")
}

func TestModuleAccountsCannotReceivePlainSends(t *testing.T) {
	chain := testutil.NewChain(t, 100, 0)
	sender := chain.Accounts[0]
	feeCollector := authtypes.NewModuleAddress(authtypes.FeeCollectorName)

	results := chain.NextBlock(chain.SignTx(sender, sendFee, sendGas,
		banktypes.NewMsgSend(sender.Address, feeCollector, sdk.NewCoins(config.OPEN(1)))))

	require.NotZero(t, results[0].Code)
	require.Contains(t, results[0].Log, "not allowed to receive funds")
	require.True(t, chain.TotalSupply().Equal(config.TotalSupply))
	require.True(t, math.NewInt(0).LT(chain.Balance(sender.Address)))
}
