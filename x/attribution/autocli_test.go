package attribution_test

import (
	"testing"

	"github.com/openledger/openledger/x/attribution"
	"github.com/openledger/openledger/x/internal/codectest"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, attribution.AppModule{}.AutoCLIOptions())
}
