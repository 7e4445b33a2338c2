package inferencefees

import (
	"github.com/spf13/cobra"

	"github.com/openledger/openledger/x/inferencefees/client/cli"
)

// GetTxCmd adds the client-side transaction commands (sign-voucher, which
// signs an EIP-712 voucher with a keyring key, and settle-batch, which adds
// the node's settlement signatures to a batch file); AutoCLI fills in the rest.
func (AppModule) GetTxCmd() *cobra.Command { return cli.TxCmd() }
