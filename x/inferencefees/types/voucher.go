package types

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	"github.com/openledger/openledger/x/internal/eip712"
)

// VoucherType is the EIP-712 type a user signs to pay a serving node. The
// amount is cumulative over the (user, serving node) channel: each new
// voucher replaces the previous one, and settling the newest releases
// everything not settled yet.
const VoucherType = "Voucher(address user,address servingNode,uint256 cumulativeAmount,uint64 nonce,uint64 expiry)"

// VoucherPrimaryType is the name of the voucher's struct type.
const VoucherPrimaryType = "Voucher"

var voucherTypeHash = eip712.TypeHash(VoucherType)

// ModuleAddress is the module account's address: the voucher domain's
// verifyingContract and the holder of every credit.
var ModuleAddress = authtypes.NewModuleAddress(ModuleName)

// VoucherDomain is the EIP-712 domain of vouchers: name OpenLedger, version
// 1, the chain's EVM chain id and x/inferencefees' module address.
func VoucherDomain(evmChainID uint64) eip712.Domain {
	return eip712.Domain{ChainID: evmChainID, VerifyingContract: ModuleAddress}
}

// Voucher is what a user signs: "serving node, I have now paid you
// CumulativeAmount in total; settle it before Expiry".
type Voucher struct {
	// User and ServingNode are 20-byte account addresses.
	User        []byte
	ServingNode []byte
	// CumulativeAmount is in aopen.
	CumulativeAmount math.Int
	// Nonce grows with every voucher of the channel.
	Nonce uint64
	// Expiry is a unix time in seconds, compared with the block time.
	Expiry uint64
}

// Digest is the EIP-712 digest the user signs on the chain with evmChainID.
func (v Voucher) Digest(evmChainID uint64) (eip712.Word, error) {
	user, err := eip712.Address(v.User)
	if err != nil {
		return eip712.Word{}, fmt.Errorf("user: %w", err)
	}
	node, err := eip712.Address(v.ServingNode)
	if err != nil {
		return eip712.Word{}, fmt.Errorf("serving node: %w", err)
	}
	if v.CumulativeAmount.IsNil() {
		return eip712.Word{}, fmt.Errorf("cumulative amount is missing")
	}
	amount, err := eip712.Uint256(v.CumulativeAmount.BigInt())
	if err != nil {
		return eip712.Word{}, fmt.Errorf("cumulative amount: %w", err)
	}
	return eip712.Digest(VoucherDomain(evmChainID), eip712.HashStruct(voucherTypeHash,
		user, node, amount, eip712.Uint64(v.Nonce), eip712.Uint64(v.Expiry)))
}

// VerifySignature checks that sig (65 bytes r ‖ s ‖ v, v 0/1 or 27/28,
// low s) is the user's signature of the voucher on the chain with
// evmChainID.
func (v Voucher) VerifySignature(evmChainID uint64, sig []byte) error {
	digest, err := v.Digest(evmChainID)
	if err != nil {
		return err
	}
	signer, err := eip712.RecoverAddress(digest, sig)
	if err != nil {
		return err
	}
	if !bytes.Equal(signer, v.User) {
		return fmt.Errorf("signed by 0x%X, not by the user 0x%X", signer, v.User)
	}
	return nil
}

// Settlement is the x/agentstake statement the serving node signs when it
// settles this voucher in a batch with receiptsRoot.
func (v Voucher) Settlement(receiptsRoot []byte) agentstaketypes.Settlement {
	return agentstaketypes.Settlement{
		ServingNode:      v.ServingNode,
		User:             v.User,
		Nonce:            v.Nonce,
		CumulativeAmount: v.CumulativeAmount,
		BatchRoot:        receiptsRoot,
	}
}

// TypedDataField is one member of an EIP-712 struct type.
type TypedDataField struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// TypedDataTypes are the struct types of the voucher's typed data.
type TypedDataTypes struct {
	EIP712Domain []TypedDataField `json:"EIP712Domain"`
	Voucher      []TypedDataField `json:"Voucher"`
}

// TypedDataDomain is the domain as wallets expect it.
type TypedDataDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// TypedDataMessage is the voucher as wallets expect it: 0x addresses and
// decimal strings for the integers (exact in JavaScript at any size).
type TypedDataMessage struct {
	User             string `json:"user"`
	ServingNode      string `json:"servingNode"`
	CumulativeAmount string `json:"cumulativeAmount"`
	Nonce            string `json:"nonce"`
	Expiry           string `json:"expiry"`
}

// TypedData is the voucher in the JSON form of eth_signTypedData_v4.
type TypedData struct {
	Types       TypedDataTypes   `json:"types"`
	PrimaryType string           `json:"primaryType"`
	Domain      TypedDataDomain  `json:"domain"`
	Message     TypedDataMessage `json:"message"`
}

// TypedData returns the voucher as eth_signTypedData_v4 typed data: the
// exact object a wallet such as MetaMask signs to produce a signature that
// VerifySignature accepts.
func (v Voucher) TypedData(evmChainID uint64) (TypedData, error) {
	if len(v.User) != 20 || len(v.ServingNode) != 20 {
		return TypedData{}, fmt.Errorf("user and serving node must be 20-byte addresses")
	}
	if v.CumulativeAmount.IsNil() || v.CumulativeAmount.IsNegative() {
		return TypedData{}, fmt.Errorf("cumulative amount must be set and not negative")
	}
	return TypedData{
		Types: TypedDataTypes{
			EIP712Domain: []TypedDataField{
				{Name: "name", Type: "string"},
				{Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"},
			},
			Voucher: []TypedDataField{
				{Name: "user", Type: "address"},
				{Name: "servingNode", Type: "address"},
				{Name: "cumulativeAmount", Type: "uint256"},
				{Name: "nonce", Type: "uint64"},
				{Name: "expiry", Type: "uint64"},
			},
		},
		PrimaryType: VoucherPrimaryType,
		Domain: TypedDataDomain{
			Name:              eip712.DomainName,
			Version:           eip712.DomainVersion,
			ChainID:           evmChainID,
			VerifyingContract: common.BytesToAddress(ModuleAddress).Hex(),
		},
		Message: TypedDataMessage{
			User:             common.BytesToAddress(v.User).Hex(),
			ServingNode:      common.BytesToAddress(v.ServingNode).Hex(),
			CumulativeAmount: v.CumulativeAmount.String(),
			Nonce:            strconv.FormatUint(v.Nonce, 10),
			Expiry:           strconv.FormatUint(v.Expiry, 10),
		},
	}, nil
}

// TypedDataJSON is TypedData marshalled to JSON.
func (v Voucher) TypedDataJSON(evmChainID uint64) ([]byte, error) {
	td, err := v.TypedData(evmChainID)
	if err != nil {
		return nil, err
	}
	return json.Marshal(td)
}
