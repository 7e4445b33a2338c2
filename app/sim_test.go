package app_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/evm/crypto/ethsecp256k1"
	srvflags "github.com/cosmos/evm/server/flags"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/kv"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/testutil"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
)

// The simulation runs only when asked for a number of blocks: `make
// test-sim` gives the seeds and sizes CI runs; `make test` skips it.
var (
	simSeeds           = flag.String("sim.seeds", "2,4,7", "comma-separated simulation seeds")
	simBlocks          = flag.Int("sim.blocks", 0, "blocks per seed (0 skips the simulation)")
	simBlockSize       = flag.Int("sim.block-size", 10, "the most operations in a block")
	simInvariantPeriod = flag.Int("sim.invariant-period", 10, "blocks between two checks of every invariant")
)

const simChainID = "openledger-sim"

// simGenesisTime is the simulated chain's first block time; block times
// then advance by 1.4 to 2.8 hours (the SDK simulator's range), so a few
// hundred blocks cross unbonding, challenge and withdrawal periods.
var simGenesisTime = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// simApp is the application with the simulation manager the SDK's
// simulator asks for: the production application carries none, since
// nothing on a node uses it.
type simApp struct {
	*app.OpenLedgerApp
	sm *module.SimulationManager
	// lastBlockTime is the time of the last block committed, the genesis
	// time of a chain started from its export.
	lastBlockTime time.Time
}

func (a *simApp) SimulationManager() *module.SimulationManager { return a.sm }

// invariantBreak is what the block-interval check found, if anything.
type invariantBreak struct {
	height int64
	broken []string
}

// newSimApp builds the application as a node does (the EVM chain id from
// the options), with the check of every invariant at the end of each
// period'th block, before it is committed.
func newSimApp(tb testing.TB, db dbm.DB, appOpts servertypes.AppOptions, period int64, found *invariantBreak, baseAppOptions ...func(*baseapp.BaseApp)) *simApp {
	tb.Helper()
	require.NoError(tb, testutil.ResetEVMConfig())
	opts := simtestutil.AppOptionsMap{srvflags.EVMChainID: config.DefaultEVMChainID}
	if home := appOpts.Get("home"); home != nil {
		opts["home"] = home
	}
	sim := &simApp{}
	baseAppOptions = append(baseAppOptions, func(bapp *baseapp.BaseApp) {
		bapp.SetPrecommiter(func(ctx sdk.Context) {
			sim.lastBlockTime = ctx.BlockTime()
			if period <= 0 || ctx.BlockHeight()%period != 0 || found.broken != nil {
				return
			}
			if broken := brokenInvariants(sim.OpenLedgerApp, ctx); len(broken) > 0 {
				*found = invariantBreak{height: ctx.BlockHeight(), broken: broken}
			}
		})
	})
	sim.OpenLedgerApp = app.New(log.NewNopLogger(), db, true, opts, baseAppOptions...)
	sim.sm = openLedgerSimulationManager(sim.OpenLedgerApp)
	return sim
}

// brokenInvariants runs every invariant of `openledgerd invariants` on a
// branch of ctx and names those that fail or panic.
func brokenInvariants(a *app.OpenLedgerApp, ctx sdk.Context) []string {
	ctx = ctx.WithMultiStore(ctx.MultiStore().CacheMultiStore()).WithGasMeter(storetypes.NewInfiniteGasMeter())
	var broken []string
	for _, inv := range a.Invariants() {
		msg, isBroken := func() (msg string, isBroken bool) {
			defer func() {
				if r := recover(); r != nil {
					msg, isBroken = fmt.Sprintf("%s: the check panicked: %v", inv.Name, r), true
				}
			}()
			return inv.Check(ctx)
		}()
		if isBroken {
			broken = append(broken, msg)
		}
	}
	return broken
}

// randomEthAccounts are the simulated accounts: Ethereum keys, as every
// OpenLedger account has, so that they sign transactions, payment vouchers
// and settlements alike. The keys come from r, so a seed gives the same
// accounts.
func randomEthAccounts(r *rand.Rand, n int) []simtypes.Account {
	accs := make([]simtypes.Account, 0, n)
	seen := make(map[string]bool, n)
	for len(accs) < n {
		secret := make([]byte, 32)
		_, _ = r.Read(secret)
		key, err := crypto.ToECDSA(secret)
		if err != nil {
			continue // not a valid scalar; draw again
		}
		priv := &ethsecp256k1.PrivKey{Key: crypto.FromECDSA(key)}
		addr := sdk.AccAddress(priv.PubKey().Address())
		if seen[string(addr)] {
			continue
		}
		seen[string(addr)] = true
		accs = append(accs, simtypes.Account{
			PrivKey: priv, PubKey: priv.PubKey(), Address: addr, AddressBech32: addr.String(),
			ConsKey: ed25519.GenPrivKeyFromSecret(secret),
		})
	}
	return accs
}

