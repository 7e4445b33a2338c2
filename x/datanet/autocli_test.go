package datanet_test

import (
	"testing"

	"github.com/openledger/openledger/x/datanet"
	"github.com/openledger/openledger/x/internal/codectest"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, datanet.AppModule{}.AutoCLIOptions())
}
