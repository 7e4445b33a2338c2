package agentstake_test

import (
	"testing"

	"github.com/openledger/openledger/x/agentstake"
	"github.com/openledger/openledger/x/internal/codectest"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, agentstake.AppModule{}.AutoCLIOptions())
}
