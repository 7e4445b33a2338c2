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

// BridgeHashingCheckpoint is an auto generated low-level Go binding around an user-defined struct.
type BridgeHashingCheckpoint struct {
	Nonce            uint64
	Height           uint64
	WithdrawalRoot   [32]byte
	SignerValsetHash [32]byte
	NextValsetHash   [32]byte
	LastDepositNonce uint64
	AppHash          [32]byte
}

// OpenLedgerBridgeAcceptedCheckpoint is an auto generated low-level Go binding around an user-defined struct.
type OpenLedgerBridgeAcceptedCheckpoint struct {
	WithdrawalRoot [32]byte
	Digest         [32]byte
	AcceptedAt     uint64
	Vetoed         bool
}

// OpenLedgerBridgeSignature is an auto generated low-level Go binding around an user-defined struct.
type OpenLedgerBridgeSignature struct {
	SignerIndex *big.Int
	V           uint8
	R           [32]byte
	S           [32]byte
}

// OpenLedgerBridgeValset is an auto generated low-level Go binding around an user-defined struct.
type OpenLedgerBridgeValset struct {
	Signers []common.Address
	Powers  []*big.Int
}

// OpenLedgerBridgeMetaData contains all meta data concerning the OpenLedgerBridge contract.
var OpenLedgerBridgeMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"bridgeId_\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"challengeWindow_\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"guardian_\",\"type\":\"address\"},{\"internalType\":\"address[]\",\"name\":\"initialSigners\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"initialPowers\",\"type\":\"uint256[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawalNonce\",\"type\":\"uint256\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BridgeFrozen\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BridgePaused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"name\":\"ChallengeWindowOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"name\":\"CheckpointNotAccepted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"credited\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"made\",\"type\":\"uint64\"}],\"name\":\"DepositsNotMade\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DigestVetoed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"signed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"InsufficientPower\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidRecipient\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidValset\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NextValsetMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"name\":\"NoWithdrawals\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotConflicting\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGuardian\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"maturesAt\",\"type\":\"uint64\"}],\"name\":\"NotMatured\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"SignaturesNotAscending\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SignerSetMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expected\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"got\",\"type\":\"uint64\"}],\"name\":\"UnexpectedNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"UntrustedSignerSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"effectiveAt\",\"type\":\"uint64\"}],\"name\":\"ValsetNotYetEffective\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroArgument\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"nextValsetHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"maturesAt\",\"type\":\"uint64\"}],\"name\":\"CheckpointAccepted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"CheckpointVetoed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"cosmosRecipient\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Deposit\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"firstDigest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"secondDigest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"Frozen\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"paused\",\"type\":\"bool\"}],\"name\":\"Paused\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"valsetHash\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"fromCheckpoint\",\"type\":\"uint64\"}],\"name\":\"ValsetUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"withdrawalNonce\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"checkpointNonce\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"WithdrawalFinalized\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"bridgeId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"challengeWindow\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"name\":\"checkpoint\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptedAt\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"vetoed\",\"type\":\"bool\"}],\"internalType\":\"structOpenLedgerBridge.AcceptedCheckpoint\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"signerValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nextValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"lastDepositNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structBridgeHashing.Checkpoint\",\"name\":\"cp\",\"type\":\"tuple\"}],\"name\":\"checkpointDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentValsetHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cosmosRecipient\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"domainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"checkpointNonce\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"withdrawalNonce\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"finalizeWithdrawal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"signerValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nextValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"lastDepositNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structBridgeHashing.Checkpoint\",\"name\":\"first\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"signerValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nextValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"lastDepositNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structBridgeHashing.Checkpoint\",\"name\":\"second\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"powers\",\"type\":\"uint256[]\"}],\"internalType\":\"structOpenLedgerBridge.Valset\",\"name\":\"signerSet\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structOpenLedgerBridge.Signature[]\",\"name\":\"firstSigs\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structOpenLedgerBridge.Signature[]\",\"name\":\"secondSigs\",\"type\":\"tuple[]\"}],\"name\":\"freezeOnEquivocation\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"frozen\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"guardian\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"withdrawalNonce\",\"type\":\"uint256\"}],\"name\":\"isClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastCheckpointNonce\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastDepositNonce\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingValsetEffectiveAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingValsetHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingValsetNonce\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bool\",\"name\":\"paused_\",\"type\":\"bool\"}],\"name\":\"setPaused\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"height\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"withdrawalRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"signerValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"nextValsetHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"lastDepositNonce\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"appHash\",\"type\":\"bytes32\"}],\"internalType\":\"structBridgeHashing.Checkpoint\",\"name\":\"cp\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"powers\",\"type\":\"uint256[]\"}],\"internalType\":\"structOpenLedgerBridge.Valset\",\"name\":\"signerSet\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"address[]\",\"name\":\"signers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"powers\",\"type\":\"uint256[]\"}],\"internalType\":\"structOpenLedgerBridge.Valset\",\"name\":\"nextSet\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"signerIndex\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structOpenLedgerBridge.Signature[]\",\"name\":\"sigs\",\"type\":\"tuple[]\"}],\"name\":\"submitCheckpoint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"valsetHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"nonce\",\"type\":\"uint64\"}],\"name\":\"veto\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"vetoedDigest\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "OpenLedgerBridge",
	Bin: "0x610100604052348015610010575f5ffd5b5060405161258c38038061258c83398101604081905261002f9161034c565b6001600160a01b0386161580610043575084155b8061004c575083155b8061005e57506001600160a01b038316155b1561007c5760405163b7852ebb60e01b815260040160405180910390fd5b61008e60026001600160401b03610449565b6001600160401b03168411156100b75760405163b7852ebb60e01b815260040160405180910390fd5b6100c1828261013f565b6001600160a01b0380871660805260a086905260c0859052831660e0526040516100f19083908390602001610483565b60408051601f198184030181529082905280516020909101205f818155917fb2a6a02e709b55f9d8c0faa8583c9c47b57b1f689d9330b7eb39bc87f4bdc83d908390a3505050505050610545565b8151158061014f57508051825114155b1561016d57604051632bd23f0360e21b815260040160405180910390fd5b5f80805b845181101561023e57816001600160a01b03168582815181106101965761019661050c565b60200260200101516001600160a01b03161115806101d557506001600160401b0380168482815181106101cb576101cb61050c565b6020026020010151115b156101f357604051632bd23f0360e21b815260040160405180910390fd5b8481815181106102055761020561050c565b602002602001015191508381815181106102215761022161050c565b6020026020010151836102349190610520565b9250600101610171565b50815f0361025f57604051632bd23f0360e21b815260040160405180910390fd5b50505050565b6001600160a01b0381168114610279575f5ffd5b50565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b03811182821017156102b8576102b861027c565b604052919050565b5f6001600160401b038211156102d8576102d861027c565b5060051b60200190565b5f82601f8301126102f1575f5ffd5b81516103046102ff826102c0565b610290565b8082825260208201915060208360051b860101925085831115610325575f5ffd5b602085015b8381101561034257805183526020928301920161032a565b5095945050505050565b5f5f5f5f5f5f60c08789031215610361575f5ffd5b865161036c81610265565b6020880151604089015160608a0151929850909650945061038c81610265565b60808801519093506001600160401b038111156103a7575f5ffd5b8701601f810189136103b7575f5ffd5b80516103c56102ff826102c0565b8082825260208201915060208360051b85010192508b8311156103e6575f5ffd5b6020840193505b8284101561041157835161040081610265565b8252602093840193909101906103ed565b60a08b0151909550925050506001600160401b03811115610430575f5ffd5b61043c89828a016102e2565b9150509295509295509295565b5f6001600160401b0383168061046d57634e487b7160e01b5f52601260045260245ffd5b6001600160401b03929092169190910492915050565b604080825283519082018190525f9060208501906060840190835b818110156104c55783516001600160a01b031683526020938401939092019160010161049e565b5050838103602080860191909152855180835291810192508501905f5b818110156105005782518452602093840193909201916001016104e2565b50919695505050505050565b634e487b7160e01b5f52603260045260245ffd5b8082018082111561053f57634e487b7160e01b5f52601160045260245ffd5b92915050565b60805160a05160c05160e051611fdc6105b05f395f818161026c015281816108da015261102901525f81816102ed015281816107d201528181610e29015261110901525f81816103c2015261129c01525f81816103f101528181610a410152610f800152611fdc5ff3fe608060405234801561000f575f5ffd5b5060043610610153575f3560e01c80635c975abb116100bf578063c805063011610079578063c80506301461036e578063cce1a1f014610381578063de278cc81461039b578063f570bb36146103bd578063f698da25146103e4578063fc0c546a146103ec575f5ffd5b80635c975abb146102d35780637eaabe33146102e0578063861a1412146102e8578063962a2c4f1461030f5780639e34070f14610322578063a869fb7a14610354575f5ffd5b806329d537521161011057806329d53752146101f05780632d588b181461020357806340dfaab214610254578063452a9320146102675780634b3ad7b6146102a65780635aa2e908146102b9575f5ffd5b806303b0448214610157578063054f7d9c1461016c57806307a6a4fb1461019357806316c38b3c146101a95780631de26e16146101bc5780631f9bc50a146101e7575b5f5ffd5b61016a610165366004611b2a565b610413565b005b60035461017e90610100900460ff1681565b60405190151581526020015b60405180910390f35b61019b5f5481565b60405190815260200161018a565b61016a6101b7366004611bd0565b6108cf565b6101cf6101ca366004611bef565b61095f565b6040516001600160401b03909116815260200161018a565b61019b60015481565b61016a6101fe366004611c0f565b610abd565b610216610211366004611ce7565b610c33565b60405161018a919081518152602080830151908201526040808301516001600160401b03169082015260609182015115159181019190915260800190565b61016a610262366004611d16565b610d02565b61028e7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161018a565b6002546101cf906001600160401b031681565b6002546101cf90600160801b90046001600160401b031681565b60035461017e9060ff1681565b61019b610fb4565b61019b7f000000000000000000000000000000000000000000000000000000000000000081565b61019b61031d366004611db8565b610fe4565b61017e610330366004611dd2565b600881901c5f90815260066020526040902054600160ff9092169190911b16151590565b6002546101cf90600160c01b90046001600160401b031681565b61016a61037c366004611ce7565b61101e565b6002546101cf90600160401b90046001600160401b031681565b61017e6103a9366004611dd2565b60056020525f908152604090205460ff1681565b61019b7f000000000000000000000000000000000000000000000000000000000000000081565b61019b611294565b61028e7f000000000000000000000000000000000000000000000000000000000000000081565b600354610100900460ff161561043c576040516301015e4760e21b815260040160405180910390fd5b60035460ff16156104605760405163a792dfa360e01b815260040160405180910390fd5b6104686112c5565b6001541561049d57600254604051635d467f3b60e01b81526001600160401b0390911660048201526024015b60405180910390fd5b6002545f906104bd90600160801b90046001600160401b03166001611dfd565b90506001600160401b0381166104d66020880188611ce7565b6001600160401b03161461051e57806104f26020880188611ce7565b604051633eeb28eb60e11b81526001600160401b03928316600482015291166024820152604401610494565b5f5460608701358114158061055157508061054e61053c8880611e1c565b61054960208b018b611e1c565b611340565b14155b1561056f576040516324a8cdf160e11b815260040160405180910390fd5b608087013561058e6105818780611e1c565b61054960208a018a611e1c565b146105ac5760405163074bdf7160e31b815260040160405180910390fd5b61062d6105b98680611e1c565b808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152506105f7925050506020880188611e1c565b808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061137892505050565b600254600160c01b90046001600160401b031661065060c0890160a08a01611ce7565b6001600160401b031611156106a75761066f60c0880160a08901611ce7565b60025460405163b95c14d960e01b81526001600160401b039283166004820152600160c01b9091049091166024820152604401610494565b5f6106b188610fe4565b5f8181526005602052604090205490915060ff16156106e357604051637f39a2a360e01b815260040160405180910390fd5b6106ef8782878761149e565b604051806080016040528089604001358152602001828152602001426001600160401b031681526020015f151581525060045f8a5f0160208101906107349190611ce7565b6001600160401b03908116825260208083019390935260409182015f208451815584840151600182015591840151600290920180546060909501511515600160401b0268ffffffffffffffffff199095169290911691909117929092179091556107a090890189611ce7565b600280546001600160401b0392909216600160801b0267ffffffffffffffff60801b199092169190911790555f6107f77f000000000000000000000000000000000000000000000000000000000000000042611e61565b90508289608001351461085c5760808901356001556002805467ffffffffffffffff19166001600160401b03831617905561083560208a018a611ce7565b600260086101000a8154816001600160401b0302191690836001600160401b031602179055505b61086960208a018a611ce7565b60408051818c013581526080808d013560208301529181018590526001600160401b03848116606083015292909216917fd62498a5a5f45c6a2cc480df0811c3160995cc25a76ff30988ca51b553e3f74d910160405180910390a2505050505050505050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614610918576040516377b6878160e11b815260040160405180910390fd5b6003805460ff19168215159081179091556040519081527f0e2fb031ee032dc02d8011dc50b816eb450cf856abd8261680dac74f72165bd29060200160405180910390a150565b6003545f90610100900460ff161561098a576040516301015e4760e21b815260040160405180910390fd5b60035460ff16156109ae5760405163a792dfa360e01b815260040160405180910390fd5b815f036109ce5760405163b7852ebb60e01b815260040160405180910390fd5b8215806109de575060a083901c15155b156109fc57604051634e46966960e11b815260040160405180910390fd5b600254610a1a90600160c01b90046001600160401b03166001611dfd565b600280546001600160c01b0316600160c01b6001600160401b038416021790559050610a717f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316333085611699565b604080518481526020810184905233916001600160401b038416917febbb1bbedecba7722abbe31d79ae8f88b12eb7ddaed411df62bd3aa41d3c266c910160405180910390a392915050565b600354610100900460ff1615610ae6576040516301015e4760e21b815260040160405180910390fd5b610aee6112c5565b5f610afc6105818780611e1c565b90505f548114158015610b1b57506001541580610b1b57506001548114155b15610b39576040516335c2be8360e11b815260040160405180910390fd5b5f610b4389610fe4565b90505f610b4f89610fe4565b9050610b5e60208a018a611ce7565b6001600160401b0316610b7460208c018c611ce7565b6001600160401b0316141580610b8957508082145b15610ba75760405163813d59df60e01b815260040160405180910390fd5b610bb38883898961149e565b610bbf8882878761149e565b6003805461ff001916610100179055610bdb60208b018b611ce7565b6040805184815260208101849052338183015290516001600160401b0392909216917fbe28cc53ccbf449179c9555fadfabb1f84ce31f24aa01f087276462ceeeef39b9181900360600190a250505050505050505050565b604080516080810182525f8082526020820181905291810182905260608101919091526001600160401b0382161580610c8157506002546001600160401b03600160801b9091048116908316115b15610caa57604051633daf67d960e11b81526001600160401b0383166004820152602401610494565b506001600160401b039081165f908152600460209081526040918290208251608081018452815481526001820154928101929092526002015492831691810191909152600160401b90910460ff161515606082015290565b600354610100900460ff1615610d2b576040516301015e4760e21b815260040160405180910390fd5b60035460ff1615610d4f5760405163a792dfa360e01b815260040160405180910390fd5b6001600160401b0386161580610d7a57506002546001600160401b03600160801b9091048116908716115b15610da357604051633daf67d960e11b81526001600160401b0387166004820152602401610494565b6001600160401b0386165f9081526004602052604090206002810154600160401b900460ff1615610df257604051633daf67d960e11b81526001600160401b0388166004820152602401610494565b8054610e1c57604051632d5e001160e01b81526001600160401b0388166004820152602401610494565b60028101545f90610e57907f0000000000000000000000000000000000000000000000000000000000000000906001600160401b0316611e61565b9050806001600160401b0316421015610e965760405163a357e35160e01b81526001600160401b03808a16600483015282166024820152604401610494565b600887901c5f81815260066020526040902054600160ff8a161b90811615610ed45760405163598b3dfd60e11b8152600481018a9052602401610494565b5f610ee08a8a8a611700565b9050610ef18787875f015484611765565b610f0e576040516309bde33960e01b815260040160405180910390fd5b5f8381526006602052604090819020805484179055516001600160a01b038a16906001600160401b038d16908c907fe06bcb0fed9926a22deb6adbe6a69d9cdb3c050af3ceb42f816612278e926db390610f6b908d815260200190565b60405180910390a4610fa76001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168a8a61177c565b5050505050505050505050565b6001545f9015801590610fd257506002546001600160401b03164210155b15610fde575060015490565b505f5490565b5f611018610ff0611294565b610ff9846117b2565b60405161190160f01b8152600281019290925260228201526042902090565b92915050565b336001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614611067576040516377b6878160e11b815260040160405180910390fd5b600354610100900460ff1615611090576040516301015e4760e21b815260040160405180910390fd5b6001600160401b03811615806110bb57506002546001600160401b03600160801b9091048116908216115b156110e457604051633daf67d960e11b81526001600160401b0382166004820152602401610494565b6001600160401b038082165f9081526004602052604090206002810154909161112f917f00000000000000000000000000000000000000000000000000000000000000009116611e61565b4210611159576040516366f8b30560e01b81526001600160401b0383166004820152602401610494565b600254600160801b90046001600160401b03165b826001600160401b0316816001600160401b03161061121e576001600160401b0381165f81815260046020908152604080832060028101805468ff00000000000000001916600160401b1790556001808201805486526005855294839020805460ff19169091179055925490519081529192917f5536af2e16bcad4a2ab47e0e69c6b29ee10b133e9dc4e82f9571d554e01af75b910160405180910390a2508061121681611e74565b91505061116d565b506001541580159061124557506002546001600160401b03808416600160401b9092041610155b1561125f575f600155600280546001600160801b03191690555b61126a600183611e95565b600260106101000a8154816001600160401b0302191690836001600160401b031602179055505050565b5f6112c046307f000000000000000000000000000000000000000000000000000000000000000061187a565b905090565b6001548015806112df57506002546001600160401b031642105b156112e75750565b5f818155600254604051600160401b9091046001600160401b03169183917fb2a6a02e709b55f9d8c0faa8583c9c47b57b1f689d9330b7eb39bc87f4bdc83d9190a3505f600155600280546001600160801b0319169055565b5f848484846040516020016113589493929190611eb4565b604051602081830303815290604052805190602001209050949350505050565b8151158061138857508051825114155b156113a657604051632bd23f0360e21b815260040160405180910390fd5b5f80805b845181101561147757816001600160a01b03168582815181106113cf576113cf611f2e565b60200260200101516001600160a01b031611158061140e57506001600160401b03801684828151811061140457611404611f2e565b6020026020010151115b1561142c57604051632bd23f0360e21b815260040160405180910390fd5b84818151811061143e5761143e611f2e565b6020026020010151915083818151811061145a5761145a611f2e565b60200260200101518361146d9190611e61565b92506001016113aa565b50815f0361149857604051632bd23f0360e21b815260040160405180910390fd5b50505050565b5f805b6114ae6020870187611e1c565b90508110156114f0576114c46020870187611e1c565b828181106114d4576114d4611f2e565b90506020020135826114e69190611e61565b91506001016114a1565b505f80805b84811015611652573686868381811061151057611510611f2e565b905060800201905082815f01351080611535575061152e8980611e1c565b8235101590505b156115565760405163068da06160e01b815260048101839052602401610494565b5f8061157b8a61156c6040860160208701611f42565b85604001358660600135611919565b5090925090505f81600381111561159457611594611f62565b1415806115e257506115a68b80611e1c565b84358181106115b7576115b7611f2e565b90506020020160208101906115cc9190611f76565b6001600160a01b0316826001600160a01b031614155b1561160357604051630a57f30960e31b815260048101859052602401610494565b61161060208c018c611e1c565b843581811061162157611621611f2e565b90506020020135866116339190611e61565b955061164183356001611e61565b945050600190920191506114f59050565b5061165e836002611f8f565b611669836003611f8f565b116116905760405162bfb6ab60e01b81526004810183905260248101849052604401610494565b50505050505050565b6040516001600160a01b0384811660248301528381166044830152606482018390526114989186918216906323b872dd906084015b604051602081830303815290604052915060e01b6020820180516001600160e01b0383818316178352505050506119e1565b60408051602081018590526001600160a01b03841691810191909152606081018290525f9060800160408051601f19818403018152828252805160209182012090830152015b6040516020818303038152906040528051906020012090509392505050565b5f82611772868685611a4d565b1495945050505050565b6040516001600160a01b038381166024830152604482018390526117ad91859182169063a9059cbb906064016116ce565b505050565b5f7f04f04fe76273b08bee1df91c6d15d66e563ad19ee3f2f5480581ac3c16a2eb006117e16020840184611ce7565b6117f16040850160208601611ce7565b60408501356060860135608087013561181060c0890160a08a01611ce7565b6040805160208101989098526001600160401b03968716908801529385166060870152608086019290925260a085015260c084810191909152911660e083015283013561010082015261012001604051602081830303815290604052805190602001209050919050565b604080517fd87cd6ef79d4e2b95e15ce8abf732db51ec771f1ca2edccf22a46c729ac5647260208201527f9363d9d162ca0ea946bd812a176f35254ef620e3924d10a1c9f39581dfa75fac918101919091527fc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc66060820152608081018490526001600160a01b03831660a082015260c081018290525f9060e001611746565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561195257505f915060039050826119d7565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156119a3573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166119ce57505f9250600191508290506119d7565b92505f91508190505b9450945094915050565b5f5f60205f8451602086015f885af180611a00576040513d5f823e3d81fd5b50505f513d91508115611a17578060011415611a24565b6001600160a01b0384163b155b1561149857604051635274afe760e01b81526001600160a01b0385166004820152602401610494565b5f81815b84811015611a8557611a7b82878784818110611a6f57611a6f611f2e565b90506020020135611a8e565b9150600101611a51565b50949350505050565b5f818310611aa8575f828152602084905260409020611ab6565b5f8381526020839052604090205b9392505050565b5f60e08284031215611acd575f5ffd5b50919050565b5f60408284031215611acd575f5ffd5b5f5f83601f840112611af3575f5ffd5b5081356001600160401b03811115611b09575f5ffd5b6020830191508360208260071b8501011115611b23575f5ffd5b9250929050565b5f5f5f5f5f6101408688031215611b3f575f5ffd5b611b498787611abd565b945060e08601356001600160401b03811115611b63575f5ffd5b611b6f88828901611ad3565b9450506101008601356001600160401b03811115611b8b575f5ffd5b611b9788828901611ad3565b9350506101208601356001600160401b03811115611bb3575f5ffd5b611bbf88828901611ae3565b969995985093965092949392505050565b5f60208284031215611be0575f5ffd5b81358015158114611ab6575f5ffd5b5f5f60408385031215611c00575f5ffd5b50508035926020909101359150565b5f5f5f5f5f5f5f610220888a031215611c26575f5ffd5b611c308989611abd565b9650611c3f8960e08a01611abd565b95506101c08801356001600160401b03811115611c5a575f5ffd5b611c668a828b01611ad3565b9550506101e08801356001600160401b03811115611c82575f5ffd5b611c8e8a828b01611ae3565b9095509350506102008801356001600160401b03811115611cad575f5ffd5b611cb98a828b01611ae3565b989b979a50959850939692959293505050565b80356001600160401b0381168114611ce2575f5ffd5b919050565b5f60208284031215611cf7575f5ffd5b611ab682611ccc565b80356001600160a01b0381168114611ce2575f5ffd5b5f5f5f5f5f5f60a08789031215611d2b575f5ffd5b611d3487611ccc565b955060208701359450611d4960408801611d00565b93506060870135925060808701356001600160401b03811115611d6a575f5ffd5b8701601f81018913611d7a575f5ffd5b80356001600160401b03811115611d8f575f5ffd5b8960208260051b8401011115611da3575f5ffd5b60208201935080925050509295509295509295565b5f60e08284031215611dc8575f5ffd5b611ab68383611abd565b5f60208284031215611de2575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b6001600160401b03818116838216019081111561101857611018611de9565b5f5f8335601e19843603018112611e31575f5ffd5b8301803591506001600160401b03821115611e4a575f5ffd5b6020019150600581901b3603821315611b23575f5ffd5b8082018082111561101857611018611de9565b5f6001600160401b03821680611e8c57611e8c611de9565b5f190192915050565b6001600160401b03828116828216039081111561101857611018611de9565b604080825281018490525f8560608301825b87811015611ef4576001600160a01b03611edf84611d00565b16825260209283019290910190600101611ec6565b5083810360208501528481526001600160fb1b03851115611f13575f5ffd5b8460051b915081866020830137016020019695505050505050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215611f52575f5ffd5b813560ff81168114611ab6575f5ffd5b634e487b7160e01b5f52602160045260245ffd5b5f60208284031215611f86575f5ffd5b611ab682611d00565b808202811582820484141761101857611018611de956fea264697066735822122039e43246e52146910d8ec1b1165a3e73840428a4bb43ee8340356558706fd29764736f6c634300081c0033",
}

