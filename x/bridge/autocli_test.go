package bridge_test

import (
	"testing"

	"github.com/openledger/openledger/x/bridge"
	"github.com/openledger/openledger/x/internal/codectest"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, bridge.AppModule{}.AutoCLIOptions())
}