// simStateFactory is the random genesis of every simulated module over
// the app's default genesis, adapted to what the chain needs and the
// simulator cannot give: OPEN's metadata (x/bank's random genesis drops
// it, and the EVM reads OPEN's decimals from it), and a fee market that
// accepts the simulator's fees (it pays a random part of a balance, not a
// gas price).
func simStateFactory(a *simApp) simsx.SimStateFactory {
	cdc := a.AppCodec()
	patch := func(raw map[string]json.RawMessage) {
		var bank banktypes.GenesisState
		cdc.MustUnmarshalJSON(raw[banktypes.ModuleName], &bank)
		bank.DenomMetadata = []banktypes.Metadata{config.CoinMetadata()}
		// OPEN is always transferable on this chain.
		bank.Params.DefaultSendEnabled = true
		bank.SendEnabled = nil
		raw[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)

		// x/slashing's own downtime rule is not what this simulation
		// explores, and with the SDK's random windows the simulator's random
		// downtime jails every validator of some seeds within a few hundred
		// blocks, which ends the run: the window is long.
		var slashing slashingtypes.GenesisState
		cdc.MustUnmarshalJSON(raw[slashingtypes.ModuleName], &slashing)
		slashing.Params.SignedBlocksWindow = 1_000
		raw[slashingtypes.ModuleName] = cdc.MustMarshalJSON(&slashing)

		var fees feemarkettypes.GenesisState
		cdc.MustUnmarshalJSON(raw[feemarkettypes.ModuleName], &fees)
		fees.Params.NoBaseFee = true
		fees.Params.MinGasPrice = math.LegacyZeroDec()
		raw[feemarkettypes.ModuleName] = cdc.MustMarshalJSON(&fees)
	}
	return simsx.SimStateFactory{
		Codec:         cdc,
		AppStateFn:    simtestutil.AppStateFnWithExtendedCb(cdc, a.sm, a.DefaultGenesis(), patch),
		BlockedAddr:   config.BlockedAddresses(),
		AccountSource: a.AccountKeeper,
		BalanceSource: a.BankKeeper,
	}
}

func parseSeeds(tb testing.TB, s string) []int64 {
	tb.Helper()
	var seeds []int64
	for _, f := range strings.Split(s, ",") {
		seed, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		require.NoError(tb, err, "sim.seeds")
		seeds = append(seeds, seed)
	}
	return seeds
}

// TestAppSimulation runs the chain from a random genesis through random
// blocks of random messages of every module, for each seed: every
// invariant is checked every sim.invariant-period blocks and at the end,
// and the final state, exported and imported into a fresh application
// through InitChain, must be the same in every store.
func TestAppSimulation(t *testing.T) {
	if *simBlocks == 0 {
		t.Skip("the simulation runs with make test-sim (-sim.blocks)")
	}
	for _, seed := range parseSeeds(t, *simSeeds) {
		var completed bool
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) { completed = runSimulation(t, seed) })
		// The SDK's simulator skips a run whose validators all left (its
		// random downtime jails them); such a seed checks nothing at the end.
		if !completed && !t.Failed() {
			t.Errorf("seed %d ended before its last block (the simulator emptied the validator set): choose another seed", seed)
		}
	}
}

// TestAppSimulationIsDeterministic runs the first seed twice for a few
// blocks: both runs must end at the same app hash, or something in the
// state machine (or the simulation) depends on more than the seed.
func TestAppSimulationIsDeterministic(t *testing.T) {
	if *simBlocks == 0 {
		t.Skip("the simulation runs with make test-sim (-sim.blocks)")
	}
	seed := parseSeeds(t, *simSeeds)[0]
	var hashes [][]byte
	for run := range 2 {
		t.Run(fmt.Sprintf("seed %d run %d", seed, run+1), func(t *testing.T) {
			simulate(t, seed, min(*simBlocks, 20), func(tb testing.TB, a *simApp) {
				tb.Helper()
				hashes = append(hashes, a.LastCommitID().Hash)
			})
		})
	}
	require.Len(t, hashes, 2, "a run ended early")
	require.Equalf(t, hashes[0], hashes[1], "seed %d: two runs end at different app hashes", seed)
}