// OpenLedgerBridge is an auto generated Go binding around an Ethereum contract.
type OpenLedgerBridge struct {
	abi abi.ABI
}

// NewOpenLedgerBridge creates a new instance of OpenLedgerBridge.
func NewOpenLedgerBridge() *OpenLedgerBridge {
	parsed, err := OpenLedgerBridgeMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &OpenLedgerBridge{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *OpenLedgerBridge) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, bytes32 bridgeId_, uint256 challengeWindow_, address guardian_, address[] initialSigners, uint256[] initialPowers) returns()
func (openLedgerBridge *OpenLedgerBridge) PackConstructor(token_ common.Address, bridgeId_ [32]byte, challengeWindow_ *big.Int, guardian_ common.Address, initialSigners []common.Address, initialPowers []*big.Int) []byte {
	enc, err := openLedgerBridge.abi.Pack("", token_, bridgeId_, challengeWindow_, guardian_, initialSigners, initialPowers)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBridgeId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf570bb36.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bridgeId() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackBridgeId() []byte {
	enc, err := openLedgerBridge.abi.Pack("bridgeId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBridgeId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf570bb36.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bridgeId() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackBridgeId() ([]byte, error) {
	return openLedgerBridge.abi.Pack("bridgeId")
}

// UnpackBridgeId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf570bb36.
//
// Solidity: function bridgeId() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackBridgeId(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("bridgeId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeWindow() view returns(uint256)
func (openLedgerBridge *OpenLedgerBridge) PackChallengeWindow() []byte {
	enc, err := openLedgerBridge.abi.Pack("challengeWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x861a1412.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeWindow() view returns(uint256)
func (openLedgerBridge *OpenLedgerBridge) TryPackChallengeWindow() ([]byte, error) {
	return openLedgerBridge.abi.Pack("challengeWindow")
}

// UnpackChallengeWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x861a1412.
//
// Solidity: function challengeWindow() view returns(uint256)
func (openLedgerBridge *OpenLedgerBridge) UnpackChallengeWindow(data []byte) (*big.Int, error) {
	out, err := openLedgerBridge.abi.Unpack("challengeWindow", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d588b18.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkpoint(uint64 nonce) view returns((bytes32,bytes32,uint64,bool))
func (openLedgerBridge *OpenLedgerBridge) PackCheckpoint(nonce uint64) []byte {
	enc, err := openLedgerBridge.abi.Pack("checkpoint", nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d588b18.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkpoint(uint64 nonce) view returns((bytes32,bytes32,uint64,bool))
func (openLedgerBridge *OpenLedgerBridge) TryPackCheckpoint(nonce uint64) ([]byte, error) {
	return openLedgerBridge.abi.Pack("checkpoint", nonce)
}

// UnpackCheckpoint is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2d588b18.
//
// Solidity: function checkpoint(uint64 nonce) view returns((bytes32,bytes32,uint64,bool))
func (openLedgerBridge *OpenLedgerBridge) UnpackCheckpoint(data []byte) (OpenLedgerBridgeAcceptedCheckpoint, error) {
	out, err := openLedgerBridge.abi.Unpack("checkpoint", data)
	if err != nil {
		return *new(OpenLedgerBridgeAcceptedCheckpoint), err
	}
	out0 := *abi.ConvertType(out[0], new(OpenLedgerBridgeAcceptedCheckpoint)).(*OpenLedgerBridgeAcceptedCheckpoint)
	return out0, nil
}

// PackCheckpointDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x962a2c4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) cp) view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackCheckpointDigest(cp BridgeHashingCheckpoint) []byte {
	enc, err := openLedgerBridge.abi.Pack("checkpointDigest", cp)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckpointDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x962a2c4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) cp) view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackCheckpointDigest(cp BridgeHashingCheckpoint) ([]byte, error) {
	return openLedgerBridge.abi.Pack("checkpointDigest", cp)
}

// UnpackCheckpointDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x962a2c4f.
//
// Solidity: function checkpointDigest((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) cp) view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackCheckpointDigest(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("checkpointDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCurrentValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7eaabe33.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackCurrentValsetHash() []byte {
	enc, err := openLedgerBridge.abi.Pack("currentValsetHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7eaabe33.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackCurrentValsetHash() ([]byte, error) {
	return openLedgerBridge.abi.Pack("currentValsetHash")
}

// UnpackCurrentValsetHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7eaabe33.
//
// Solidity: function currentValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackCurrentValsetHash(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("currentValsetHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1de26e16.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deposit(bytes32 cosmosRecipient, uint256 amount) returns(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) PackDeposit(cosmosRecipient [32]byte, amount *big.Int) []byte {
	enc, err := openLedgerBridge.abi.Pack("deposit", cosmosRecipient, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1de26e16.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deposit(bytes32 cosmosRecipient, uint256 amount) returns(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) TryPackDeposit(cosmosRecipient [32]byte, amount *big.Int) ([]byte, error) {
	return openLedgerBridge.abi.Pack("deposit", cosmosRecipient, amount)
}

// UnpackDeposit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1de26e16.
//
// Solidity: function deposit(bytes32 cosmosRecipient, uint256 amount) returns(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) UnpackDeposit(data []byte) (uint64, error) {
	out, err := openLedgerBridge.abi.Unpack("deposit", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackDomainSeparator() []byte {
	enc, err := openLedgerBridge.abi.Pack("domainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf698da25.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackDomainSeparator() ([]byte, error) {
	return openLedgerBridge.abi.Pack("domainSeparator")
}

// UnpackDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf698da25.
//
// Solidity: function domainSeparator() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackDomainSeparator(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("domainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackFinalizeWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40dfaab2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finalizeWithdrawal(uint64 checkpointNonce, uint256 withdrawalNonce, address recipient, uint256 amount, bytes32[] proof) returns()
func (openLedgerBridge *OpenLedgerBridge) PackFinalizeWithdrawal(checkpointNonce uint64, withdrawalNonce *big.Int, recipient common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := openLedgerBridge.abi.Pack("finalizeWithdrawal", checkpointNonce, withdrawalNonce, recipient, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinalizeWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40dfaab2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finalizeWithdrawal(uint64 checkpointNonce, uint256 withdrawalNonce, address recipient, uint256 amount, bytes32[] proof) returns()
func (openLedgerBridge *OpenLedgerBridge) TryPackFinalizeWithdrawal(checkpointNonce uint64, withdrawalNonce *big.Int, recipient common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return openLedgerBridge.abi.Pack("finalizeWithdrawal", checkpointNonce, withdrawalNonce, recipient, amount, proof)
}

// PackFreezeOnEquivocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x29d53752.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function freezeOnEquivocation((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) first, (uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) second, (address[],uint256[]) signerSet, (uint256,uint8,bytes32,bytes32)[] firstSigs, (uint256,uint8,bytes32,bytes32)[] secondSigs) returns()
func (openLedgerBridge *OpenLedgerBridge) PackFreezeOnEquivocation(first BridgeHashingCheckpoint, second BridgeHashingCheckpoint, signerSet OpenLedgerBridgeValset, firstSigs []OpenLedgerBridgeSignature, secondSigs []OpenLedgerBridgeSignature) []byte {
	enc, err := openLedgerBridge.abi.Pack("freezeOnEquivocation", first, second, signerSet, firstSigs, secondSigs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFreezeOnEquivocation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x29d53752.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function freezeOnEquivocation((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) first, (uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) second, (address[],uint256[]) signerSet, (uint256,uint8,bytes32,bytes32)[] firstSigs, (uint256,uint8,bytes32,bytes32)[] secondSigs) returns()
func (openLedgerBridge *OpenLedgerBridge) TryPackFreezeOnEquivocation(first BridgeHashingCheckpoint, second BridgeHashingCheckpoint, signerSet OpenLedgerBridgeValset, firstSigs []OpenLedgerBridgeSignature, secondSigs []OpenLedgerBridgeSignature) ([]byte, error) {
	return openLedgerBridge.abi.Pack("freezeOnEquivocation", first, second, signerSet, firstSigs, secondSigs)
}

// PackFrozen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x054f7d9c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function frozen() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) PackFrozen() []byte {
	enc, err := openLedgerBridge.abi.Pack("frozen")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFrozen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x054f7d9c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function frozen() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) TryPackFrozen() ([]byte, error) {
	return openLedgerBridge.abi.Pack("frozen")
}

// UnpackFrozen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x054f7d9c.
//
// Solidity: function frozen() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) UnpackFrozen(data []byte) (bool, error) {
	out, err := openLedgerBridge.abi.Unpack("frozen", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452a9320.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function guardian() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) PackGuardian() []byte {
	enc, err := openLedgerBridge.abi.Pack("guardian")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452a9320.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function guardian() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) TryPackGuardian() ([]byte, error) {
	return openLedgerBridge.abi.Pack("guardian")
}

// UnpackGuardian is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x452a9320.
//
// Solidity: function guardian() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) UnpackGuardian(data []byte) (common.Address, error) {
	out, err := openLedgerBridge.abi.Unpack("guardian", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e34070f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isClaimed(uint256 withdrawalNonce) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) PackIsClaimed(withdrawalNonce *big.Int) []byte {
	enc, err := openLedgerBridge.abi.Pack("isClaimed", withdrawalNonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e34070f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isClaimed(uint256 withdrawalNonce) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) TryPackIsClaimed(withdrawalNonce *big.Int) ([]byte, error) {
	return openLedgerBridge.abi.Pack("isClaimed", withdrawalNonce)
}

// UnpackIsClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9e34070f.
//
// Solidity: function isClaimed(uint256 withdrawalNonce) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) UnpackIsClaimed(data []byte) (bool, error) {
	out, err := openLedgerBridge.abi.Unpack("isClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLastCheckpointNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5aa2e908.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastCheckpointNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) PackLastCheckpointNonce() []byte {
	enc, err := openLedgerBridge.abi.Pack("lastCheckpointNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastCheckpointNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5aa2e908.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastCheckpointNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) TryPackLastCheckpointNonce() ([]byte, error) {
	return openLedgerBridge.abi.Pack("lastCheckpointNonce")
}

// UnpackLastCheckpointNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5aa2e908.
//
// Solidity: function lastCheckpointNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) UnpackLastCheckpointNonce(data []byte) (uint64, error) {
	out, err := openLedgerBridge.abi.Unpack("lastCheckpointNonce", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackLastDepositNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa869fb7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastDepositNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) PackLastDepositNonce() []byte {
	enc, err := openLedgerBridge.abi.Pack("lastDepositNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastDepositNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa869fb7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastDepositNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) TryPackLastDepositNonce() ([]byte, error) {
	return openLedgerBridge.abi.Pack("lastDepositNonce")
}

// UnpackLastDepositNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa869fb7a.
//
// Solidity: function lastDepositNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) UnpackLastDepositNonce(data []byte) (uint64, error) {
	out, err := openLedgerBridge.abi.Unpack("lastDepositNonce", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) PackPaused() []byte {
	enc, err := openLedgerBridge.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) TryPackPaused() ([]byte, error) {
	return openLedgerBridge.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) UnpackPaused(data []byte) (bool, error) {
	out, err := openLedgerBridge.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPendingValsetEffectiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b3ad7b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingValsetEffectiveAt() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) PackPendingValsetEffectiveAt() []byte {
	enc, err := openLedgerBridge.abi.Pack("pendingValsetEffectiveAt")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingValsetEffectiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b3ad7b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingValsetEffectiveAt() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) TryPackPendingValsetEffectiveAt() ([]byte, error) {
	return openLedgerBridge.abi.Pack("pendingValsetEffectiveAt")
}

// UnpackPendingValsetEffectiveAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4b3ad7b6.
//
// Solidity: function pendingValsetEffectiveAt() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) UnpackPendingValsetEffectiveAt(data []byte) (uint64, error) {
	out, err := openLedgerBridge.abi.Unpack("pendingValsetEffectiveAt", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPendingValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f9bc50a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackPendingValsetHash() []byte {
	enc, err := openLedgerBridge.abi.Pack("pendingValsetHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f9bc50a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackPendingValsetHash() ([]byte, error) {
	return openLedgerBridge.abi.Pack("pendingValsetHash")
}

// UnpackPendingValsetHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1f9bc50a.
//
// Solidity: function pendingValsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackPendingValsetHash(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("pendingValsetHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPendingValsetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcce1a1f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingValsetNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) PackPendingValsetNonce() []byte {
	enc, err := openLedgerBridge.abi.Pack("pendingValsetNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingValsetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcce1a1f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingValsetNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) TryPackPendingValsetNonce() ([]byte, error) {
	return openLedgerBridge.abi.Pack("pendingValsetNonce")
}

// UnpackPendingValsetNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcce1a1f0.
//
// Solidity: function pendingValsetNonce() view returns(uint64)
func (openLedgerBridge *OpenLedgerBridge) UnpackPendingValsetNonce(data []byte) (uint64, error) {
	out, err := openLedgerBridge.abi.Unpack("pendingValsetNonce", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackSetPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16c38b3c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPaused(bool paused_) returns()
func (openLedgerBridge *OpenLedgerBridge) PackSetPaused(paused bool) []byte {
	enc, err := openLedgerBridge.abi.Pack("setPaused", paused)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16c38b3c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPaused(bool paused_) returns()
func (openLedgerBridge *OpenLedgerBridge) TryPackSetPaused(paused bool) ([]byte, error) {
	return openLedgerBridge.abi.Pack("setPaused", paused)
}

// PackSubmitCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03b04482.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitCheckpoint((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) cp, (address[],uint256[]) signerSet, (address[],uint256[]) nextSet, (uint256,uint8,bytes32,bytes32)[] sigs) returns()
func (openLedgerBridge *OpenLedgerBridge) PackSubmitCheckpoint(cp BridgeHashingCheckpoint, signerSet OpenLedgerBridgeValset, nextSet OpenLedgerBridgeValset, sigs []OpenLedgerBridgeSignature) []byte {
	enc, err := openLedgerBridge.abi.Pack("submitCheckpoint", cp, signerSet, nextSet, sigs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitCheckpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x03b04482.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitCheckpoint((uint64,uint64,bytes32,bytes32,bytes32,uint64,bytes32) cp, (address[],uint256[]) signerSet, (address[],uint256[]) nextSet, (uint256,uint8,bytes32,bytes32)[] sigs) returns()
func (openLedgerBridge *OpenLedgerBridge) TryPackSubmitCheckpoint(cp BridgeHashingCheckpoint, signerSet OpenLedgerBridgeValset, nextSet OpenLedgerBridgeValset, sigs []OpenLedgerBridgeSignature) ([]byte, error) {
	return openLedgerBridge.abi.Pack("submitCheckpoint", cp, signerSet, nextSet, sigs)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) PackToken() []byte {
	enc, err := openLedgerBridge.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) TryPackToken() ([]byte, error) {
	return openLedgerBridge.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (openLedgerBridge *OpenLedgerBridge) UnpackToken(data []byte) (common.Address, error) {
	out, err := openLedgerBridge.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a6a4fb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function valsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) PackValsetHash() []byte {
	enc, err := openLedgerBridge.abi.Pack("valsetHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValsetHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a6a4fb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function valsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) TryPackValsetHash() ([]byte, error) {
	return openLedgerBridge.abi.Pack("valsetHash")
}

// UnpackValsetHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07a6a4fb.
//
// Solidity: function valsetHash() view returns(bytes32)
func (openLedgerBridge *OpenLedgerBridge) UnpackValsetHash(data []byte) ([32]byte, error) {
	out, err := openLedgerBridge.abi.Unpack("valsetHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVeto is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc8050630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function veto(uint64 nonce) returns()
func (openLedgerBridge *OpenLedgerBridge) PackVeto(nonce uint64) []byte {
	enc, err := openLedgerBridge.abi.Pack("veto", nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVeto is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc8050630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function veto(uint64 nonce) returns()
func (openLedgerBridge *OpenLedgerBridge) TryPackVeto(nonce uint64) ([]byte, error) {
	return openLedgerBridge.abi.Pack("veto", nonce)
}

// PackVetoedDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde278cc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vetoedDigest(bytes32 digest) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) PackVetoedDigest(digest [32]byte) []byte {
	enc, err := openLedgerBridge.abi.Pack("vetoedDigest", digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVetoedDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde278cc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vetoedDigest(bytes32 digest) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) TryPackVetoedDigest(digest [32]byte) ([]byte, error) {
	return openLedgerBridge.abi.Pack("vetoedDigest", digest)
}

// UnpackVetoedDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xde278cc8.
//
// Solidity: function vetoedDigest(bytes32 digest) view returns(bool)
func (openLedgerBridge *OpenLedgerBridge) UnpackVetoedDigest(data []byte) (bool, error) {
	out, err := openLedgerBridge.abi.Unpack("vetoedDigest", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// OpenLedgerBridgeCheckpointAccepted represents a CheckpointAccepted event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeCheckpointAccepted struct {
	Nonce          uint64
	WithdrawalRoot [32]byte
	NextValsetHash [32]byte
	Digest         [32]byte
	MaturesAt      uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeCheckpointAcceptedEventName = "CheckpointAccepted"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeCheckpointAccepted) ContractEventName() string {
	return OpenLedgerBridgeCheckpointAcceptedEventName
}

// UnpackCheckpointAcceptedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CheckpointAccepted(uint64 indexed nonce, bytes32 withdrawalRoot, bytes32 nextValsetHash, bytes32 digest, uint64 maturesAt)
func (openLedgerBridge *OpenLedgerBridge) UnpackCheckpointAcceptedEvent(log *types.Log) (*OpenLedgerBridgeCheckpointAccepted, error) {
	event := "CheckpointAccepted"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeCheckpointAccepted)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgeCheckpointVetoed represents a CheckpointVetoed event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeCheckpointVetoed struct {
	Nonce  uint64
	Digest [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeCheckpointVetoedEventName = "CheckpointVetoed"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeCheckpointVetoed) ContractEventName() string {
	return OpenLedgerBridgeCheckpointVetoedEventName
}

// UnpackCheckpointVetoedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CheckpointVetoed(uint64 indexed nonce, bytes32 digest)
func (openLedgerBridge *OpenLedgerBridge) UnpackCheckpointVetoedEvent(log *types.Log) (*OpenLedgerBridgeCheckpointVetoed, error) {
	event := "CheckpointVetoed"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeCheckpointVetoed)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgeDeposit represents a Deposit event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeDeposit struct {
	Nonce           uint64
	Sender          common.Address
	CosmosRecipient [32]byte
	Amount          *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeDepositEventName = "Deposit"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeDeposit) ContractEventName() string {
	return OpenLedgerBridgeDepositEventName
}

// UnpackDepositEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Deposit(uint64 indexed nonce, address indexed sender, bytes32 cosmosRecipient, uint256 amount)
func (openLedgerBridge *OpenLedgerBridge) UnpackDepositEvent(log *types.Log) (*OpenLedgerBridgeDeposit, error) {
	event := "Deposit"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeDeposit)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgeFrozen represents a Frozen event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeFrozen struct {
	Nonce        uint64
	FirstDigest  [32]byte
	SecondDigest [32]byte
	Reporter     common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeFrozenEventName = "Frozen"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeFrozen) ContractEventName() string {
	return OpenLedgerBridgeFrozenEventName
}

// UnpackFrozenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Frozen(uint64 indexed nonce, bytes32 firstDigest, bytes32 secondDigest, address reporter)
func (openLedgerBridge *OpenLedgerBridge) UnpackFrozenEvent(log *types.Log) (*OpenLedgerBridgeFrozen, error) {
	event := "Frozen"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeFrozen)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgePaused represents a Paused event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgePaused struct {
	Paused bool
	Raw    *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgePausedEventName = "Paused"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgePaused) ContractEventName() string {
	return OpenLedgerBridgePausedEventName
}

// UnpackPausedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paused(bool paused)
func (openLedgerBridge *OpenLedgerBridge) UnpackPausedEvent(log *types.Log) (*OpenLedgerBridgePaused, error) {
	event := "Paused"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgePaused)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgeValsetUpdated represents a ValsetUpdated event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeValsetUpdated struct {
	ValsetHash     [32]byte
	FromCheckpoint uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeValsetUpdatedEventName = "ValsetUpdated"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeValsetUpdated) ContractEventName() string {
	return OpenLedgerBridgeValsetUpdatedEventName
}

// UnpackValsetUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ValsetUpdated(bytes32 indexed valsetHash, uint64 indexed fromCheckpoint)
func (openLedgerBridge *OpenLedgerBridge) UnpackValsetUpdatedEvent(log *types.Log) (*OpenLedgerBridgeValsetUpdated, error) {
	event := "ValsetUpdated"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeValsetUpdated)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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

// OpenLedgerBridgeWithdrawalFinalized represents a WithdrawalFinalized event raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeWithdrawalFinalized struct {
	WithdrawalNonce *big.Int
	CheckpointNonce uint64
	Recipient       common.Address
	Amount          *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const OpenLedgerBridgeWithdrawalFinalizedEventName = "WithdrawalFinalized"

// ContractEventName returns the user-defined event name.
func (OpenLedgerBridgeWithdrawalFinalized) ContractEventName() string {
	return OpenLedgerBridgeWithdrawalFinalizedEventName
}

// UnpackWithdrawalFinalizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WithdrawalFinalized(uint256 indexed withdrawalNonce, uint64 indexed checkpointNonce, address indexed recipient, uint256 amount)
func (openLedgerBridge *OpenLedgerBridge) UnpackWithdrawalFinalizedEvent(log *types.Log) (*OpenLedgerBridgeWithdrawalFinalized, error) {
	event := "WithdrawalFinalized"
	if len(log.Topics) == 0 || log.Topics[0] != openLedgerBridge.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(OpenLedgerBridgeWithdrawalFinalized)
	if len(log.Data) > 0 {
		if err := openLedgerBridge.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range openLedgerBridge.abi.Events[event].Inputs {
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
func (openLedgerBridge *OpenLedgerBridge) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["BridgeFrozen"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackBridgeFrozenError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["BridgePaused"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackBridgePausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["ChallengeWindowOver"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackChallengeWindowOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["CheckpointNotAccepted"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackCheckpointNotAcceptedError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["DepositsNotMade"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackDepositsNotMadeError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["DigestVetoed"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackDigestVetoedError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["InsufficientPower"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackInsufficientPowerError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["InvalidRecipient"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackInvalidRecipientError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["InvalidValset"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackInvalidValsetError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["NextValsetMismatch"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackNextValsetMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["NoWithdrawals"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackNoWithdrawalsError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["NotConflicting"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackNotConflictingError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["NotGuardian"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackNotGuardianError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["NotMatured"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackNotMaturedError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["SignaturesNotAscending"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackSignaturesNotAscendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["SignerSetMismatch"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackSignerSetMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["UnexpectedNonce"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackUnexpectedNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["UntrustedSignerSet"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackUntrustedSignerSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["ValsetNotYetEffective"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackValsetNotYetEffectiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], openLedgerBridge.abi.Errors["ZeroArgument"].ID.Bytes()[:4]) {
		return openLedgerBridge.UnpackZeroArgumentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// OpenLedgerBridgeAlreadyClaimed represents a AlreadyClaimed error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeAlreadyClaimed struct {
	WithdrawalNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 withdrawalNonce)
func OpenLedgerBridgeAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xb3167bfa203824a8528cd651824b49f666ae15ab32eef5801cb2db761a8707a6")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 withdrawalNonce)
func (openLedgerBridge *OpenLedgerBridge) UnpackAlreadyClaimedError(raw []byte) (*OpenLedgerBridgeAlreadyClaimed, error) {
	out := new(OpenLedgerBridgeAlreadyClaimed)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeBridgeFrozen represents a BridgeFrozen error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeBridgeFrozen struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BridgeFrozen()
func OpenLedgerBridgeBridgeFrozenErrorID() common.Hash {
	return common.HexToHash("0x0405791c8c9804012d631ada261f9124bb5f2d25be98aeabc8955616af63dfe7")
}

// UnpackBridgeFrozenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BridgeFrozen()
func (openLedgerBridge *OpenLedgerBridge) UnpackBridgeFrozenError(raw []byte) (*OpenLedgerBridgeBridgeFrozen, error) {
	out := new(OpenLedgerBridgeBridgeFrozen)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "BridgeFrozen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeBridgePaused represents a BridgePaused error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeBridgePaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BridgePaused()
func OpenLedgerBridgeBridgePausedErrorID() common.Hash {
	return common.HexToHash("0xa792dfa3fb24493cee8b0e7ac02691be17dc3a12379ad382ad5d670c97361673")
}

// UnpackBridgePausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BridgePaused()
func (openLedgerBridge *OpenLedgerBridge) UnpackBridgePausedError(raw []byte) (*OpenLedgerBridgeBridgePaused, error) {
	out := new(OpenLedgerBridgeBridgePaused)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "BridgePaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeChallengeWindowOver represents a ChallengeWindowOver error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeChallengeWindowOver struct {
	Nonce uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ChallengeWindowOver(uint64 nonce)
func OpenLedgerBridgeChallengeWindowOverErrorID() common.Hash {
	return common.HexToHash("0x66f8b30570eea1bc3200eff67b607131e3c49ec51e63b14b7bc7cdbdf1b7425a")
}

// UnpackChallengeWindowOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ChallengeWindowOver(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) UnpackChallengeWindowOverError(raw []byte) (*OpenLedgerBridgeChallengeWindowOver, error) {
	out := new(OpenLedgerBridgeChallengeWindowOver)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "ChallengeWindowOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeCheckpointNotAccepted represents a CheckpointNotAccepted error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeCheckpointNotAccepted struct {
	Nonce uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CheckpointNotAccepted(uint64 nonce)
func OpenLedgerBridgeCheckpointNotAcceptedErrorID() common.Hash {
	return common.HexToHash("0x7b5ecfb20e18df47c6979fb670c9c95899d03eb9293e2456194fcc5e35e47a16")
}

// UnpackCheckpointNotAcceptedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CheckpointNotAccepted(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) UnpackCheckpointNotAcceptedError(raw []byte) (*OpenLedgerBridgeCheckpointNotAccepted, error) {
	out := new(OpenLedgerBridgeCheckpointNotAccepted)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "CheckpointNotAccepted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeDepositsNotMade represents a DepositsNotMade error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeDepositsNotMade struct {
	Credited uint64
	Made     uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DepositsNotMade(uint64 credited, uint64 made)
func OpenLedgerBridgeDepositsNotMadeErrorID() common.Hash {
	return common.HexToHash("0xb95c14d9174e196df91c48110fc45aded552a6260ec042ff04b4220fa783e3e0")
}

// UnpackDepositsNotMadeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DepositsNotMade(uint64 credited, uint64 made)
func (openLedgerBridge *OpenLedgerBridge) UnpackDepositsNotMadeError(raw []byte) (*OpenLedgerBridgeDepositsNotMade, error) {
	out := new(OpenLedgerBridgeDepositsNotMade)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "DepositsNotMade", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeDigestVetoed represents a DigestVetoed error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeDigestVetoed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DigestVetoed()
func OpenLedgerBridgeDigestVetoedErrorID() common.Hash {
	return common.HexToHash("0x7f39a2a35878951c747ea0a295cb955c67e67e5685d060882bc58d0f335cd54d")
}

// UnpackDigestVetoedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DigestVetoed()
func (openLedgerBridge *OpenLedgerBridge) UnpackDigestVetoedError(raw []byte) (*OpenLedgerBridgeDigestVetoed, error) {
	out := new(OpenLedgerBridgeDigestVetoed)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "DigestVetoed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeInsufficientPower represents a InsufficientPower error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeInsufficientPower struct {
	Signed *big.Int
	Total  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientPower(uint256 signed, uint256 total)
func OpenLedgerBridgeInsufficientPowerErrorID() common.Hash {
	return common.HexToHash("0x00bfb6abc91300e23f23fef9f8adbfb149cb9bb556ab8e6efed6c3856e12d198")
}

// UnpackInsufficientPowerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientPower(uint256 signed, uint256 total)
func (openLedgerBridge *OpenLedgerBridge) UnpackInsufficientPowerError(raw []byte) (*OpenLedgerBridgeInsufficientPower, error) {
	out := new(OpenLedgerBridgeInsufficientPower)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "InsufficientPower", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeInvalidProof represents a InvalidProof error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func OpenLedgerBridgeInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (openLedgerBridge *OpenLedgerBridge) UnpackInvalidProofError(raw []byte) (*OpenLedgerBridgeInvalidProof, error) {
	out := new(OpenLedgerBridgeInvalidProof)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeInvalidRecipient represents a InvalidRecipient error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeInvalidRecipient struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRecipient()
func OpenLedgerBridgeInvalidRecipientErrorID() common.Hash {
	return common.HexToHash("0x9c8d2cd23712ccfbf44b8107cfe79ea09343bf5b458f10860098ac1dbdf69f86")
}

// UnpackInvalidRecipientError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRecipient()
func (openLedgerBridge *OpenLedgerBridge) UnpackInvalidRecipientError(raw []byte) (*OpenLedgerBridgeInvalidRecipient, error) {
	out := new(OpenLedgerBridgeInvalidRecipient)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "InvalidRecipient", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeInvalidSignature represents a InvalidSignature error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeInvalidSignature struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(uint256 index)
func OpenLedgerBridgeInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x52bf9848f4f569cd5e845a26f8524878f8ac004dcaace7433d78683624c84a76")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(uint256 index)
func (openLedgerBridge *OpenLedgerBridge) UnpackInvalidSignatureError(raw []byte) (*OpenLedgerBridgeInvalidSignature, error) {
	out := new(OpenLedgerBridgeInvalidSignature)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeInvalidValset represents a InvalidValset error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeInvalidValset struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidValset()
func OpenLedgerBridgeInvalidValsetErrorID() common.Hash {
	return common.HexToHash("0xaf48fc0c838143012745e74de0be8d1c24fdfeb03177fac76a326ea3ed17cb5d")
}

// UnpackInvalidValsetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidValset()
func (openLedgerBridge *OpenLedgerBridge) UnpackInvalidValsetError(raw []byte) (*OpenLedgerBridgeInvalidValset, error) {
	out := new(OpenLedgerBridgeInvalidValset)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "InvalidValset", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeNextValsetMismatch represents a NextValsetMismatch error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeNextValsetMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NextValsetMismatch()
func OpenLedgerBridgeNextValsetMismatchErrorID() common.Hash {
	return common.HexToHash("0x3a5efb887b7f831f323d50a49c5c447acb9537b4f952ab4f96e9533a7653cfff")
}

// UnpackNextValsetMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NextValsetMismatch()
func (openLedgerBridge *OpenLedgerBridge) UnpackNextValsetMismatchError(raw []byte) (*OpenLedgerBridgeNextValsetMismatch, error) {
	out := new(OpenLedgerBridgeNextValsetMismatch)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "NextValsetMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeNoWithdrawals represents a NoWithdrawals error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeNoWithdrawals struct {
	Nonce uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoWithdrawals(uint64 nonce)
func OpenLedgerBridgeNoWithdrawalsErrorID() common.Hash {
	return common.HexToHash("0x2d5e0011c90c564ae69cba7d8e63d587212bf95e2a8b542d2abbb7da64d58597")
}

// UnpackNoWithdrawalsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoWithdrawals(uint64 nonce)
func (openLedgerBridge *OpenLedgerBridge) UnpackNoWithdrawalsError(raw []byte) (*OpenLedgerBridgeNoWithdrawals, error) {
	out := new(OpenLedgerBridgeNoWithdrawals)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "NoWithdrawals", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeNotConflicting represents a NotConflicting error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeNotConflicting struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotConflicting()
func OpenLedgerBridgeNotConflictingErrorID() common.Hash {
	return common.HexToHash("0x813d59df26bb2faab4848717b0582780a2d44a071b57f3c4b03858623b7ad5c5")
}

// UnpackNotConflictingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotConflicting()
func (openLedgerBridge *OpenLedgerBridge) UnpackNotConflictingError(raw []byte) (*OpenLedgerBridgeNotConflicting, error) {
	out := new(OpenLedgerBridgeNotConflicting)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "NotConflicting", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeNotGuardian represents a NotGuardian error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeNotGuardian struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGuardian()
func OpenLedgerBridgeNotGuardianErrorID() common.Hash {
	return common.HexToHash("0xef6d0f022a6034a270a71b2c18c08f672aa285210fc713e02118a224aabfd50b")
}

// UnpackNotGuardianError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGuardian()
func (openLedgerBridge *OpenLedgerBridge) UnpackNotGuardianError(raw []byte) (*OpenLedgerBridgeNotGuardian, error) {
	out := new(OpenLedgerBridgeNotGuardian)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "NotGuardian", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeNotMatured represents a NotMatured error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeNotMatured struct {
	Nonce     uint64
	MaturesAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMatured(uint64 nonce, uint64 maturesAt)
func OpenLedgerBridgeNotMaturedErrorID() common.Hash {
	return common.HexToHash("0xa357e3518335f9379db44b4ebd8360ce831eaacc5e29a9aaf4295480432dbd7c")
}

// UnpackNotMaturedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMatured(uint64 nonce, uint64 maturesAt)
func (openLedgerBridge *OpenLedgerBridge) UnpackNotMaturedError(raw []byte) (*OpenLedgerBridgeNotMatured, error) {
	out := new(OpenLedgerBridgeNotMatured)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "NotMatured", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func OpenLedgerBridgeSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (openLedgerBridge *OpenLedgerBridge) UnpackSafeERC20FailedOperationError(raw []byte) (*OpenLedgerBridgeSafeERC20FailedOperation, error) {
	out := new(OpenLedgerBridgeSafeERC20FailedOperation)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeSignaturesNotAscending represents a SignaturesNotAscending error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeSignaturesNotAscending struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignaturesNotAscending(uint256 index)
func OpenLedgerBridgeSignaturesNotAscendingErrorID() common.Hash {
	return common.HexToHash("0x068da06100dac0ca1cfbd35ea322e4a4d3709ef8328cd5e0f72de91cda311bc5")
}

// UnpackSignaturesNotAscendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignaturesNotAscending(uint256 index)
func (openLedgerBridge *OpenLedgerBridge) UnpackSignaturesNotAscendingError(raw []byte) (*OpenLedgerBridgeSignaturesNotAscending, error) {
	out := new(OpenLedgerBridgeSignaturesNotAscending)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "SignaturesNotAscending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeSignerSetMismatch represents a SignerSetMismatch error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeSignerSetMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignerSetMismatch()
func OpenLedgerBridgeSignerSetMismatchErrorID() common.Hash {
	return common.HexToHash("0x49519be221475a3429e9ce9401d4c39a5490f6ce4434bb449d9948f1fa9f2005")
}

// UnpackSignerSetMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignerSetMismatch()
func (openLedgerBridge *OpenLedgerBridge) UnpackSignerSetMismatchError(raw []byte) (*OpenLedgerBridgeSignerSetMismatch, error) {
	out := new(OpenLedgerBridgeSignerSetMismatch)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "SignerSetMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeUnexpectedNonce represents a UnexpectedNonce error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeUnexpectedNonce struct {
	Expected uint64
	Got      uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnexpectedNonce(uint64 expected, uint64 got)
func OpenLedgerBridgeUnexpectedNonceErrorID() common.Hash {
	return common.HexToHash("0x7dd651d61a64becb57f0687afdafdca1163cf0cb0cb338ee140eff4684b2875d")
}

// UnpackUnexpectedNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnexpectedNonce(uint64 expected, uint64 got)
func (openLedgerBridge *OpenLedgerBridge) UnpackUnexpectedNonceError(raw []byte) (*OpenLedgerBridgeUnexpectedNonce, error) {
	out := new(OpenLedgerBridgeUnexpectedNonce)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "UnexpectedNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeUntrustedSignerSet represents a UntrustedSignerSet error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeUntrustedSignerSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UntrustedSignerSet()
func OpenLedgerBridgeUntrustedSignerSetErrorID() common.Hash {
	return common.HexToHash("0x6b857d064fe54b464cdb4b501337b9a03a6a98d56fa47e53dba896f39498faf2")
}

// UnpackUntrustedSignerSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UntrustedSignerSet()
func (openLedgerBridge *OpenLedgerBridge) UnpackUntrustedSignerSetError(raw []byte) (*OpenLedgerBridgeUntrustedSignerSet, error) {
	out := new(OpenLedgerBridgeUntrustedSignerSet)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "UntrustedSignerSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeValsetNotYetEffective represents a ValsetNotYetEffective error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeValsetNotYetEffective struct {
	EffectiveAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValsetNotYetEffective(uint64 effectiveAt)
func OpenLedgerBridgeValsetNotYetEffectiveErrorID() common.Hash {
	return common.HexToHash("0x5d467f3b90648ca1f152203c7bc6d4c828aea1dccbc8ffa20b0caa650f1d1fd4")
}

// UnpackValsetNotYetEffectiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValsetNotYetEffective(uint64 effectiveAt)
func (openLedgerBridge *OpenLedgerBridge) UnpackValsetNotYetEffectiveError(raw []byte) (*OpenLedgerBridgeValsetNotYetEffective, error) {
	out := new(OpenLedgerBridgeValsetNotYetEffective)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "ValsetNotYetEffective", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenLedgerBridgeZeroArgument represents a ZeroArgument error raised by the OpenLedgerBridge contract.
type OpenLedgerBridgeZeroArgument struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroArgument()
func OpenLedgerBridgeZeroArgumentErrorID() common.Hash {
	return common.HexToHash("0xb7852ebb33ceb17a2a3852f8486d1f0576084faa44c60f9619814ee61d614b67")
}

// UnpackZeroArgumentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroArgument()
func (openLedgerBridge *OpenLedgerBridge) UnpackZeroArgumentError(raw []byte) (*OpenLedgerBridgeZeroArgument, error) {
	out := new(OpenLedgerBridgeZeroArgument)
	if err := openLedgerBridge.abi.UnpackIntoInterface(out, "ZeroArgument", raw); err != nil {
		return nil, err
	}
	return out, nil
}
