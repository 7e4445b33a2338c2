package cli

import (
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

const (
	flagUser       = "user"
	flagNonce      = "nonce"
	flagAmount     = "amount"
	flagBatchRoot  = "batch-root"
	flagEVMChainID = "evm-chain-id"
)

// TxCmd is `openledgerd tx agentstake`; AutoCLI adds the generated commands.
func TxCmd() *cobra.Command {
	return clikit.Group(types.ModuleName, "Agent staking transactions: register, stake, unbond, unjail, equivocation evidence", SignSettlementCmd(), SubmitEquivocationCmd())
}

// SignSettlementCmd prints a SignedSettlement signed by the --from key.
func SignSettlementCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sign-settlement --user ADDR --nonce N --amount AOPEN --batch-root HEX --from KEY",
		Short: "Sign a serving node's settlement statement for one voucher and print it as JSON",
		Long: `Sign the EIP-712 Settlement statement a serving node makes for each voucher
it settles: (serving node = the --from key, user, nonce, cumulative amount in
aopen, batch receipts root). The key must be an eth_secp256k1 key. The EVM
chain id of the signing domain is read from the chain unless --evm-chain-id
is given (then no node is contacted). Two statements of the same voucher that
differ are equivocation evidence: see submit-equivocation.`,
		Example: `  openledgerd tx agentstake sign-settlement --user open1... --nonce 7 --amount 3000000000000000000 \
      --batch-root 6a09e667f3bcc908b2fb1366ea957d3e3adec17512775099da2f590b0667322a --from node > first.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			if clientCtx.FromName == "" {
				return fmt.Errorf("--%s is required", flags.FlagFrom)
			}
			s, err := settlementFromFlags(cmd, clientCtx)
			if err != nil {
				return err
			}
			chainID, err := cmd.Flags().GetUint64(flagEVMChainID)
			if err != nil {
				return err
			}
			if chainID == 0 {
				resp, err := types.NewQueryClient(clientCtx).SettlementDomain(cmd.Context(), &types.QuerySettlementDomainRequest{})
				if err != nil {
					return fmt.Errorf("reading the EVM chain id from the chain (or pass --%s): %w", flagEVMChainID, err)
				}
				chainID = resp.EvmChainId
			}
			sig, err := SignSettlement(clientCtx.Keyring, clientCtx.FromName, s, chainID)
			if err != nil {
				return err
			}
			out := &types.SignedSettlement{
				ServingNode: clientCtx.FromAddress.String(), User: sdk.AccAddress(s.User).String(), Nonce: s.Nonce,
				CumulativeAmount: s.CumulativeAmount, BatchRoot: s.BatchRoot, Signature: sig,
			}
			bz, err := clientCtx.Codec.MarshalJSON(out)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), string(bz))
			return err
		},
	}
	f := cmd.Flags()
	f.String(flagUser, "", "the voucher's user (bech32 account address)")
	f.Uint64(flagNonce, 0, "the voucher's nonce")
	f.String(flagAmount, "", "the voucher's cumulative amount, in aopen")
	f.String(flagBatchRoot, "", "the batch's receipts root, 32 bytes in hex")
	f.Uint64(flagEVMChainID, 0, "EVM chain id of the signing domain (0: ask the chain)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// settlementFromFlags builds the Settlement of the --from key from the flags.
func settlementFromFlags(cmd *cobra.Command, clientCtx client.Context) (types.Settlement, error) {
	userStr, _ := cmd.Flags().GetString(flagUser)
	user, err := sdk.AccAddressFromBech32(userStr)
	if err != nil {
		return types.Settlement{}, fmt.Errorf("--%s %q: %w", flagUser, userStr, err)
	}
	nonce, err := cmd.Flags().GetUint64(flagNonce)
	if err != nil {
		return types.Settlement{}, err
	}
	amountStr, _ := cmd.Flags().GetString(flagAmount)
	amount, ok := math.NewIntFromString(amountStr)
	if !ok || amount.IsNegative() {
		return types.Settlement{}, fmt.Errorf("--%s %q must be a non-negative integer amount of aopen", flagAmount, amountStr)
	}
	rootStr, _ := cmd.Flags().GetString(flagBatchRoot)
	root, err := hex.DecodeString(strings.TrimPrefix(rootStr, "0x"))
	if err != nil || len(root) != types.HashLength {
		return types.Settlement{}, fmt.Errorf("--%s must be %d bytes in hex", flagBatchRoot, types.HashLength)
	}
	return types.Settlement{
		ServingNode: clientCtx.FromAddress, User: user, Nonce: nonce, CumulativeAmount: amount, BatchRoot: root,
	}, nil
}

// SubmitEquivocationCmd submits two conflicting signed settlements.
func SubmitEquivocationCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-equivocation <first.json> <second.json>",
		Short: "Prove that a serving node signed two conflicting settlements of one voucher; earns the challenger reward",
		Long: `Submit two SignedSettlement JSON files (as printed by sign-settlement, or
collected from a serving node) about the same voucher (serving node, user,
nonce) with different amounts or batch roots. The node is slashed for
equivocation and tombstoned; the signer receives the challenger reward.`,
		Example: `  openledgerd tx agentstake submit-equivocation first.json second.json --from watcher --gas auto --gas-prices 1000000000aopen`,
		Args:    cobra.ExactArgs(2),
		RunE: clikit.BroadcastTx(func(cmd *cobra.Command, clientCtx client.Context, args []string) (sdk.Msg, error) {
			var pair [2]types.SignedSettlement
			for i, path := range args {
				bz, err := os.ReadFile(path)
				if err != nil {
					return nil, err
				}
				if err := clientCtx.Codec.UnmarshalJSON(bz, &pair[i]); err != nil {
					return nil, fmt.Errorf("%s: %w", path, err)
				}
			}
			msg := &types.MsgSubmitEquivocation{
				Submitter: clientCtx.GetFromAddress().String(), First: pair[0], Second: pair[1],
			}
			return msg, nil
		}),
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
