// Package testutil runs OpenLedger in-process for tests: a real application
// with a genesis validator, driven block by block through ABCI.
package testutil

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/evm/crypto/ethsecp256k1"
	srvflags "github.com/cosmos/evm/server/flags"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/testutil/mock"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
)

// ChainID is the Cosmos chain id of in-process test chains.
const ChainID = "openledger-test-1"

// ValidatorStakeOPEN is what the genesis validator has bonded.
const ValidatorStakeOPEN = 1_000_000

// Account is a funded genesis account whose key the test holds.
type Account struct {
	Key     *ethsecp256k1.PrivKey
	Address sdk.AccAddress
}

// Chain is a single-validator OpenLedger chain running in the test process.
type Chain struct {
	T        testing.TB
	App      *app.OpenLedgerApp
	Accounts []Account
	Genesis  app.GenesisState

	height  int64
	time    time.Time
	rand    *rand.Rand
	db      dbm.DB
	appOpts simtestutil.AppOptionsMap
}

// NewChain starts a chain whose genesis holds exactly the fixed OPEN supply:
// each of len(balancesOPEN) accounts gets its balance in whole OPEN, the
// validator's bond comes out of the last account, and the last account also
// takes whatever remains of the 10^9 OPEN.
func NewChain(t testing.TB, balancesOPEN ...int64) *Chain {
	t.Helper()
	return NewChainWithConsensusParams(t, simtestutil.DefaultConsensusParams, balancesOPEN...)
}

// NewChainWithConsensusParams is NewChain with the given consensus
// parameters, for benchmarks whose blocks need more gas than the default.
func NewChainWithConsensusParams(t testing.TB, params *cmtproto.ConsensusParams, balancesOPEN ...int64) *Chain {
	t.Helper()
	require.NotEmpty(t, balancesOPEN, "at least one account")
	require.NoError(t, resetEVMConfig())

	db := dbm.NewMemDB()
	appOpts := simtestutil.AppOptionsMap{
		flags.FlagHome:      t.TempDir(),
		srvflags.EVMChainID: config.DefaultEVMChainID,
	}
	openLedger := app.New(log.NewNopLogger(), db, true, appOpts, baseapp.SetChainID(ChainID))
	chain := &Chain{
		T:       t,
		App:     openLedger,
		time:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		rand:    rand.New(rand.NewSource(1)),
		db:      db,
		appOpts: appOpts,
	}

	genesisAccounts := make([]authtypes.GenesisAccount, 0, len(balancesOPEN))
	balances := make([]banktypes.Balance, 0, len(balancesOPEN)+1)
	allocated := math.ZeroInt()
	stake := config.OPEN(ValidatorStakeOPEN).Amount
	for i, amount := range balancesOPEN {
		key, err := ethsecp256k1.GenerateKey()
		require.NoError(t, err)
		address := sdk.AccAddress(key.PubKey().Address())
		chain.Accounts = append(chain.Accounts, Account{Key: key, Address: address})
		genesisAccounts = append(genesisAccounts, authtypes.NewBaseAccount(address, key.PubKey(), uint64(i), 0))

		coins := config.OPEN(amount).Amount
		if i == len(balancesOPEN)-1 {
			coins = config.TotalSupply.Sub(allocated).Sub(stake)
			require.True(t, coins.IsPositive(), "balances exceed the fixed supply")
		}
		allocated = allocated.Add(coins)
		balances = append(balances, banktypes.Balance{Address: address.String(), Coins: sdk.NewCoins(sdk.NewCoin(config.BaseDenom, coins))})
	}
	balances = append(balances, banktypes.Balance{
		Address: authtypes.NewModuleAddress(stakingtypes.BondedPoolName).String(),
		Coins:   sdk.NewCoins(sdk.NewCoin(config.BaseDenom, stake)),
	})

	chain.Genesis = chain.genesisWithValidator(genesisAccounts, balances, stake)
	appState, err := json.Marshal(chain.Genesis)
	require.NoError(t, err)

	_, err = openLedger.InitChain(&abci.RequestInitChain{
		ChainId:         ChainID,
		Time:            chain.time,
		AppStateBytes:   appState,
		ConsensusParams: params,
		InitialHeight:   1,
	})
	require.NoError(t, err)
	chain.NextBlock()
	return chain
}

