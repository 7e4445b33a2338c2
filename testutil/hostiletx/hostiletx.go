// Package hostiletx builds the structurally broken transactions an attacker
// can send to a node's RPC, gRPC or peer port: each decodes far enough to
// reach code that assumes a well-formed transaction. The node tests, the fuzz
// seed corpus and the system tests all send this one family.
package hostiletx

import (
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/cosmos/evm/crypto/ethsecp256k1"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/math"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// Case is one hostile transaction.
type Case struct {
	Name string
	Tx   []byte
}

// EVMChainID is the chain id the Ethereum transactions inside the envelopes
// are signed for (the localnet's).
const EVMChainID = 6736

// Cases is the whole family, the minimal crash first: a bank send with no
// auth info and no signatures, which stopped nodes running cosmos/evm v0.7's
// mempool with a nil dereference in the ante handler.
func Cases() []Case { return WithMemo("") }

// WithMemo is the family with memo in every body: the same defects in other
// bytes, for sending each defect through several endpoints of one node
// (CometBFT answers a transaction it has already seen without checking it).
func WithMemo(memo string) []Case {
	send := anyOf(bankSend())
	ethereumOption := anyOf(&evmtypes.ExtensionOptionsEthereumTx{})
	signedEthereumTx := anyOf(ethereumMsg(signedTransfer()))
	emptyEthereumTx := anyOf(&evmtypes.MsgEthereumTx{})
	oneSigner := []*txtypes.SignerInfo{directSigner()}
	oneSignature := [][]byte{make65()}
	fee := &txtypes.Fee{Amount: sdk.NewCoins(sdk.NewCoin("aopen", math.NewInt(200_000_000_000_000))), GasLimit: 200_000}
	authInfo := &txtypes.AuthInfo{SignerInfos: oneSigner, Fee: fee}
	ethereumAuthInfo := &txtypes.AuthInfo{Fee: &txtypes.Fee{GasLimit: 21_000}}

	manyMsgs := make([]*codectypes.Any, 1025)
	for i := range manyMsgs {
		manyMsgs[i] = send
	}
	manySigners := make([]*txtypes.SignerInfo, 65)
	manySignatures := make([][]byte, 65)
	for i := range manySigners {
		manySigners[i], manySignatures[i] = directSigner(), make65()
	}

	body := func(msgs ...*codectypes.Any) txBody {
		return txBody{&txtypes.TxBody{Messages: msgs, Memo: memo}}
	}
	return []Case{
		{"no-auth-info", raw(body(send), nil, nil)},
		{"auth-info-without-fee", raw(body(send), &txtypes.AuthInfo{SignerInfos: oneSigner}, oneSignature)},
		{"gas-limit-above-maximum", raw(body(send), &txtypes.AuthInfo{SignerInfos: oneSigner, Fee: &txtypes.Fee{GasLimit: ^uint64(0)}}, oneSignature)},
		{"signer-info-without-signature", raw(body(send), authInfo, nil)},
		{"signature-without-signer-info", raw(body(send), &txtypes.AuthInfo{Fee: fee}, oneSignature)},
		{"no-signatures", raw(body(send), &txtypes.AuthInfo{Fee: fee}, nil)},
		{"signer-info-without-public-key", raw(body(send), &txtypes.AuthInfo{SignerInfos: []*txtypes.SignerInfo{keylessSigner()}, Fee: fee}, oneSignature)},
		{"signer-info-with-a-message-as-public-key", raw(body(send), &txtypes.AuthInfo{SignerInfos: []*txtypes.SignerInfo{{PublicKey: send, ModeInfo: directSigner().ModeInfo}}, Fee: fee}, oneSignature)},
		{"signer-info-without-sign-mode", raw(body(send), &txtypes.AuthInfo{SignerInfos: []*txtypes.SignerInfo{{Sequence: 1}}, Fee: fee}, oneSignature)},
		{"no-messages", raw(body(), authInfo, oneSignature)},
		{"empty-message", raw(body(&codectypes.Any{}), authInfo, oneSignature)},
		{"unknown-message-type", raw(body(&codectypes.Any{TypeUrl: "/openledger.nothing.v1.MsgNothing", Value: []byte{0x0a, 0x01, 0x78}}), authInfo, oneSignature)},
		{"too-many-messages", raw(body(manyMsgs...), authInfo, oneSignature)},
		{"too-many-signatures", raw(body(send), &txtypes.AuthInfo{SignerInfos: manySigners, Fee: fee}, manySignatures)},
		{"ethereum-msg-without-transaction", raw(body(emptyEthereumTx).withOptions(ethereumOption), ethereumAuthInfo, nil)},
		{"ethereum-msg-beside-another-msg", raw(body(signedEthereumTx, send).withOptions(ethereumOption), ethereumAuthInfo, nil)},
		{"ethereum-option-on-cosmos-msg", raw(body(send).withOptions(ethereumOption), ethereumAuthInfo, nil)},
		{"ethereum-msg-without-option", raw(body(signedEthereumTx), ethereumAuthInfo, nil)},
		{"ethereum-msg-with-cosmos-signature", raw(body(signedEthereumTx).withOptions(ethereumOption), &txtypes.AuthInfo{SignerInfos: oneSigner, Fee: &txtypes.Fee{GasLimit: 21_000}}, oneSignature)},
	}
}

// Minimal is the first case: the 143 bytes that stopped a node.
func Minimal() []byte { return Cases()[0].Tx }

type txBody struct{ *txtypes.TxBody }

func (b txBody) withOptions(options ...*codectypes.Any) txBody {
	b.ExtensionOptions = options
	return b
}

func raw(b txBody, authInfo *txtypes.AuthInfo, signatures [][]byte) []byte {
	txRaw := &txtypes.TxRaw{BodyBytes: marshal(b.TxBody), Signatures: signatures}
	if authInfo != nil {
		txRaw.AuthInfoBytes = marshal(authInfo)
	}
	return marshal(txRaw)
}

func bankSend() *banktypes.MsgSend {
	from := sdk.MustBech32ifyAddressBytes("open", crypto.PubkeyToAddress(fixedKey(1).PublicKey).Bytes())
	to := sdk.MustBech32ifyAddressBytes("open", crypto.PubkeyToAddress(fixedKey(2).PublicKey).Bytes())
	return &banktypes.MsgSend{FromAddress: from, ToAddress: to, Amount: sdk.NewCoins(sdk.NewCoin("aopen", math.NewInt(1000)))}
}

// directSigner is a signer info as wallets send it: a public key and the
// direct sign mode.
func directSigner() *txtypes.SignerInfo {
	info := keylessSigner()
	info.PublicKey = anyOf(&ethsecp256k1.PubKey{Key: crypto.CompressPubkey(&fixedKey(1).PublicKey)})
	return info
}

// keylessSigner leaves the public key out, as the SDK allows for an account
// whose key is already on chain.
func keylessSigner() *txtypes.SignerInfo {
	return &txtypes.SignerInfo{ModeInfo: &txtypes.ModeInfo{
		Sum: &txtypes.ModeInfo_Single_{Single: &txtypes.ModeInfo_Single{Mode: signingtypes.SignMode_SIGN_MODE_DIRECT}},
	}}
}

// make65 is a signature-sized run of bytes; no check gets as far as
// verifying it.
func make65() []byte {
	signature := make([]byte, 65)
	for i := range signature {
		signature[i] = byte(i + 1)
	}
	return signature
}

// signedTransfer is a well-formed Ethereum value transfer, so that only the
// envelope around it is wrong.
func signedTransfer() *types.Transaction {
	to := crypto.PubkeyToAddress(fixedKey(2).PublicKey)
	tx, err := types.SignNewTx(fixedKey(1), types.LatestSignerForChainID(big.NewInt(EVMChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(EVMChainID), Nonce: 0, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(10_000_000_000),
		Gas: 21_000, To: &to, Value: big.NewInt(1),
	})
	if err != nil {
		panic(err)
	}
	return tx
}

func ethereumMsg(tx *types.Transaction) *evmtypes.MsgEthereumTx {
	msg := &evmtypes.MsgEthereumTx{}
	msg.FromEthereumTx(tx)
	return msg
}

// fixedKey is a deterministic secp256k1 key, so the family's bytes are the
// same on every run.
func fixedKey(seed byte) *ecdsa.PrivateKey {
	secret := make([]byte, 32)
	secret[31] = seed
	key, err := crypto.ToECDSA(secret)
	if err != nil {
		panic(err)
	}
	return key
}

func anyOf(msg gogoproto.Message) *codectypes.Any {
	value, err := codectypes.NewAnyWithValue(msg)
	if err != nil {
		panic(err)
	}
	return value
}

func marshal(msg gogoproto.Message) []byte {
	bz, err := gogoproto.Marshal(msg)
	if err != nil {
		panic(err)
	}
	return bz
}