// runSimulation runs one seed with every check and reports whether it
// reached the checks after its last block.
func runSimulation(t *testing.T, seed int64) (completed bool) {
	simulate(t, seed, *simBlocks, func(tb testing.TB, a *simApp) {
		tb.Helper()
		results, err := a.CheckInvariants()
		require.NoError(tb, err)
		for _, r := range results {
			require.Falsef(tb, r.Broken, "at the end: %s", r.Message)
		}
		requireImportMatchesExport(tb, a)
		completed = true
	})
	return completed
}

// simulate runs blocks blocks of seed, with the invariants checked every
// sim.invariant-period blocks, then after (unless the simulator ended the
// run early) runs after on the application.
func simulate(t *testing.T, seed int64, blocks int, after func(testing.TB, *simApp)) {
	t.Helper()
	cfg := simtypes.Config{
		ChainID: simChainID, NumBlocks: blocks, BlockSize: *simBlockSize,
		GenesisTime: simGenesisTime.Unix(), Commit: true, DBBackend: "memdb", InitialBlockHeight: 1,
		Lean: true,
	}
	// The chain registers no legacy (v1beta1) proposal router, so x/gov's
	// legacy text proposals have nothing to route to: their weight is 0.
	// Every account starts with 100,000 OPEN (the SDK's default, about 1
	// OPEN, pays for no Datanet, model or serving node); as much is bonded
	// by each genesis validator.
	cfg.ParamsFile = filepath.Join(t.TempDir(), "params.json")
	params := `{"op_weight_legacy_text_proposal": 0, "stake_per_account": "100000000000000000000000"}`
	require.NoError(t, os.WriteFile(cfg.ParamsFile, []byte(params), 0o600))
	var found invariantBreak
	factory := func(_ log.Logger, db dbm.DB, _ bool, appOpts servertypes.AppOptions, opts ...func(*baseapp.BaseApp)) *simApp {
		return newSimApp(t, db, appOpts, int64(*simInvariantPeriod), &found, opts...)
	}
	simsx.RunWithSeedAndRandAcc(t, cfg, factory, simStateFactory, seed, nil, randomEthAccounts,
		func(tb testing.TB, instance simsx.TestInstance[*simApp], _ []simtypes.Account) {
			tb.Helper()
			require.Nilf(tb, found.broken, "invariants broken at height %d: %s", found.height, strings.Join(found.broken, "; "))
			after(tb, instance.App)
		})
}

// requireImportMatchesExport exports the state, starts a fresh
// application from it through InitChain, and compares every store.
func requireImportMatchesExport(tb testing.TB, exporter *simApp) {
	tb.Helper()
	exported, err := exporter.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(tb, err)

	importer := newSimApp(tb, dbm.NewMemDB(), simtestutil.AppOptionsMap{"home": tb.TempDir()}, 0, nil, baseapp.SetChainID(simChainID))
	_, err = importer.InitChain(&abci.RequestInitChain{
		ChainId: simChainID, Time: exporter.lastBlockTime, AppStateBytes: exported.AppState,
		ConsensusParams: &exported.ConsensusParams, InitialHeight: exported.Height,
	})
	require.NoError(tb, err)
	// InitChain's writes stay in the state of the first block until that
	// block is finalised: the import is read from there.
	imported := importer.NewContextLegacy(false, cmtproto.Header{Height: exported.Height, ChainID: simChainID})
	broken := brokenInvariants(importer.OpenLedgerApp, imported)
	require.Emptyf(tb, broken, "invariants broken after import: %s", strings.Join(broken, "; "))

	for _, key := range exporter.KVStoreKeys() {
		a := exporter.CommitMultiStore().GetKVStore(key)
		b := imported.KVStore(importer.GetKey(key.Name()))
		count, described := diffStores(a, b, importIgnored[key.Name()])
		assert.Zerof(tb, count, "store %s differs after import in %d keys:\n%s", key.Name(), count, described)
	}
}

