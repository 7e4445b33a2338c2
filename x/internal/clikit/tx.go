package clikit

import (
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Group is a module's `openledgerd tx <module>` or `openledgerd query
// <module>` command with its hand-written commands; AutoCLI adds the
// generated ones.
func Group(module, short string, cmds ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        module,
		Short:                      short,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(cmds...)
	return cmd
}

// BroadcastTx is the RunE of a hand-written transaction command: build
// makes the message from the command's client context (its --from account)
// and arguments, and the message is broadcast, or printed with
// --generate-only.
func BroadcastTx(build func(cmd *cobra.Command, clientCtx client.Context, args []string) (sdk.Msg, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		clientCtx, err := client.GetClientTxContext(cmd)
		if err != nil {
			return err
		}
		msg, err := build(cmd, clientCtx, args)
		if err != nil {
			return err
		}
		return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
	}
}