// genesisWithValidator is the default genesis with the given accounts and one
// bonded validator operated by the first account.
func (c *Chain) genesisWithValidator(accounts []authtypes.GenesisAccount, balances []banktypes.Balance, stake math.Int) app.GenesisState {
	cdc := c.App.AppCodec()
	genesis := app.GenesisState(c.App.DefaultGenesis())

	authGenesis := authtypes.NewGenesisState(authtypes.DefaultParams(), accounts)
	genesis[authtypes.ModuleName] = cdc.MustMarshalJSON(authGenesis)

	var bankGenesis banktypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[banktypes.ModuleName], &bankGenesis)
	bankGenesis.Balances = balances
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGenesis)

	consensusKey, err := mock.NewPV().GetPubKey()
	require.NoError(c.T, err)
	sdkConsensusKey, err := cryptocodec.FromCmtPubKeyInterface(consensusKey)
	require.NoError(c.T, err)
	consensusKeyAny, err := codectypes.NewAnyWithValue(sdkConsensusKey)
	require.NoError(c.T, err)

	operator := sdk.ValAddress(accounts[0].GetAddress())
	validator := stakingtypes.Validator{
		OperatorAddress:   operator.String(),
		ConsensusPubkey:   consensusKeyAny,
		Status:            stakingtypes.Bonded,
		Tokens:            stake,
		DelegatorShares:   math.LegacyNewDecFromInt(stake),
		Description:       stakingtypes.Description{Moniker: "genesis-validator"},
		UnbondingTime:     time.Unix(0, 0).UTC(),
		Commission:        stakingtypes.NewCommission(math.LegacyZeroDec(), math.LegacyOneDec(), math.LegacyZeroDec()),
		MinSelfDelegation: math.ZeroInt(),
	}
	var stakingGenesis stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[stakingtypes.ModuleName], &stakingGenesis)
	stakingGenesis.Validators = []stakingtypes.Validator{validator}
	stakingGenesis.Delegations = []stakingtypes.Delegation{
		stakingtypes.NewDelegation(accounts[0].GetAddress().String(), operator.String(), math.LegacyNewDecFromInt(stake)),
	}
	genesis[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&stakingGenesis)
	return genesis
}

// Restart reopens the application on the chain's database, as a node does
// when it restarts. The new application has what a running node has and a
// fresh genesis lacks: the EVM configured from state, and with it cosmos/evm's
// mempool (CheckTx, InsertTx and the recheck loops of a real node).
func (c *Chain) Restart() *Chain {
	c.T.Helper()
	// app.toml's default insert queue; without one every insert is refused
	// as "queue full".
	c.appOpts[srvflags.EVMMempoolInsertQueueSize] = 5_000
	// A restarted node restores the EVM's process-wide configuration from
	// state past the first block, as this process must.
	if c.height < 2 {
		c.NextBlock()
	}
	require.NoError(c.T, resetEVMConfig())
	c.App = app.New(log.NewNopLogger(), c.db, true, c.appOpts, baseapp.SetChainID(ChainID))
	require.NotNil(c.T, c.App.EVMMempool, "the restarted application has no EVM mempool")
	if closer, ok := c.App.EVMMempool.(interface{ Close() error }); ok {
		c.T.Cleanup(func() { _ = closer.Close() })
	}
	// A node serves CheckTx once it has committed a block after starting.
	c.NextBlock()
	return c
}

// NextBlock finalises and commits a block with the given encoded transactions
// and returns their results.
func (c *Chain) NextBlock(txs ...[]byte) []*abci.ExecTxResult {
	c.T.Helper()
	c.height++
	c.time = c.time.Add(5 * time.Second)
	res, err := c.App.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: c.height,
		Time:   c.time,
		Txs:    txs,
	})
	require.NoError(c.T, err)
	_, err = c.App.Commit()
	require.NoError(c.T, err)
	return res.TxResults
}

// Context is a read-only view of the latest committed state.
func (c *Chain) Context() sdk.Context {
	return c.App.NewContextLegacy(true, cmtproto.Header{ChainID: ChainID, Height: c.height, Time: c.time})
}

// SignTx signs msgs as from, paying fee (in aopen) for gas, and encodes the
// transaction for a block.
func (c *Chain) SignTx(from Account, fee math.Int, gas uint64, msgs ...sdk.Msg) []byte {
	c.T.Helper()
	account := c.App.AccountKeeper.GetAccount(c.Context(), from.Address)
	require.NotNil(c.T, account, "account %s does not exist", from.Address)
	tx, err := simtestutil.GenSignedMockTx(
		c.rand, c.App.GetTxConfig(), msgs,
		sdk.NewCoins(sdk.NewCoin(config.BaseDenom, fee)), gas, ChainID,
		[]uint64{account.GetAccountNumber()}, []uint64{account.GetSequence()}, from.Key,
	)
	require.NoError(c.T, err)
	bz, err := c.App.GetTxConfig().TxEncoder()(tx)
	require.NoError(c.T, err)
	return bz
}

// TotalSupply is the total aopen in existence.
func (c *Chain) TotalSupply() math.Int {
	return c.App.BankKeeper.GetSupply(c.Context(), config.BaseDenom).Amount
}

// Balance is an address's aopen balance.
func (c *Chain) Balance(address sdk.AccAddress) math.Int {
	return c.App.BankKeeper.GetBalance(c.Context(), address, config.BaseDenom).Amount
}

// ResetEVMConfig clears cosmos/evm's process-wide configuration before
// another in-process application is built (see resetEVMConfig).
func ResetEVMConfig() error { return resetEVMConfig() }
