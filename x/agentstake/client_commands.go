package agentstake

import (
	"github.com/spf13/cobra"

	"github.com/openledger/openledger/x/agentstake/client/cli"
)

// GetTxCmd adds the client-side transaction commands (sign-settlement and
// submit-equivocation, which read and sign settlements); AutoCLI fills in the
// rest.
func (AppModule) GetTxCmd() *cobra.Command { return cli.TxCmd() }
