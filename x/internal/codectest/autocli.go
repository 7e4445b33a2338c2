package codectest

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/cosmos/gogoproto/proto"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// RequireAutoCLICoversServices checks a module's AutoCLI options against its
// Query and Msg services: every RPC has a command with a use and a short
// description, and every positional argument names a field of the request,
// so that a renamed proto field cannot silently break the CLI.
func RequireAutoCLICoversServices(t *testing.T, opts *autocliv1.ModuleOptions) {
	t.Helper()
	for _, svc := range []*autocliv1.ServiceCommandDescriptor{opts.Query, opts.Tx} {
		desc, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(svc.Service))
		require.NoError(t, err, svc.Service)
		methods := desc.(protoreflect.ServiceDescriptor).Methods()

		covered := map[string]bool{}
		for _, rpc := range svc.RpcCommandOptions {
			m := methods.ByName(protoreflect.Name(rpc.RpcMethod))
			require.NotNil(t, m, "%s has no method %s", svc.Service, rpc.RpcMethod)
			require.NotEmpty(t, rpc.Use, rpc.RpcMethod)
			require.NotEmpty(t, rpc.Short, rpc.RpcMethod)
			for _, arg := range rpc.PositionalArgs {
				require.NotNil(t, m.Input().Fields().ByName(protoreflect.Name(arg.ProtoField)),
					"%s has no field %s", m.Input().FullName(), arg.ProtoField)
			}
			covered[rpc.RpcMethod] = true
		}
		for i := 0; i < methods.Len(); i++ {
			require.True(t, covered[string(methods.Get(i).Name())], "%s.%s has no command", svc.Service, methods.Get(i).Name())
		}
	}
}