// diffStores compares two stores key by key, leaving out the ignored
// entries, and describes the first differences.
func diffStores(a, b storetypes.KVStore, ignored func(kv.Pair) bool) (count int, described string) {
	pairs := func(s storetypes.KVStore) []kv.Pair {
		it := s.Iterator(nil, nil)
		defer it.Close()
		var out []kv.Pair
		for ; it.Valid(); it.Next() {
			pair := kv.Pair{Key: slices.Clone(it.Key()), Value: slices.Clone(it.Value())}
			if ignored == nil || !ignored(pair) {
				out = append(out, pair)
			}
		}
		return out
	}
	as, bs := pairs(a), pairs(b)
	var out strings.Builder
	note := func(format string, args ...any) {
		count++
		if count <= 10 {
			fmt.Fprintf(&out, "  "+format+"\n", args...)
		}
	}
	i, j := 0, 0
	for i < len(as) || j < len(bs) {
		switch {
		case j == len(bs) || (i < len(as) && bytes.Compare(as[i].Key, bs[j].Key) < 0):
			note("%X only in the exported state: %X", as[i].Key, as[i].Value)
			i++
		case i == len(as) || bytes.Compare(as[i].Key, bs[j].Key) > 0:
			note("%X only in the imported state: %X", bs[j].Key, bs[j].Value)
			j++
		default:
			if !bytes.Equal(as[i].Value, bs[j].Value) {
				note("%X exported %X, imported %X", as[i].Key, as[i].Value, bs[j].Value)
			}
			i, j = i+1, j+1
		}
	}
	return count, out.String()
}

// importIgnored are the entries an import legitimately does not
// recreate, by store, each with the reason.
var importIgnored = map[string]func(kv.Pair) bool{
	// x/authz keeps a grant's expiry queue entry, emptied, once every grant
	// it listed is revoked or used up; InitGenesis queues only live grants.
	authzkeeper.StoreKey: func(p kv.Pair) bool {
		return bytes.HasPrefix(p.Key, authzkeeper.GrantQueuePrefix) && len(p.Value) == 0
	},
	// Staking's genesis carries unbonding entries but not the ids that
	// index them, nor the historical info of past heights or the last
	// block's validator updates. Its time queues keep cancelled entries
	// until their time and list the rest in the order they were made;
	// InitGenesis queues the live entries in genesis order.
	stakingtypes.StoreKey: func(p kv.Pair) bool {
		return slices.ContainsFunc([][]byte{
			stakingtypes.UnbondingQueueKey, stakingtypes.RedelegationQueueKey, stakingtypes.ValidatorQueueKey,
			stakingtypes.UnbondingIDKey, stakingtypes.UnbondingIndexKey, stakingtypes.UnbondingTypeKey,
			stakingtypes.HistoricalInfoKey, stakingtypes.ValidatorUpdatesKey,
		}, func(prefix []byte) bool { return bytes.HasPrefix(p.Key, prefix) })
	},
	// x/slashing keeps the missed-block bits of a validator past its
	// signing window when governance shrinks the window (they are never
	// read again); its genesis carries the bits inside the window only.
	slashingtypes.StoreKey: func(p kv.Pair) bool {
		return bytes.HasPrefix(p.Key, slashingtypes.ValidatorMissedBlockBitmapKeyPrefix)
	},
	// To the EVM a storage slot that holds zero is a slot that does not
	// exist. The simulator's blocks have no hash, so the EIP-2935 history
	// contract stores empty values, which the export writes as zero.
	evmtypes.StoreKey: func(p kv.Pair) bool {
		return bytes.HasPrefix(p.Key, evmtypes.KeyPrefixStorage) && !slices.ContainsFunc(p.Value, func(b byte) bool { return b != 0 })
	},
}

var _ simsx.SimulationApp = (*simApp)(nil)

// The simulation's block-interval check reports what `openledgerd
// invariants` would: coins that appear in the datanet module account
// without being minted break the bank's supply and x/datanet's escrow.
func TestSimulationInvariantCheckReportsABrokenState(t *testing.T) {
	chain := testutil.NewChain(t, 10)
	a := chain.App
	ctx := chain.Context()
	require.Empty(t, brokenInvariants(a, ctx))

	moduleAddr := authtypes.NewModuleAddress(datanettypes.ModuleName)
	held := a.BankKeeper.GetBalance(ctx, moduleAddr, config.BaseDenom).Amount
	require.NoError(t, a.BankKeeper.(bankkeeper.BaseKeeper).Balances.Set(ctx, collections.Join(moduleAddr, config.BaseDenom), held.AddRaw(1)))
	broken := brokenInvariants(a, ctx)
	require.Len(t, broken, 2, "%v", broken)
	require.True(t, strings.HasPrefix(broken[0], "bank: "), broken[0])
	require.Contains(t, broken[1], "datanet")
}
