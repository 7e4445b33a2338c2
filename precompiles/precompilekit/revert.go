package precompilekit

import (
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi"

	errorsmod "cosmossdk.io/errors"
)

// RevertData encodes err as the ABI's CosmosError: the codespace and code of
// the registered error err wraps, and err's full message. Solidity callers
// catch it with `catch (bytes memory reason)`, and ethers.js decodes it with
// the precompile's ABI.
func RevertData(parsed abi.ABI, err error) ([]byte, error) {
	revert, ok := parsed.Errors[RevertErrorName]
	if !ok {
		return nil, fmt.Errorf("ABI declares no %s error", RevertErrorName)
	}
	codespace, code, message := errorsmod.ABCIInfo(err, false)
	args, packErr := revert.Inputs.Pack(codespace, code, message)
	if packErr != nil {
		return nil, packErr
	}
	return append(revert.ID[:4:4], args...), nil
}
