package cmd

import (
	"slices"

	"github.com/spf13/cobra"

	sdkserver "github.com/cosmos/cosmos-sdk/server"
)

// commandsWritingData are the server commands whose standard output is a
// document (the exported genesis, the invariants report), so that
// `openledgerd export > genesis.json` gives valid JSON and the report is not
// mixed with the application's start-up lines.
var commandsWritingData = []string{"export", "invariants"}

// logToStderrWhenOutputIsData moves the node's logger to standard error for
// the commands in commandsWritingData. The SDK builds the logger on standard
// output, where the application's start-up lines would land in the document.
func logToStderrWhenOutputIsData(cmd *cobra.Command) error {
	if !slices.Contains(commandsWritingData, cmd.Name()) {
		return nil
	}
	serverCtx := sdkserver.GetServerContextFromCmd(cmd)
	logger, err := sdkserver.CreateSDKLogger(serverCtx, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	serverCtx.Logger = logger
	return sdkserver.SetCmdServerContext(cmd, serverCtx)
}
