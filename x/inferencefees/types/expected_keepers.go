package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	"github.com/openledger/openledger/x/internal/modulekit"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// AccountKeeper is what x/inferencefees needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/inferencefees needs from x/bank: taking deposits and
// direct payments into the module account, paying shares and withdrawals
// out of it, burning the burn share, and reading the module balance for the
// invariant.
type BankKeeper interface {
	modulekit.ModuleBank
}

// CommunityPoolKeeper is what x/inferencefees needs from x/protocolpool
// (Keeper.FundCommunityPool in SDK v0.54, which takes an sdk.Context).
type CommunityPoolKeeper = modulekit.CommunityPool

// ModelregKeeper is what x/inferencefees needs from x/modelreg: a model's
// status, owner and training Datanet versions. Unknown ids answer
// x/modelreg's ErrModelNotFound.
type ModelregKeeper interface {
	GetModel(ctx context.Context, id uint64) (modelregtypes.Model, error)
}

// AgentstakeKeeper is what x/inferencefees needs from x/agentstake.
type AgentstakeKeeper interface {
	// CheckActiveServingNode returns nil when operator is an ACTIVE serving
	// node that serves modelID, otherwise a wrapped x/agentstake error.
	CheckActiveServingNode(ctx context.Context, operator sdk.AccAddress, modelID uint64) error
}

// AttributionKeeper is what x/inferencefees needs from x/attribution.
type AttributionKeeper interface {
	// CheckAttribution checks a method and weights as RecordAttribution
	// will, with x/attribution's errors and params, so a batch is refused
	// before anything is written.
	CheckAttribution(ctx context.Context, method string, weights []attributiontypes.ContributionWeight) error
	// RecordAttribution moves in.DataReward from fromModule's account into
	// x/attribution and stores a record; it returns the record id.
	RecordAttribution(ctx context.Context, fromModule string, in attributiontypes.RecordInput) (uint64, error)
}
