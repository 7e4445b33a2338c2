// Package clikit builds the AutoCLI descriptors of OpenLedger modules, so
// that each module's autocli.go states only its own commands.
package clikit

import (
	"strings"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// Service describes the commands of one of a module's services (its
// Query or Msg service, by full name). enhanceCustom says that the module
// also has hand-written commands of the service, which AutoCLI must add to
// rather than replace.
func Service(name string, enhanceCustom bool, cmds ...*autocliv1.RpcCommandOptions) *autocliv1.ServiceCommandDescriptor {
	return &autocliv1.ServiceCommandDescriptor{Service: name, EnhanceCustomCommand: enhanceCustom, RpcCommandOptions: cmds}
}

// ParamsQuery is the params query every module has.
func ParamsQuery() *autocliv1.RpcCommandOptions {
	return Command("Params", "params", "Show the module parameters")
}

// ParamsProposal is the params change proposal every module has.
func ParamsProposal() *autocliv1.RpcCommandOptions {
	return Proposal("UpdateParams", "update-params-proposal <params-json>",
		"Propose new module parameters (all fields) to governance", "params")
}

// Command is the command of one RPC: its use line, its short description
// and the request fields its positional arguments fill, in order. A field
// name ending in "?" is an optional last argument; one ending in "..."
// takes every remaining argument.
func Command(method, use, short string, args ...string) *autocliv1.RpcCommandOptions {
	c := &autocliv1.RpcCommandOptions{RpcMethod: method, Use: use, Short: short}
	for _, a := range args {
		d := &autocliv1.PositionalArgDescriptor{ProtoField: a}
		if f, ok := strings.CutSuffix(a, "?"); ok {
			d.ProtoField, d.Optional = f, true
		} else if f, ok := strings.CutSuffix(a, "..."); ok {
			d.ProtoField, d.Varargs = f, true
		}
		c.PositionalArgs = append(c.PositionalArgs, d)
	}
	return c
}

// Proposal is a Command that submits its message as a governance proposal.
func Proposal(method, use, short string, args ...string) *autocliv1.RpcCommandOptions {
	c := Command(method, use, short, args...)
	c.GovProposal = true
	return c
}

// Described is c with a long description.
func Described(c *autocliv1.RpcCommandOptions, long string) *autocliv1.RpcCommandOptions {
	c.Long = long
	return c
}

// HandWritten is c left to the module's hand-written command of the same
// RPC: AutoCLI builds nothing for it.
func HandWritten(c *autocliv1.RpcCommandOptions) *autocliv1.RpcCommandOptions {
	c.Skip = true
	return c
}
