package types

import (
	"context"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	datanettypes "github.com/openledger/openledger/x/datanet/types"
	"github.com/openledger/openledger/x/internal/modulekit"
)

// AccountKeeper is what x/attribution needs from x/auth: its module account's
// address.
type AccountKeeper = modulekit.ModuleAccounts

// BankKeeper is what x/attribution needs from x/bank: taking data rewards
// from the settling module, taking and returning challenge bonds, paying
// claims, burning, and reading its own balance for the invariant.
type BankKeeper interface {
	SendCoinsFromModuleToModule(ctx context.Context, senderModule, recipientModule string, amt sdk.Coins) error
	modulekit.ModuleBank
}

// CommunityPoolKeeper is what x/attribution needs from x/protocolpool. The
// signature matches protocolpool's Keeper.FundCommunityPool in SDK v0.54,
// which takes an sdk.Context.
type CommunityPoolKeeper = modulekit.CommunityPool

// DatanetKeeper is what x/attribution needs from x/datanet: the versions a
// record names, the weighted contributions and the owners of their Datanets.
// It matches x/datanet's Keeper (version 0 there means the current one;
// x/attribution never asks for 0).
type DatanetKeeper interface {
	GetDatanet(ctx context.Context, id uint64) (datanettypes.Datanet, error)
	GetContribution(ctx context.Context, id uint64) (datanettypes.Contribution, error)
	GetVersion(ctx context.Context, datanetID, version uint64) (datanettypes.Version, error)
}

// AgentstakeKeeper is what x/attribution needs from x/agentstake: the stake
// of the attestors who vote on challenges, and slashing a serving node whose
// record a challenge overturned.
type AgentstakeKeeper interface {
	// AttestorStake is the bonded stake of an ACTIVE attestor; an error for
	// any other account.
	AttestorStake(ctx context.Context, operator sdk.AccAddress) (math.Int, error)
	// TotalAttestorStake is the bonded stake of all ACTIVE attestors.
	TotalAttestorStake(ctx context.Context) (math.Int, error)
	// SlashForAttribution slashes a serving node for an upheld challenge,
	// pays the challenger share to challenger and returns the total slashed.
	SlashForAttribution(ctx context.Context, operator sdk.AccAddress, evidenceRef string, challenger sdk.AccAddress, infractionHeight int64) (math.Int, error)
}
