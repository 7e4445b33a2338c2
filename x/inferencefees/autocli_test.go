package inferencefees_test

import (
	"testing"

	"github.com/openledger/openledger/x/inferencefees"
	"github.com/openledger/openledger/x/internal/codectest"
)

func TestAutoCLIOptionsMatchTheServices(t *testing.T) {
	codectest.RequireAutoCLICoversServices(t, inferencefees.AppModule{}.AutoCLIOptions())
}
