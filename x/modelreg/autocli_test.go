package modelreg_test

import (
	"testing"

	"github.com/openledger/openledger/x/internal/codectest"
	"github.com/openledger/openledger/x/modelreg"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, modelreg.AppModule{}.AutoCLIOptions())
}
