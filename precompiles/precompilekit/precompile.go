// Package precompilekit is what every OpenLedger precompile shares: one
// handler per ABI method, msg.sender as the actor, Solidity events, and
// reverts that carry the module's registered error.
package precompilekit

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"

	cmn "github.com/cosmos/evm/precompiles/common"

	errorsmod "cosmossdk.io/errors"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// RevertErrorName is the Solidity error every OpenLedger precompile reverts
// with: CosmosError(string codespace, uint32 code, string message).
const RevertErrorName = "CosmosError"

// Method runs one ABI method. It returns the method's outputs in ABI order.
type Method func(c *Call) ([]any, error)

// Precompile is a stateful precompile whose methods are Go handlers keyed by
// ABI method name. Writing methods (those not declared view or pure) are
// refused in static and delegate calls, where the EVM runs a precompile
// read-only; no method accepts value unless the ABI declares it payable.
//
// A payable method's msg.value comes back to msg.sender before the handler
// runs (see Run), so the handler spends it from msg.sender's bank balance
// like any other amount: the precompile's address, blocked from receiving
// funds, never holds OPEN.
type Precompile struct {
	cmn.Precompile
	abi.ABI
	name    string
	methods map[string]Method
}

// New builds a precompile at address from its ABI JSON and handlers; every
// ABI method must have a handler and every handler a method, and the ABI must
// declare the CosmosError revert.
func New(name string, address common.Address, abiJSON []byte, bank cmn.BankKeeper, methods map[string]Method) (*Precompile, error) {
	parsed, err := abi.JSON(bytes.NewReader(abiJSON))
	if err != nil {
		return nil, fmt.Errorf("%s precompile: abi.json: %w", name, err)
	}
	if _, ok := parsed.Errors[RevertErrorName]; !ok {
		return nil, fmt.Errorf("%s precompile: abi.json declares no %s error", name, RevertErrorName)
	}
	for _, m := range sortedKeys(parsed.Methods) {
		if methods[m] == nil {
			return nil, fmt.Errorf("%s precompile: ABI method %s has no handler", name, m)
		}
	}
	for _, m := range sortedKeys(methods) {
		if _, ok := parsed.Methods[m]; !ok {
			return nil, fmt.Errorf("%s precompile: handler %s is not an ABI method", name, m)
		}
	}
	return &Precompile{
		Precompile: cmn.Precompile{
			KvGasConfig:           storetypes.KVGasConfig(),
			TransientKVGasConfig:  storetypes.TransientGasConfig(),
			ContractAddress:       address,
			BalanceHandlerFactory: cmn.NewBalanceHandlerFactory(bank),
		},
		ABI:     parsed,
		name:    name,
		methods: methods,
	}, nil
}

// Name is the precompile's name, as the EVM's tracers report it.
func (p *Precompile) Name() string { return p.name }

// RequiredGas is the flat cost charged before the call runs: a store read or
// write and the input's bytes, as the Cosmos SDK charges them; the store
// accesses of the call itself are charged as they happen.
func (p *Precompile) RequiredGas(input []byte) uint64 {
	if len(input) < 4 {
		return 0
	}
	method, err := p.MethodById(input[:4])
	if err != nil {
		return 0
	}
	return p.Precompile.RequiredGas(input, !method.IsConstant())
}

// Run executes one call. Every error becomes a CosmosError revert, except
// running out of gas, which the EVM reports as such.
func (p *Precompile) Run(evm *vm.EVM, contract *vm.Contract, readOnly bool) ([]byte, error) {
	value := new(big.Int)
	if v := contract.Value(); v != nil {
		value = v.ToBig()
	}
	if value.Sign() > 0 {
		if err := p.returnValue(evm, contract, value, readOnly); err != nil {
			return p.revert(evm, err)
		}
	}
	var callErr error
	out, err := p.RunNativeAction(evm, contract, func(ctx sdk.Context) ([]byte, error) {
		out, err := p.execute(ctx, evm, contract, value, readOnly)
		callErr = err
		return out, err
	})
	if err == nil || callErr == nil || errors.Is(err, vm.ErrOutOfGas) {
		return out, err
	}
	return p.revert(evm, callErr)
}

// returnValue moves a call's msg.value from the precompile's address back to
// msg.sender in the EVM's state, where the EVM's transfer put it. The
// precompile's address is blocked from receiving funds, so the state could
// not be written to the bank with the value there; back with msg.sender,
// it is written there, the handler moves it in the bank like any amount, and
// the base precompile's balance handler mirrors that move into the EVM's
// state. Both state changes are journaled with the call and revert with it.
// A method that is not payable refuses the value. In a read-only call (a
// CALLCODE, the one read-only call that carries value) the EVM transferred
// nothing to the precompile, so nothing is moved; a writing method is
// refused there anyway.
func (p *Precompile) returnValue(evm *vm.EVM, contract *vm.Contract, value *big.Int, readOnly bool) error {
	method, err := p.methodOf(contract.Input)
	if err != nil {
		return err
	}
	if !method.IsPayable() {
		return errorsmod.Wrapf(ErrNotPayable, "%s, sent %s aopen", method.Name, value)
	}
	if readOnly {
		return nil
	}
	amount, overflow := uint256.FromBig(value)
	if overflow {
		return errorsmod.Wrapf(ErrNotPayable, "%s: value %s overflows 256 bits", method.Name, value)
	}
	if evm.StateDB.GetBalance(p.Address()).Cmp(amount) < 0 {
		return fmt.Errorf("%s precompile holds less than the %s aopen sent to it", p.name, value)
	}
	evm.StateDB.SubBalance(p.Address(), amount, tracing.BalanceChangeTransfer)
	evm.StateDB.AddBalance(contract.Caller(), amount, tracing.BalanceChangeTransfer)
	return nil
}

