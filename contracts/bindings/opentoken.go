// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// OpenTokenMetaData contains all meta data concerning the OpenToken contract.
var OpenTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"TOTAL_SUPPLY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "OpenToken",
	Bin: "0x608060405234801561000f575f5ffd5b50604051610ac5380380610ac583398101604081905261002e91610212565b6040518060400160405280600a81526020016927b832b72632b233b2b960b11b8152506040518060400160405280600481526020016327a822a760e11b815250816003908161007d91906102d7565b50600461008a82826102d7565b5050506100a9816b033b2e3c9fd0803ce80000006100af60201b60201c565b506103b6565b6001600160a01b0382166100dd5760405163ec442f0560e01b81525f60048201526024015b60405180910390fd5b6100e85f83836100ec565b5050565b6001600160a01b038316610116578060025f82825461010b9190610391565b909155506101869050565b6001600160a01b0383165f90815260208190526040902054818110156101685760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016100d4565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b0382166101a2576002805482900390556101c0565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161020591815260200190565b60405180910390a3505050565b5f60208284031215610222575f5ffd5b81516001600160a01b0381168114610238575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061026757607f821691505b60208210810361028557634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102d257805f5260205f20601f840160051c810160208510156102b05750805b601f840160051c820191505b818110156102cf575f81556001016102bc565b50505b505050565b81516001600160401b038111156102f0576102f061023f565b610304816102fe8454610253565b8461028b565b6020601f821160018114610336575f831561031f5750848201515b5f19600385901b1c1916600184901b1784556102cf565b5f84815260208120601f198516915b828110156103655787850151825560209485019460019092019101610345565b508482101561038257868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b808201808211156103b057634e487b7160e01b5f52601160045260245ffd5b92915050565b610702806103c35f395ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c806370a082311161006357806370a0823114610114578063902d55a51461013c57806395d89b411461014f578063a9059cbb14610157578063dd62ed3e1461016a575f5ffd5b806306fdde031461009f578063095ea7b3146100bd57806318160ddd146100e057806323b872dd146100f2578063313ce56714610105575b5f5ffd5b6100a76101a2565b6040516100b49190610572565b60405180910390f35b6100d06100cb3660046105c2565b610232565b60405190151581526020016100b4565b6002545b6040519081526020016100b4565b6100d06101003660046105ea565b61024b565b604051601281526020016100b4565b6100e4610122366004610624565b6001600160a01b03165f9081526020819052604090205490565b6100e46b033b2e3c9fd0803ce800000081565b6100a761026e565b6100d06101653660046105c2565b61027d565b6100e4610178366004610644565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b6060600380546101b190610675565b80601f01602080910402602001604051908101604052809291908181526020018280546101dd90610675565b80156102285780601f106101ff57610100808354040283529160200191610228565b820191905f5260205f20905b81548152906001019060200180831161020b57829003601f168201915b5050505050905090565b5f3361023f81858561028a565b60019150505b92915050565b5f3361025885828561029c565b61026385858561031d565b506001949350505050565b6060600480546101b190610675565b5f3361023f81858561031d565b610297838383600161037a565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f19811015610317578181101561030957604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064015b60405180910390fd5b61031784848484035f61037a565b50505050565b6001600160a01b03831661034657604051634b637e8f60e11b81525f6004820152602401610300565b6001600160a01b03821661036f5760405163ec442f0560e01b81525f6004820152602401610300565b61029783838361044c565b6001600160a01b0384166103a35760405163e602df0560e01b81525f6004820152602401610300565b6001600160a01b0383166103cc57604051634a1406b160e11b81525f6004820152602401610300565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561031757826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9258460405161043e91815260200190565b60405180910390a350505050565b6001600160a01b038316610476578060025f82825461046b91906106ad565b909155506104e69050565b6001600160a01b0383165f90815260208190526040902054818110156104c85760405163391434e360e21b81526001600160a01b03851660048201526024810182905260448101839052606401610300565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661050257600280548290039055610520565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161056591815260200190565b60405180910390a3505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b03811681146105bd575f5ffd5b919050565b5f5f604083850312156105d3575f5ffd5b6105dc836105a7565b946020939093013593505050565b5f5f5f606084860312156105fc575f5ffd5b610605846105a7565b9250610613602085016105a7565b929592945050506040919091013590565b5f60208284031215610634575f5ffd5b61063d826105a7565b9392505050565b5f5f60408385031215610655575f5ffd5b61065e836105a7565b915061066c602084016105a7565b90509250929050565b600181811c9082168061068957607f821691505b6020821081036106a757634e487b7160e01b5f52602260045260245ffd5b50919050565b8082018082111561024557634e487b7160e01b5f52601160045260245ffdfea264697066735822122029da68e7170184672f1d521dae5c1e64e0f9567789f58d58963c8eb5a7c98b7f64736f6c634300081c0033",
}

// OpenToken is an auto generated Go binding around an Ethereum contract.
type OpenToken struct {
	abi abi.ABI
}

// NewOpenToken creates a new instance of OpenToken.
func NewOpenToken() *OpenToken {
	parsed, err := OpenTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &OpenToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *OpenToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address holder) returns()
