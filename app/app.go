// Package app wires the OpenLedger application: the Cosmos SDK modules, the
// EVM (cosmos/evm), IBC (ibc-go) and OpenLedger's AI modules (x/datanet,
// x/modelreg, x/agentstake, x/attribution, x/inferencefees).
//
// The wiring is written out by hand rather than through depinject because
// cosmos/evm and ibc-go are not depinject modules, and because a reader should
// be able to follow every keeper dependency in one file.
package app

import (
	"fmt"
	goruntime "runtime"

	// Register the EVM tracers used by debug_traceTransaction.
	_ "github.com/ethereum/go-ethereum/eth/tracers/js"
	_ "github.com/ethereum/go-ethereum/eth/tracers/native"
	"github.com/spf13/cast"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	dbm "github.com/cosmos/cosmos-db"
	evmante "github.com/cosmos/evm/ante"
	evmencoding "github.com/cosmos/evm/encoding"
	evmaddress "github.com/cosmos/evm/encoding/address"
	precompiletypes "github.com/cosmos/evm/precompiles/types"
	srvflags "github.com/cosmos/evm/server/flags"
	"github.com/cosmos/evm/utils"
	"github.com/cosmos/evm/x/erc20"
	erc20keeper "github.com/cosmos/evm/x/erc20/keeper"
	erc20types "github.com/cosmos/evm/x/erc20/types"
	"github.com/cosmos/evm/x/feemarket"
	feemarketkeeper "github.com/cosmos/evm/x/feemarket/keeper"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	ibccallbackskeeper "github.com/cosmos/evm/x/ibc/callbacks/keeper"
	"github.com/cosmos/evm/x/vm"
	evmkeeper "github.com/cosmos/evm/x/vm/keeper"
	vmrunner "github.com/cosmos/evm/x/vm/runner"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	"github.com/cosmos/gogoproto/proto"
	transfer "github.com/cosmos/ibc-go/v11/modules/apps/transfer"
	transferkeeper "github.com/cosmos/ibc-go/v11/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v11/modules/apps/transfer/types"
	ibc "github.com/cosmos/ibc-go/v11/modules/core"
	ibcexported "github.com/cosmos/ibc-go/v11/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v11/modules/core/keeper"
	ibctm "github.com/cosmos/ibc-go/v11/modules/light-clients/07-tendermint"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/baseapp/txnrunner"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	sdkserver "github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkmempool "github.com/cosmos/cosmos-sdk/types/mempool"
	"github.com/cosmos/cosmos-sdk/types/module"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"
	authsims "github.com/cosmos/cosmos-sdk/x/auth/simulation"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	txmodule "github.com/cosmos/cosmos-sdk/x/auth/tx/config"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	authzmodule "github.com/cosmos/cosmos-sdk/x/authz/module"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensusparamkeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensusparamtypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	feegrantmodule "github.com/cosmos/cosmos-sdk/x/feegrant/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/protocolpool"
	protocolpoolkeeper "github.com/cosmos/cosmos-sdk/x/protocolpool/keeper"
	protocolpooltypes "github.com/cosmos/cosmos-sdk/x/protocolpool/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/app/txguard"
	"github.com/openledger/openledger/x/agentstake"
	agentstakekeeper "github.com/openledger/openledger/x/agentstake/keeper"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/attribution"
	attributionkeeper "github.com/openledger/openledger/x/attribution/keeper"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/bridge"
	bridgekeeper "github.com/openledger/openledger/x/bridge/keeper"
	bridgetypes "github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/datanet"
	datanetkeeper "github.com/openledger/openledger/x/datanet/keeper"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/inferencefees"
	inferencefeeskeeper "github.com/openledger/openledger/x/inferencefees/keeper"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	"github.com/openledger/openledger/x/modelreg"
	modelregkeeper "github.com/openledger/openledger/x/modelreg/keeper"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func init() {
	// OPEN has 18 decimals, so one unit of consensus power is 10^18 aopen
	// (1 OPEN) rather than the SDK's default 10^6.
	sdk.DefaultPowerReduction = utils.AttoPowerReduction
	// Modules that default their denom to the bond denom (staking, gov, the
	// EVM) then default to aopen.
	sdk.DefaultBondDenom = config.BaseDenom
}

// OpenLedgerApp is the OpenLedger state machine.
type OpenLedgerApp struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	interfaceRegistry types.InterfaceRegistry
	txConfig          client.TxConfig

	keys       map[string]*storetypes.KVStoreKey
	objectKeys map[string]*storetypes.ObjectStoreKey

	// Cosmos SDK
	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.Keeper
	StakingKeeper         *stakingkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	DistrKeeper           distrkeeper.Keeper
	ProtocolPoolKeeper    protocolpoolkeeper.Keeper
	GovKeeper             govkeeper.Keeper
	UpgradeKeeper         *upgradekeeper.Keeper
	AuthzKeeper           authzkeeper.Keeper
	EvidenceKeeper        evidencekeeper.Keeper
	FeeGrantKeeper        feegrantkeeper.Keeper
	ConsensusParamsKeeper consensusparamkeeper.Keeper

	// IBC
	IBCKeeper      *ibckeeper.Keeper
	TransferKeeper *transferkeeper.Keeper
	CallbackKeeper ibccallbackskeeper.ContractKeeper

	// EVM
	FeeMarketKeeper feemarketkeeper.Keeper
	EVMKeeper       *evmkeeper.Keeper
	Erc20Keeper     erc20keeper.Keeper
	EVMMempool      sdkmempool.ExtMempool

	// AI modules
	DatanetKeeper       datanetkeeper.Keeper
	ModelregKeeper      modelregkeeper.Keeper
	AgentstakeKeeper    agentstakekeeper.Keeper
	AttributionKeeper   attributionkeeper.Keeper
	InferencefeesKeeper inferencefeeskeeper.Keeper
	BridgeKeeper        bridgekeeper.Keeper

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator

	pendingTxListeners []evmante.PendingTxListener
}

