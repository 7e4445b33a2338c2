package datanet

import (
	"github.com/spf13/cobra"

	"github.com/openledger/openledger/x/datanet/client/cli"
)

// GetTxCmd adds the client-side transaction commands (contribute-file);
// AutoCLI fills in the rest.
func (AppModule) GetTxCmd() *cobra.Command { return cli.TxCmd() }

// GetQueryCmd adds the client-side query commands (export); AutoCLI fills in
// the rest.
func (AppModule) GetQueryCmd() *cobra.Command { return cli.QueryCmd() }
