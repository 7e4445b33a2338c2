package attribution

import (
	"github.com/spf13/cobra"

	"github.com/openledger/openledger/x/attribution/client/cli"
)

// GetTxCmd adds the client-side transaction commands (challenge-receipt,
// which builds a challenge's Merkle proof from a serving node's published
// receipts); AutoCLI fills in the rest.
func (AppModule) GetTxCmd() *cobra.Command { return cli.TxCmd() }