func (openToken *OpenToken) PackConstructor(holder common.Address) []byte {
	enc, err := openToken.abi.Pack("", holder)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackTOTALSUPPLY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x902d55a5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function TOTAL_SUPPLY() view returns(uint256)
func (openToken *OpenToken) PackTOTALSUPPLY() []byte {
	enc, err := openToken.abi.Pack("TOTAL_SUPPLY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTOTALSUPPLY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x902d55a5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function TOTAL_SUPPLY() view returns(uint256)
func (openToken *OpenToken) TryPackTOTALSUPPLY() ([]byte, error) {
	return openToken.abi.Pack("TOTAL_SUPPLY")
}

// UnpackTOTALSUPPLY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x902d55a5.
//
// Solidity: function TOTAL_SUPPLY() view returns(uint256)
func (openToken *OpenToken) UnpackTOTALSUPPLY(data []byte) (*big.Int, error) {
	out, err := openToken.abi.Unpack("TOTAL_SUPPLY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (openToken *OpenToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := openToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (openToken *OpenToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return openToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (openToken *OpenToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := openToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (openToken *OpenToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := openToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (openToken *OpenToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return openToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (openToken *OpenToken) UnpackApprove(data []byte) (bool, error) {
	out, err := openToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (openToken *OpenToken) PackBalanceOf(account common.Address) []byte {
	enc, err := openToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (openToken *OpenToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return openToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (openToken *OpenToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := openToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (openToken *OpenToken) PackDecimals() []byte {
	enc, err := openToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (openToken *OpenToken) TryPackDecimals() ([]byte, error) {
	return openToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (openToken *OpenToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := openToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (openToken *OpenToken) PackName() []byte {
	enc, err := openToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (openToken *OpenToken) TryPackName() ([]byte, error) {
	return openToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (openToken *OpenToken) UnpackName(data []byte) (string, error) {
	out, err := openToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (openToken *OpenToken) PackSymbol() []byte {
	enc, err := openToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (openToken *OpenToken) TryPackSymbol() ([]byte, error) {
	return openToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (openToken *OpenToken) UnpackSymbol(data []byte) (string, error) {
	out, err := openToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (openToken *OpenToken) PackTotalSupply() []byte {
	enc, err := openToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (openToken *OpenToken) TryPackTotalSupply() ([]byte, error) {
	return openToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (openToken *OpenToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := openToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (openToken *OpenToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := openToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (openToken *OpenToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return openToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (openToken *OpenToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := openToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (openToken *OpenToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := openToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (openToken *OpenToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return openToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (openToken *OpenToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := openToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// OpenTokenApproval represents a Approval event raised by the OpenToken contract.
type OpenTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const OpenTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (OpenTokenApproval) ContractEventName() string {
	return OpenTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (openToken *OpenToken) UnpackApprovalEvent(log *types.Log) (*OpenTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 || log.Topics[0] != openToken.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenTokenApproval)
	if len(log.Data) > 0 {
		if err := openToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// OpenTokenTransfer represents a Transfer event raised by the OpenToken contract.
type OpenTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const OpenTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (OpenTokenTransfer) ContractEventName() string {
	return OpenTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (openToken *OpenToken) UnpackTransferEvent(log *types.Log) (*OpenTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 || log.Topics[0] != openToken.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenTokenTransfer)
	if len(log.Data) > 0 {
		if err := openToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (openToken *OpenToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], openToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return openToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// OpenTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the OpenToken contract.
type OpenTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func OpenTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (openToken *OpenToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*OpenTokenERC20InsufficientAllowance, error) {
	out := new(OpenTokenERC20InsufficientAllowance)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the OpenToken contract.
type OpenTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func OpenTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (openToken *OpenToken) UnpackERC20InsufficientBalanceError(raw []byte) (*OpenTokenERC20InsufficientBalance, error) {
	out := new(OpenTokenERC20InsufficientBalance)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the OpenToken contract.
type OpenTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func OpenTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (openToken *OpenToken) UnpackERC20InvalidApproverError(raw []byte) (*OpenTokenERC20InvalidApprover, error) {
	out := new(OpenTokenERC20InvalidApprover)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the OpenToken contract.
type OpenTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func OpenTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (openToken *OpenToken) UnpackERC20InvalidReceiverError(raw []byte) (*OpenTokenERC20InvalidReceiver, error) {
	out := new(OpenTokenERC20InvalidReceiver)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the OpenToken contract.
type OpenTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func OpenTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (openToken *OpenToken) UnpackERC20InvalidSenderError(raw []byte) (*OpenTokenERC20InvalidSender, error) {
	out := new(OpenTokenERC20InvalidSender)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the OpenToken contract.
type OpenTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func OpenTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (openToken *OpenToken) UnpackERC20InvalidSpenderError(raw []byte) (*OpenTokenERC20InvalidSpender, error) {
	out := new(OpenTokenERC20InvalidSpender)
	if err := openToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}
