package modulekit

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// RegisterNotFound registers a module's error for a look-up that finds
// nothing. It carries gRPC code NotFound, so REST and gRPC clients see the
// usual status.
func RegisterNotFound(codespace string, code uint32, description string) *errorsmod.Error {
	return errorsmod.RegisterWithGRPCCode(codespace, code, codes.NotFound, description)
}

// RegisterInvalidRequest registers a module's error for a query request it
// refuses. It carries gRPC code InvalidArgument, so REST and gRPC clients
// see the usual status.
func RegisterInvalidRequest(codespace string, code uint32, description string) *errorsmod.Error {
	return errorsmod.RegisterWithGRPCCode(codespace, code, codes.InvalidArgument, description)
}
