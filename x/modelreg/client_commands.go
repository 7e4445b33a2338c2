package modelreg

import (
	"github.com/spf13/cobra"

	"github.com/openledger/openledger/x/modelreg/client/cli"
)

// GetTxCmd adds the client-side transaction commands (register, which hashes
// the artifact and reads PEFT folders); AutoCLI fills in the rest.
func (AppModule) GetTxCmd() *cobra.Command { return cli.TxCmd() }
