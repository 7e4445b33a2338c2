package app

import (
	"fmt"
	"strings"

	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/cosmos/cosmos-sdk/types/msgservice"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// openLedgerProtoPackage prefixes the proto packages this chain defines.
const openLedgerProtoPackage = "openledger."

// validateOpenLedgerProtoAnnotations checks that every Msg service of an
// openledger.* proto file carries the annotations the SDK derives signers
// from (cosmos.msg.v1.service and each message's cosmos.msg.v1.signer). A
// missing one would let a message through without a signer check, so it is a
// programming error that must stop the node; other chains' protos are not
// this chain's to judge.
func validateOpenLedgerProtoAnnotations(files signing.ProtoFileResolver) error {
	if err := msgservice.ValidateProtoAnnotations(openLedgerFiles{files}); err != nil {
		return fmt.Errorf("proto annotations of openledger.* services: %w", err)
	}
	return nil
}

// openLedgerFiles narrows a proto file resolver's listing to this chain's
// packages; look-ups by name still see every file, as imports need them.
type openLedgerFiles struct {
	signing.ProtoFileResolver
}

func (f openLedgerFiles) RangeFiles(visit func(protoreflect.FileDescriptor) bool) {
	f.ProtoFileResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(string(fd.Package()), openLedgerProtoPackage) {
			return true
		}
		return visit(fd)
	})
}
