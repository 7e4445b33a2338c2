package bridge

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/openledger/openledger/x/bridge/types"
	"github.com/openledger/openledger/x/internal/clikit"
)

// AutoCLIOptions builds `openledgerd tx bridge ...` and
// `openledgerd query bridge ...` from the Msg and Query services. Amounts
// are integers in aopen; signatures are hex (without 0x) or base64.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: clikit.Service(types.Query_serviceDesc.ServiceName, false,
			clikit.ParamsQuery(),
			clikit.Command("EthSigner", "eth-signer <openvaloper...>", "Show a validator's registered Ethereum key", "validator"),
			clikit.Command("EthSigners", "eth-signers", "List the registered Ethereum keys"),
			clikit.Command("Withdrawal", "withdrawal <nonce>", "Show a withdrawal", "nonce"),
			clikit.Command("WithdrawalProof", "withdrawal-proof <nonce>", "Show a withdrawal's leaf, Merkle proof and root, once its checkpoint exists", "nonce"),
			clikit.Command("Checkpoint", "checkpoint <nonce>", "Show a checkpoint, its EIP-712 digest and its signatures", "nonce"),
			clikit.Command("LatestCheckpoint", "latest-checkpoint", "Show the last checkpoint, its EIP-712 digest and its signatures"),
			clikit.Command("Status", "status", "Show the escrow, its L1 accounting and the bridge's nonces"),
			clikit.Command("DepositAttestations", "deposit-attestations <deposit-nonce>", "List the attested claims of an L1 deposit", "deposit_nonce"),
			clikit.Command("Equivocations", "equivocations", "List the recorded checkpoint equivocations"),
		),
		Tx: clikit.Service(types.Msg_serviceDesc.ServiceName, false,
			clikit.Command("RegisterEthKey", "register-eth-key <0x-address> <signature-hex>",
				"Register (or rotate) your validator's Ethereum signing key; the signature is the key's EIP-712 signature of EthKeyRegistration", "eth_address", "signature"),
			clikit.Command("Withdraw", "withdraw <0x-recipient> <amount-aopen>", "Escrow aopen to be released to an Ethereum address", "eth_recipient", "amount"),
			clikit.Command("SubmitCheckpointSignature", "submit-checkpoint-signature <nonce> <signature-hex>",
				"Submit your validator key's signature of a checkpoint's EIP-712 digest", "nonce", "signature"),
			clikit.Command("AttestDeposit", "attest-deposit <deposit-nonce> <0x-eth-sender> <recipient> <amount-aopen> <l1-block>",
				"Attest, as a bonded validator, a deposit into the L1 bridge contract", "deposit_nonce", "eth_sender", "recipient", "amount", "l1_block"),
			clikit.Command("AttestCheckpointAccepted", "attest-checkpoint-accepted <nonce>", "Attest, as a bonded validator, that L1 accepted a checkpoint", "nonce"),
			clikit.Command("SubmitBridgeEquivocation", "submit-bridge-equivocation <first-json> <second-json>",
				"Submit two different checkpoints of one nonce signed by one key", "first", "second"),
			clikit.ParamsProposal(),
		),
	}
}
