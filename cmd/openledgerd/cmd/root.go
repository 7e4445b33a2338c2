// Package cmd builds the openledgerd command tree: the node (start, init,
// genesis), keys, transactions and queries.
package cmd

import (
	"os"

	"github.com/spf13/cobra"

	cmtcli "github.com/cometbft/cometbft/libs/cli"

	dbm "github.com/cosmos/cosmos-db"
	evmclient "github.com/cosmos/evm/client"
	evmdebug "github.com/cosmos/evm/client/debug"
	"github.com/cosmos/evm/crypto/hd"
	evmserver "github.com/cosmos/evm/server"
	srvflags "github.com/cosmos/evm/server/flags"

	"cosmossdk.io/log/v2"
	confixcmd "cosmossdk.io/tools/confix/cmd"

	"github.com/cosmos/cosmos-sdk/client"
	clientcfg "github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/pruning"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/client/snapshot"
	sdkserver "github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authcmd "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	txmodule "github.com/cosmos/cosmos-sdk/x/auth/tx/config"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
)

// NewRootCmd returns the openledgerd root command.
func NewRootCmd() *cobra.Command {
	sdkConfig := sdk.GetConfig()
	config.SetAddressConfig(sdkConfig)
	sdkConfig.Seal()

	// A throw-away in-memory app supplies the codecs and the AutoCLI
	// descriptors of every module.
	tempApp := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.EmptyAppOptions{})
	defaultHome := config.DefaultNodeHome()

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.GetTxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithBroadcastMode(flags.BroadcastSync).
		WithHomeDir(defaultHome).
		WithViper("OPENLEDGERD").
		// Keys are eth_secp256k1 (coin type 60), like MetaMask's.
		WithKeyringOptions(hd.EthSecp256k1Option()).
		WithLedgerHasProtobuf(true)

	rootCmd := &cobra.Command{
		Use:   config.AppName,
		Short: "OpenLedger node and client: the blockchain for AI data, models and attribution",
		Long: `openledgerd runs an OpenLedger node and is its command-line client.

OpenLedger is a Cosmos SDK chain with an EVM: OPEN (denom aopen, 18 decimals)
pays for transactions and inference, addresses are open1... (or 0x... in EVM
tools), and the same eth_secp256k1 key works here, in MetaMask and in Keplr.`,
		SilenceUsage: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())

			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			if clientCtx, err = clientcfg.ReadFromClientConfig(clientCtx); err != nil {
				return err
			}
			// SIGN_MODE_TEXTUAL reads coin metadata from a node, so it is
			// only offered when one is reachable.
			if !clientCtx.Offline {
				txConfig, err := authtx.NewTxConfigWithOptions(clientCtx.Codec, authtx.ConfigOptions{
					EnabledSignModes:           append(authtx.DefaultSignModes, signing.SignMode_SIGN_MODE_TEXTUAL), //nolint:gocritic
					TextualCoinMetadataQueryFn: txmodule.NewGRPCCoinMetadataQueryFn(clientCtx),
				})
				if err != nil {
					return err
				}
				clientCtx = clientCtx.WithTxConfig(txConfig)
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}

			appConfig := config.DefaultAppConfig()
			if err := sdkserver.InterceptConfigsPreRunHandler(cmd, config.AppConfigTemplate, appConfig, config.DefaultCometConfig()); err != nil {
				return err
			}
			return logToStderrWhenOutputIsData(cmd)
		},
	}

	addCommands(rootCmd, tempApp, defaultHome)

	autoCliOpts := tempApp.AutoCliOpts()
	initClientCtx, _ = clientcfg.ReadFromClientConfig(initClientCtx)
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	return rootCmd
}

func addCommands(rootCmd *cobra.Command, tempApp *app.OpenLedgerApp, defaultHome string) {
	sdkAppCreator := func(l log.Logger, db dbm.DB, opts servertypes.AppOptions) servertypes.Application {
		return newApp(l, db, opts)
	}
	rootCmd.AddCommand(
		genutilcli.InitCmd(tempApp.BasicModuleManager, defaultHome),
		genutilcli.Commands(tempApp.TxConfig(), tempApp.BasicModuleManager, defaultHome),
		cmtcli.NewCompletionCmd(rootCmd, true),
		evmdebug.Cmd(),
		confixcmd.ConfigCommand(),
		pruning.Cmd(sdkAppCreator, defaultHome),
		snapshot.Cmd(sdkAppCreator),
	)

	// start, comet, export, rollback... with the EVM JSON-RPC server.
	evmserver.AddCommands(rootCmd, evmserver.NewDefaultStartOptions(newApp, defaultHome), exportApp, func(*cobra.Command) {})

	rootCmd.AddCommand(
		evmclient.KeyCommands(defaultHome, true),
		sdkserver.StatusCommand(),
		queryCommand(),
		txCommand(),
		invariantsCmd(defaultHome),
	)

	if _, err := srvflags.AddTxFlags(rootCmd); err != nil {
		panic(err)
	}
	// The shared flag definitions give examples in another chain's denom.
	rootCmd.PersistentFlags().Lookup(flags.FlagFees).Usage = "Fees to pay along with the transaction, e.g. 200000000000000aopen"
	rootCmd.PersistentFlags().Lookup(flags.FlagGasPrices).Usage = "Gas price in aopen per unit of gas, e.g. 1000000000aopen (the minimum)"
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Query the chain: balances, transactions, blocks and every module's state",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		rpc.QueryEventForTxCmd(),
		rpc.ValidatorCommand(),
		authcmd.QueryTxsByEventsCmd(),
		authcmd.QueryTxCmd(),
		sdkserver.QueryBlockCmd(),
		sdkserver.QueryBlockResultsCmd(),
	)
	cmd.PersistentFlags().String(flags.FlagChainID, "", "The network chain ID")
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Sign and broadcast transactions",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcmd.GetSignCommand(),
		authcmd.GetSignBatchCommand(),
		authcmd.GetMultiSignCommand(),
		authcmd.GetMultiSignBatchCmd(),
		authcmd.GetValidateSignaturesCommand(),
		authcmd.GetBroadcastCommand(),
		authcmd.GetEncodeCommand(),
		authcmd.GetDecodeCommand(),
		authcmd.GetSimulateCmd(),
	)
	cmd.PersistentFlags().String(flags.FlagChainID, "", "The network chain ID")
	return cmd
}
