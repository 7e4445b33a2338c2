// Package txguard keeps hostile transaction bytes away from the code that
// assumes a well-formed transaction: a decoder that refuses structurally
// incomplete transactions with a coded "tx parse error", and wrappers that turn
// a panic on the paths baseapp does not protect (the mempool's insert and
// recheck loops, which run the ante handler on their own goroutines) into a
// rejected transaction, a logged stack and a counted metric.
package txguard

import (
	"fmt"

	evmtypes "github.com/cosmos/evm/x/vm/types"
	gogoproto "github.com/cosmos/gogoproto/proto"

	errorsmod "cosmossdk.io/errors"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
)

// Bounds on the repeated fields of a transaction. Each is far above what any
// wallet, relayer or settlement batch sends (a settlement is one message; an
// IBC relayer's update-and-receive bundle is a few dozen), and low enough that
// a transaction cannot make a node loop over millions of entries before its
// fee is checked.
const (
	MaxMessages         = 1024
	MaxSignatures       = 64
	MaxSignatureBytes   = 8 << 10 // a 64-key multisig is ~4.3 KiB
	MaxExtensionOptions = 8
	MaxFeeCoins         = 8
)

// ethereumTxOptionURL is the extension option that marks a Cosmos transaction
// as the envelope of one Ethereum transaction.
var ethereumTxOptionURL = "/" + gogoproto.MessageName(&evmtypes.ExtensionOptionsEthereumTx{})

// protoTx is what the SDK's decoded transaction exposes of its proto form.
type protoTx interface {
	GetProtoTx() *txtypes.Tx
}

// NewDecoder wraps the SDK's transaction decoder: bytes that decode but lack a
// part the rest of the node reads unconditionally are refused here, at decode
// time, for every path that decodes (CheckTx from RPC and peers, gRPC
// BroadcastTx and Simulate, proposals and blocks).
func NewDecoder(decode sdk.TxDecoder) sdk.TxDecoder {
	return func(txBytes []byte) (sdk.Tx, error) {
		tx, err := decode(txBytes)
		if err != nil {
			return nil, err
		}
		withProto, ok := tx.(protoTx)
		if !ok {
			return nil, errorsmod.Wrapf(sdkerrors.ErrTxDecode, "unexpected transaction type %T", tx)
		}
		if err := CheckStructure(withProto.GetProtoTx()); err != nil {
			return nil, err
		}
		return tx, nil
	}
}

// CheckStructure reports the first structural defect of a decoded
// transaction, as an ErrTxDecode ("tx parse error") naming it. It checks shape
// only (presence, counts, sizes): signatures, fees and balances are the ante
// handler's.
func CheckStructure(tx *txtypes.Tx) error {
	if tx == nil {
		return parseError("empty transaction")
	}
	if err := checkBody(tx.Body); err != nil {
		return err
	}
	if err := checkAuthInfo(tx.AuthInfo, tx.Signatures); err != nil {
		return err
	}
	if isEthereumEnvelope(tx.Body) {
		return checkEthereumEnvelope(tx)
	}
	if len(tx.Signatures) == 0 {
		return parseError("transaction has no signatures")
	}
	return nil
}

func checkBody(body *txtypes.TxBody) error {
	if body == nil || len(body.Messages) == 0 {
		return parseError("transaction has no messages")
	}
	if len(body.Messages) > MaxMessages {
		return parseError("transaction has %d messages, more than the %d allowed", len(body.Messages), MaxMessages)
	}
	for i, msg := range body.Messages {
		if msg == nil || msg.TypeUrl == "" {
			return parseError("message %d is empty", i)
		}
		if _, ok := msg.GetCachedValue().(sdk.Msg); !ok {
			return parseError("message %d (%q) is not a known message type", i, msg.TypeUrl)
		}
	}
	if n := len(body.ExtensionOptions); n > MaxExtensionOptions {
		return parseError("transaction has %d extension options, more than the %d allowed", n, MaxExtensionOptions)
	}
	if n := len(body.NonCriticalExtensionOptions); n > MaxExtensionOptions {
		return parseError("transaction has %d non-critical extension options, more than the %d allowed", n, MaxExtensionOptions)
	}
	for i, option := range body.ExtensionOptions {
		if option == nil || option.TypeUrl == "" {
			return parseError("extension option %d is empty", i)
		}
	}
	for i, option := range body.NonCriticalExtensionOptions {
		if option == nil {
			return parseError("non-critical extension option %d is empty", i)
		}
	}
	return nil
}