// New builds the application. appOpts carries app.toml and command-line
// settings; the EVM chain id comes from evm.evm-chain-id there.
func New(
	logger log.Logger,
	db dbm.DB,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *OpenLedgerApp {
	// The EVM chain id comes from app.toml (config.DefaultEVMChainID unless
	// changed). Without one, as in the CLI's throw-away app, cosmos/evm uses a
	// placeholder id that a real node may still replace: its chain config is
	// process-wide and can be set only once otherwise.
	evmChainID := cast.ToUint64(appOpts.Get(srvflags.EVMChainID))
	encodingConfig := evmencoding.MakeConfig(evmChainID)
	appCodec := encodingConfig.Codec
	interfaceRegistry := encodingConfig.InterfaceRegistry
	// Every transaction the node decodes (from RPC, gRPC, peers or a block)
	// is checked for the parts the rest of the node reads unconditionally.
	txDecoder := txguard.NewDecoder(encodingConfig.TxConfig.TxDecoder())

	baseAppOptions = append(baseAppOptions, baseapp.SetOptimisticExecution())
	bApp := baseapp.NewBaseApp(config.AppName, logger, db, txDecoder, baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(encodingConfig.TxConfig.TxEncoder())

	keys := storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey,
		distrtypes.StoreKey, protocolpooltypes.StoreKey, slashingtypes.StoreKey,
		govtypes.StoreKey, consensusparamtypes.StoreKey, upgradetypes.StoreKey,
		feegrant.StoreKey, evidencetypes.StoreKey, authzkeeper.StoreKey,
		ibcexported.StoreKey, ibctransfertypes.StoreKey,
		evmtypes.StoreKey, feemarkettypes.StoreKey, erc20types.StoreKey,
		datanettypes.StoreKey, modelregtypes.StoreKey, agentstaketypes.StoreKey,
		attributiontypes.StoreKey, inferencefeestypes.StoreKey, bridgetypes.StoreKey,
	)
	objectKeys := storetypes.NewObjectStoreKeys(banktypes.ObjectStoreKey, evmtypes.ObjectKey)

	// The EVM's parallel runner and state snapshots need every non-transient
	// store, in a fixed order.
	nonTransientKeys := make([]storetypes.StoreKey, 0, len(keys)+len(objectKeys))
	for _, name := range sortedKeys(keys) {
		nonTransientKeys = append(nonTransientKeys, keys[name])
	}
	for _, name := range sortedKeys(objectKeys) {
		nonTransientKeys = append(nonTransientKeys, objectKeys[name])
	}

	// EVM transactions are limited by the block gas limit of consensus params,
	// which the EVM enforces itself.
	bApp.SetDisableBlockGasMeter(true)

	if err := bApp.RegisterStreamingServices(appOpts, keys); err != nil {
		panic(fmt.Sprintf("state streaming: %v", err))
	}

	app := &OpenLedgerApp{
		BaseApp:           bApp,
		legacyAmino:       encodingConfig.Amino,
		appCodec:          appCodec,
		interfaceRegistry: interfaceRegistry,
		txConfig:          encodingConfig.TxConfig,
		keys:              keys,
		objectKeys:        objectKeys,
	}

	// Governance is the authority of every module's parameters.
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	accountAddressCodec := evmaddress.NewEvmCodec(sdk.GetConfig().GetBech32AccountAddrPrefix())

	app.ConsensusParamsKeeper = consensusparamkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[consensusparamtypes.StoreKey]), authority, runtime.EventService{},
	)
	bApp.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]),
		authtypes.ProtoBaseAccount, config.ModuleAccountPermissions(),
		accountAddressCodec, sdk.GetConfig().GetBech32AccountAddrPrefix(), authority,
	)

	app.BankKeeper = bankkeeper.NewBaseKeeper(
		appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]),
		app.AccountKeeper, config.BlockedAddresses(), authority, logger,
	).WithObjStoreKey(objectKeys[banktypes.ObjectStoreKey])

	// SIGN_MODE_TEXTUAL needs the bank keeper for coin metadata, so the tx
	// config is rebuilt once the bank keeper exists.
	txConfig, err := authtx.NewTxConfigWithOptions(appCodec, authtx.ConfigOptions{
		EnabledSignModes:           append(authtx.DefaultSignModes, signingtypes.SignMode_SIGN_MODE_TEXTUAL), //nolint:gocritic
		TextualCoinMetadataQueryFn: txmodule.NewBankKeeperCoinMetadataQueryFn(app.BankKeeper),
	})
	if err != nil {
		panic(err)
	}
	app.txConfig = txConfig

	app.StakingKeeper = stakingkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, authority,
		evmaddress.NewEvmCodec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		evmaddress.NewEvmCodec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
	)

	app.ProtocolPoolKeeper = protocolpoolkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[protocolpooltypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, authority,
	)

	// The community pool lives in x/protocolpool; distribution forwards its
	// community tax there.
	app.DistrKeeper = distrkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[distrtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, app.StakingKeeper,
		authtypes.FeeCollectorName, authority,
		distrkeeper.WithExternalCommunityPool(app.ProtocolPoolKeeper),
	)

	app.SlashingKeeper = slashingkeeper.NewKeeper(
		appCodec, app.legacyAmino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]),
		app.StakingKeeper, authority,
	)

	app.FeeGrantKeeper = feegrantkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[feegrant.StoreKey]), app.AccountKeeper,
	)

	app.StakingKeeper.SetHooks(
		stakingtypes.NewMultiStakingHooks(app.DistrKeeper.Hooks(), app.SlashingKeeper.Hooks()),
	)

	app.AuthzKeeper = authzkeeper.NewKeeper(
		runtime.NewKVStoreService(keys[authzkeeper.StoreKey]), appCodec,
		app.MsgServiceRouter(), app.AccountKeeper,
	)

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(sdkserver.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]),
		appCodec, cast.ToString(appOpts.Get(flags.FlagHome)), app.BaseApp, authority,
	)

	app.IBCKeeper = ibckeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[ibcexported.StoreKey]), app.UpgradeKeeper, authority,
	)

	app.GovKeeper = *govkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[govtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, app.DistrKeeper, app.MsgServiceRouter(),
		govtypes.DefaultConfig(), authority,
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(app.StakingKeeper),
	)

	app.EvidenceKeeper = *evidencekeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]),
		app.StakingKeeper, app.SlashingKeeper, app.AccountKeeper.AddressCodec(),
		runtime.ProvideCometInfoService(),
	)

	app.FeeMarketKeeper = feemarketkeeper.NewKeeper(
		appCodec, authtypes.NewModuleAddress(govtypes.ModuleName), keys[feemarkettypes.StoreKey],
	)

	// The transfer keeper comes before the EVM keeper: the ICS-20 precompile
	// holds a reference to it.
	app.TransferKeeper = transferkeeper.NewKeeper(
		appCodec, accountAddressCodec, runtime.NewKVStoreService(keys[ibctransfertypes.StoreKey]),
		app.IBCKeeper.ChannelKeeper, app.MsgServiceRouter(),
		app.AccountKeeper, app.BankKeeper, authority,
	)

	// The EVM keeper comes before the ERC-20 keeper, which it receives by
	// pointer and which is filled in just below.
	app.EVMKeeper = evmkeeper.NewKeeper(
		appCodec, keys[evmtypes.StoreKey], objectKeys[evmtypes.ObjectKey], nonTransientKeys,
		authtypes.NewModuleAddress(govtypes.ModuleName),
		app.AccountKeeper, app.BankKeeper, app.StakingKeeper, app.FeeMarketKeeper,
		&app.ConsensusParamsKeeper, &app.Erc20Keeper,
		evmChainID, cast.ToString(appOpts.Get(srvflags.EVMTracer)),
	).WithStaticPrecompiles(
		precompiletypes.DefaultStaticPrecompiles(
			*app.StakingKeeper, app.DistrKeeper, app.BankKeeper, &app.Erc20Keeper,
			app.TransferKeeper, app.IBCKeeper.ChannelKeeper, app.IBCKeeper.ClientKeeper,
			app.GovKeeper, app.SlashingKeeper, appCodec,
		),
	)
	// EVM fees are accounted per transaction and collected once per block,
	// which keeps parallel EVM execution free of a shared fee-collector write.
	app.EVMKeeper.EnableVirtualFeeCollection()

	app.Erc20Keeper = erc20keeper.NewKeeper(
		keys[erc20types.StoreKey], appCodec, authtypes.NewModuleAddress(govtypes.ModuleName),
		app.AccountKeeper, app.BankKeeper, app.EVMKeeper, app.StakingKeeper, app.TransferKeeper,
	)

	// Every OpenLedger module keeper is built with the same codec, services,
	// address codec and authority, on its own store.
	keeperEnv := func(storeKey string) datanetkeeper.KeeperEnv {
		return datanetkeeper.KeeperEnv{
			Codec: appCodec, StoreService: runtime.NewKVStoreService(keys[storeKey]),
			EventService: runtime.EventService{}, HeaderService: runtime.ProvideHeaderInfoService(nil),
			AddressCodec: accountAddressCodec, Authority: authority,
		}
	}
	app.DatanetKeeper = datanetkeeper.NewKeeper(
		keeperEnv(datanettypes.StoreKey), app.AccountKeeper, app.BankKeeper, app.ProtocolPoolKeeper,
	)
	app.ModelregKeeper = modelregkeeper.NewKeeper(
		keeperEnv(modelregtypes.StoreKey), app.AccountKeeper, app.BankKeeper, app.ProtocolPoolKeeper, app.DatanetKeeper,
	)
	// Settlement signatures are EIP-712 typed data bound to the EVM chain id.
	app.AgentstakeKeeper = agentstakekeeper.NewKeeper(
		keeperEnv(agentstaketypes.StoreKey), typedDataChainID(evmChainID), app.AccountKeeper, app.BankKeeper, app.ModelregKeeper,
	)
	app.AttributionKeeper = attributionkeeper.NewKeeper(
		keeperEnv(attributiontypes.StoreKey), app.AccountKeeper, app.BankKeeper, app.ProtocolPoolKeeper, app.DatanetKeeper, app.AgentstakeKeeper,
	)
	// Payment vouchers are EIP-712 typed data bound to the EVM chain id.
	app.InferencefeesKeeper = inferencefeeskeeper.NewKeeper(
		keeperEnv(inferencefeestypes.StoreKey), typedDataChainID(evmChainID), app.AccountKeeper, app.BankKeeper, app.ProtocolPoolKeeper,
		app.ModelregKeeper, app.AgentstakeKeeper, app.AttributionKeeper,
	)
	// The Ethereum bridge reads the bonded validators' power from staking
	// and slashes checkpoint equivocations through x/slashing.
	app.BridgeKeeper = bridgekeeper.NewKeeper(
		keeperEnv(bridgetypes.StoreKey), app.StakingKeeper.ValidatorAddressCodec(), app.AccountKeeper, app.BankKeeper,
		app.StakingKeeper, app.SlashingKeeper,
	)
	app.registerOpenLedgerPrecompiles()
	// The transfer stack deposits IBC transfers as inference credit.
	tmLightClient := app.wireIBCRouting()

	vmModule := vm.NewAppModule(app.EVMKeeper, app.AccountKeeper, app.BankKeeper, app.AccountKeeper.AddressCodec())

	app.ModuleManager = module.NewManager(
		genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, app.txConfig),
		auth.NewAppModule(appCodec, app.AccountKeeper, authsims.RandomGenesisAccounts, nil),
		bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper, nil),
		feegrantmodule.NewAppModule(appCodec, app.AccountKeeper, app.BankKeeper, app.FeeGrantKeeper, app.interfaceRegistry),
		gov.NewAppModule(appCodec, &app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		slashing.NewAppModule(appCodec, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil, app.interfaceRegistry),
		distr.NewAppModule(appCodec, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil),
		protocolpool.NewAppModule(app.ProtocolPoolKeeper, app.AccountKeeper, app.BankKeeper),
		staking.NewAppModule(appCodec, app.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil),
		upgrade.NewAppModule(app.UpgradeKeeper, app.AccountKeeper.AddressCodec()),
		evidence.NewAppModule(app.EvidenceKeeper),
		authzmodule.NewAppModule(appCodec, app.AuthzKeeper, app.AccountKeeper, app.BankKeeper, app.interfaceRegistry),
		consensus.NewAppModule(appCodec, app.ConsensusParamsKeeper),
		ibc.NewAppModule(app.IBCKeeper),
		ibctm.NewAppModule(tmLightClient),
		transfer.NewAppModule(app.TransferKeeper),
		vmModule,
		feemarket.NewAppModule(app.FeeMarketKeeper),
		erc20.NewAppModule(app.Erc20Keeper, app.AccountKeeper),
		datanet.NewAppModule(app.DatanetKeeper),
		modelreg.NewAppModule(app.ModelregKeeper),
		agentstake.NewAppModule(app.AgentstakeKeeper),
		attribution.NewAppModule(app.AttributionKeeper),
		inferencefees.NewAppModule(app.InferencefeesKeeper),
		bridge.NewAppModule(app.BridgeKeeper),
	)
	app.BasicModuleManager = newBasicManager(app.ModuleManager)
	app.BasicModuleManager.RegisterLegacyAminoCodec(app.legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(interfaceRegistry)
	setModuleOrder(app.ModuleManager)

	app.configurator = module.NewConfigurator(appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(fmt.Sprintf("registering module services: %v", err))
	}
	autocliv1.RegisterQueryServer(app.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionService, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionService)

	app.MountKVStores(keys)
	app.MountObjectStores(objectKeys)

	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler(cast.ToUint64(appOpts.Get(srvflags.EVMMaxTxGasWanted)))
	if err := app.configureEVMMempool(appOpts, logger); err != nil {
		panic(fmt.Sprintf("configuring the EVM mempool: %v", err))
	}
	postHandler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(err)
	}
	app.SetPostHandler(postHandler)

	// Upgrade handlers and the upgrade's store loader must be in place before
	// the store is loaded.
	app.setUpgradeHandlers(cast.ToString(appOpts.Get(flags.FlagHome)))

	// Every Msg of this chain must declare its signer in its proto
	// annotations; a mistake there is a programming error, so it stops the
	// node at start-up.
	protoFiles, err := proto.MergedRegistry()
	if err != nil {
		panic(err)
	}
	if err := validateOpenLedgerProtoAnnotations(protoFiles); err != nil {
		panic(err)
	}

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Sprintf("loading the latest state: %v", err))
		}
		// The EVM keeps its coin and chain configuration in process-wide
		// variables; restore them from state after a restart.
		ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight(), ChainID: app.ChainID()})
		vmModule.HydrateGlobals(ctx)
	}

	// Transactions in a block run in parallel (block-STM) where they do not conflict.
	vmrunner.SetRunner(bApp, txnrunner.NewSTMRunner(
		txDecoder, nonTransientKeys,
		min(goruntime.GOMAXPROCS(0), goruntime.NumCPU()), true,
		func(ms storetypes.MultiStore) string {
			return app.EVMKeeper.GetParams(sdk.NewContext(ms, cmtproto.Header{}, false, log.NewNopLogger())).EvmDenom
		},
	))

	return app
}

// typedDataChainID is the chain id in the EIP-712 domain of the typed data
// the AI modules verify (settlements, payment vouchers): the node's EVM chain
// id, or the default one in the CLI's throw-away app, which has none and
// verifies nothing.
func typedDataChainID(evmChainID uint64) uint64 {
	if evmChainID == 0 {
		return config.DefaultEVMChainID
	}
	return evmChainID
}
