package app

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"

	"github.com/cosmos/gogoproto/proto"
)

func TestOpenLedgerProtoAnnotationsAreValid(t *testing.T) {
	files, err := proto.MergedRegistry()
	require.NoError(t, err)
	require.NoError(t, validateOpenLedgerProtoAnnotations(files))
}

// A Msg service without cosmos.msg.v1.service in an openledger.* package is
// refused; the same service in another chain's package is not this chain's
// to judge.
func TestUnannotatedOpenLedgerMsgServiceIsRefused(t *testing.T) {
	for _, tc := range []struct {
		pkg     string
		wantErr bool
	}{{"openledger.broken.v1", true}, {"otherchain.broken.v1", false}} {
		pkg, wantErr := tc.pkg, tc.wantErr
		files := new(protoregistry.Files)
		fd, err := protodesc.NewFile(unannotatedMsgService(pkg), files)
		require.NoError(t, err)
		require.NoError(t, files.RegisterFile(fd))

		err = validateOpenLedgerProtoAnnotations(files)
		if wantErr {
			require.ErrorContains(t, err, "openledger.broken.v1.Msg")
		} else {
			require.NoError(t, err)
		}
	}
}

func unannotatedMsgService(pkg string) *descriptorpb.FileDescriptorProto {
	name := func(s string) *string { return &s }
	return &descriptorpb.FileDescriptorProto{
		Name:    name(pkg + "/tx.proto"),
		Package: name(pkg),
		Syntax:  name("proto3"),
		MessageType: []*descriptorpb.DescriptorProto{
			{Name: name("MsgDo")}, {Name: name("MsgDoResponse")},
		},
		Service: []*descriptorpb.ServiceDescriptorProto{{
			Name: name("Msg"),
			Method: []*descriptorpb.MethodDescriptorProto{{
				Name: name("Do"), InputType: name("." + pkg + ".MsgDo"), OutputType: name("." + pkg + ".MsgDoResponse"),
			}},
		}},
	}
}