func checkAuthInfo(authInfo *txtypes.AuthInfo, signatures [][]byte) error {
	if authInfo == nil || (authInfo.Fee == nil && len(authInfo.SignerInfos) == 0) {
		return parseError("transaction has no auth info")
	}
	fee := authInfo.Fee
	switch {
	case fee == nil:
		return parseError("transaction has no fee")
	case fee.GasLimit > txtypes.MaxGasWanted:
		return parseError("gas limit %d is above the maximum %d", fee.GasLimit, txtypes.MaxGasWanted)
	case len(fee.Amount) > MaxFeeCoins:
		return parseError("fee has %d coins, more than the %d allowed", len(fee.Amount), MaxFeeCoins)
	}
	for i, coin := range fee.Amount {
		if coin.Amount.IsNil() {
			return parseError("fee coin %d has no amount", i)
		}
	}
	if len(signatures) > MaxSignatures {
		return parseError("transaction has %d signatures, more than the %d allowed", len(signatures), MaxSignatures)
	}
	if len(authInfo.SignerInfos) != len(signatures) {
		return parseError("transaction has %d signer infos but %d signatures", len(authInfo.SignerInfos), len(signatures))
	}
	for i, info := range authInfo.SignerInfos {
		if info == nil || info.ModeInfo == nil || info.ModeInfo.Sum == nil {
			return parseError("signer info %d has no sign mode", i)
		}
		// The SDK lets an account whose key is already on chain leave it
		// out, but cosmos/evm's mempool derives each signer's address from
		// this key before the ante handler runs and dereferences it; every
		// wallet and the CLI send it.
		if info.PublicKey == nil {
			return parseError("signer info %d has no public key", i)
		}
		if _, ok := info.PublicKey.GetCachedValue().(cryptotypes.PubKey); !ok {
			return parseError("signer info %d: %q is not a public key", i, info.PublicKey.TypeUrl)
		}
	}
	// A gas limit of 0 and empty signatures are what a simulation sends
	// (`--gas auto`); the ante handler refuses them in a real transaction.
	for i, signature := range signatures {
		if len(signature) > MaxSignatureBytes {
			return parseError("signature %d is %d bytes, more than the %d allowed", i, len(signature), MaxSignatureBytes)
		}
	}
	return nil
}

// isEthereumEnvelope reports whether a transaction claims to carry an Ethereum
// transaction, by its extension option (which the ante handler routes on) or
// by a MsgEthereumTx message (which the mempool routes on).
func isEthereumEnvelope(body *txtypes.TxBody) bool {
	for _, option := range body.ExtensionOptions {
		if option.TypeUrl == ethereumTxOptionURL {
			return true
		}
	}
	for _, msg := range body.Messages {
		if _, ok := msg.GetCachedValue().(*evmtypes.MsgEthereumTx); ok {
			return true
		}
	}
	return false
}

// checkEthereumEnvelope requires the one shape cosmos/evm builds: a single
// MsgEthereumTx holding a transaction, the Ethereum extension option alone,
// and no Cosmos signatures (the signature is inside the Ethereum transaction).
func checkEthereumEnvelope(tx *txtypes.Tx) error {
	body := tx.Body
	if len(body.Messages) != 1 {
		return parseError("an Ethereum transaction must be the only message, got %d messages", len(body.Messages))
	}
	msg, ok := body.Messages[0].GetCachedValue().(*evmtypes.MsgEthereumTx)
	if !ok {
		return parseError("a transaction with the Ethereum extension option must carry a MsgEthereumTx, got %s", body.Messages[0].TypeUrl)
	}
	if msg.Raw.Transaction == nil {
		return parseError("MsgEthereumTx carries no Ethereum transaction")
	}
	if len(body.ExtensionOptions) != 1 || body.ExtensionOptions[0].TypeUrl != ethereumTxOptionURL {
		return parseError("an Ethereum transaction must have exactly the extension option %s", ethereumTxOptionURL)
	}
	if len(tx.Signatures) != 0 {
		return parseError("an Ethereum transaction carries its signature inside; got %d Cosmos signatures", len(tx.Signatures))
	}
	return nil
}

func parseError(format string, args ...any) error {
	return errorsmod.Wrap(sdkerrors.ErrTxDecode, fmt.Sprintf(format, args...))
}
