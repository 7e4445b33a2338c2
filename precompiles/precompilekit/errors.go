package precompilekit

import errorsmod "cosmossdk.io/errors"

// Codespace is the codespace of the errors the precompiles raise themselves,
// before any module sees the call.
const Codespace = "precompile"

// ErrNotPayable is a call with msg.value to a method the ABI does not
// declare payable; the EVM's value transfer is undone with the revert.
var ErrNotPayable = errorsmod.Register(Codespace, 2, "method does not accept msg.value")
