package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdkserver "github.com/cosmos/cosmos-sdk/server"

	"github.com/openledger/openledger/app"
)

// errInvariantsBroken is the command's error when a check fails, after the
// report is printed.
var errInvariantsBroken = errors.New("invariants broken")

// invariantsCmd checks the state of a stopped node: it opens the node's
// application database the way export does, loads the latest committed
// height and runs every invariant on a branch of it that is never
// written.
func invariantsCmd(defaultHome string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "invariants",
		Short: "Check the invariants of every module on a stopped node's latest state",
		Long: `Loads the application from --home at the latest committed height and runs
the bank's supply check and every OpenLedger module's invariants, printing one
line a check. It exits with an error if any invariant is broken.

The node must be stopped: its database is locked while it runs. Run it after an
upgrade, after a crash and before an export.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			serverCtx := sdkserver.GetServerContextFromCmd(cmd)
			home, err := cmd.Flags().GetString(flags.FlagHome)
			if err != nil {
				return err
			}
			serverCtx.Config.SetRoot(home)
			if _, err := os.Stat(serverCtx.Config.GenesisFile()); err != nil {
				return fmt.Errorf("%s is not a node home: %w", home, err)
			}
			chainID, err := chainIDFromOptions(serverCtx.Viper)
			if err != nil {
				return err
			}
			db, err := dbm.NewDB("application", sdkserver.GetAppDBBackend(serverCtx.Viper), filepath.Join(home, "data"))
			if err != nil {
				return fmt.Errorf("opening the application database (is the node still running?): %w", err)
			}
			defer db.Close()

			openLedger := app.New(serverCtx.Logger, db, true, serverCtx.Viper, baseapp.SetChainID(chainID))
			results, err := openLedger.CheckInvariants()
			if err != nil {
				return err
			}
			return printInvariants(cmd, openLedger.LastBlockHeight(), results)
		},
	}
	cmd.Flags().String(flags.FlagHome, defaultHome, "The application home directory")
	cmd.Flags().String(flags.FlagChainID, "", "The chain id (default: the one in the home's genesis file)")
	return cmd
}

// printInvariants writes one line a check and returns errInvariantsBroken
// if any check failed.
func printInvariants(cmd *cobra.Command, height int64, results []app.InvariantResult) error {
	out := cmd.OutOrStdout()
	broken := 0
	fmt.Fprintf(out, "invariants at height %d\n", height)
	for _, r := range results {
		if r.Broken {
			broken++
			fmt.Fprintf(out, "%-14s BROKEN  %s\n", r.Name, r.Message)
			continue
		}
		fmt.Fprintf(out, "%-14s ok\n", r.Name)
	}
	if broken > 0 {
		return fmt.Errorf("%w: %d of %d checks", errInvariantsBroken, broken, len(results))
	}
	fmt.Fprintf(out, "all %d checks hold\n", len(results))
	return nil
}