// methodOf is the ABI method input selects.
func (p *Precompile) methodOf(input []byte) (*abi.Method, error) {
	if len(input) < 4 {
		return nil, fmt.Errorf("%s precompile: input of %d bytes has no method id", p.name, len(input))
	}
	return p.MethodById(input[:4])
}

func (p *Precompile) execute(ctx sdk.Context, evm *vm.EVM, contract *vm.Contract, value *big.Int, readOnly bool) ([]byte, error) {
	method, args, err := cmn.SetupABI(p.ABI, contract, readOnly, func(m *abi.Method) bool { return !m.IsConstant() })
	if err != nil {
		return nil, err
	}
	return p.call(ctx, contract.Caller(), value, method, args, evm.StateDB)
}

// LogSink receives a call's Solidity events; the EVM's state database is one.
type LogSink interface {
	AddLog(log *ethtypes.Log)
}

// Invoke runs the method that input selects, with caller as msg.sender and
// no msg.value, on ctx, outside the EVM: the precompile's handlers as Run
// calls them, minus the EVM's gas and read-only checks. Its error is the
// handler's, as Run would encode it into a CosmosError.
func (p *Precompile) Invoke(ctx sdk.Context, caller common.Address, input []byte, logs LogSink) ([]byte, error) {
	return p.InvokeWithValue(ctx, caller, new(big.Int), input, logs)
}

// InvokeWithValue is Invoke with msg.value. Outside the EVM no value moves
// beforehand: value is in caller's bank balance, where Run puts it back
// before the handler runs, so the handler sees the same state either way.
func (p *Precompile) InvokeWithValue(ctx sdk.Context, caller common.Address, value *big.Int, input []byte, logs LogSink) ([]byte, error) {
	method, err := p.methodOf(input)
	if err != nil {
		return nil, err
	}
	if value.Sign() > 0 && !method.IsPayable() {
		return nil, errorsmod.Wrapf(ErrNotPayable, "%s, sent %s aopen", method.Name, value)
	}
	args, err := method.Inputs.Unpack(input[4:])
	if err != nil {
		return nil, fmt.Errorf("%s: arguments: %w", method.Name, err)
	}
	return p.call(ctx, caller, value, method, args, logs)
}

func (p *Precompile) call(ctx sdk.Context, caller common.Address, value *big.Int, method *abi.Method, args []any, logs LogSink) ([]byte, error) {
	handler := p.methods[method.Name]
	if handler == nil {
		return nil, fmt.Errorf("%s precompile has no method %q", p.name, method.Name)
	}
	c := &Call{Ctx: ctx, Caller: caller, Value: new(big.Int).Set(value), method: method, args: args, precompile: p, logs: logs}
	outputs, err := handler(c)
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(outputs...)
}

// revert returns the CosmosError revert for err: the codespace and code of
// the registered error it wraps (or the SDK's "undefined" codespace and code
// 1 for any other error) and its full message.
func (p *Precompile) revert(evm *vm.EVM, err error) ([]byte, error) {
	data, packErr := RevertData(p.ABI, err)
	if packErr != nil {
		return cmn.ReturnRevertError(evm, err)
	}
	evm.SetReturnData(data)
	return data, vm.ErrExecutionReverted
}

// Call is one method call: its context, its msg.sender and its arguments.
type Call struct {
	Ctx sdk.Context
	// Caller is msg.sender: the account or contract that called the
	// precompile, and the actor of every message the call sends.
	Caller common.Address
	// Value is msg.value in aopen: zero unless the method is payable. The
	// handler spends it from Caller's bank balance (see Run).
	Value *big.Int

	method     *abi.Method
	args       []any
	precompile *Precompile
	logs       LogSink
}

// Decode copies the call's arguments into the fields of v, a pointer to a
// struct whose field names are the ABI argument names in CamelCase.
func (c *Call) Decode(v any) error {
	if err := c.method.Inputs.Copy(v, c.args); err != nil {
		return fmt.Errorf("%s: arguments: %w", c.method.Name, err)
	}
	return nil
}

// Emit adds the ABI event name to the transaction's logs; args are its
// inputs in ABI order, indexed ones included.
func (c *Call) Emit(name string, args ...any) error {
	event, ok := c.precompile.Events[name]
	if !ok {
		return fmt.Errorf("%s precompile has no event %q", c.precompile.name, name)
	}
	if len(args) != len(event.Inputs) {
		return fmt.Errorf("event %s: %d arguments, want %d", name, len(args), len(event.Inputs))
	}
	topics := []common.Hash{event.ID}
	var data []any
	for i, input := range event.Inputs {
		if !input.Indexed {
			data = append(data, args[i])
			continue
		}
		topic, err := abi.MakeTopics([]any{args[i]})
		if err != nil {
			return fmt.Errorf("event %s: topic %s: %w", name, input.Name, err)
		}
		topics = append(topics, topic[0][0])
	}
	packed, err := event.Inputs.NonIndexed().Pack(data...)
	if err != nil {
		return fmt.Errorf("event %s: %w", name, err)
	}
	c.logs.AddLog(&ethtypes.Log{
		Address:     c.precompile.Address(),
		Topics:      topics,
		Data:        packed,
		BlockNumber: uint64(c.Ctx.BlockHeight()), //nolint:gosec // block heights are positive
	})
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
