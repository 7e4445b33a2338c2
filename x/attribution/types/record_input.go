package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// RecordInput is what a settling module hands to Keeper.RecordAttribution
// for one model's share of a settled batch.
type RecordInput struct {
	// ServingNode is the bech32 address of the node that served the
	// inferences and computed the attribution.
	ServingNode string
	// ModelID is the x/modelreg model that produced the outputs.
	ModelID uint64
	// Method names the attribution method, e.g. the PoA engine's poa-1.exact-spans.minhash-lsh.
	Method string
	// Datasets are the Datanet versions the weights were computed over (the
	// model's training data).
	Datasets []DatasetVersion
	// ReceiptsRoot is the Merkle root of the batch's inference receipts
	// (32 bytes); a challenge proves one receipt against it.
	ReceiptsRoot []byte
	// InferenceCount is how many inferences of this model the record covers.
	InferenceCount uint64
	// Weights are per contribution, in strictly ascending contribution id,
	// each above zero, summing to at most PPMTotal. May be empty: then the
	// whole reward is unattributed.
	Weights []ContributionWeight
	// DataReward is the data contributors' share of the fees, in aopen. The
	// keeper moves it from the calling module's account into its own.
	DataReward sdk.Coin
	// Price is the model's price the settling module checked the usage
	// against (x/modelreg's UsageFeeBounds); a usage challenge judges a
	// receipt's fee by it.
	Price modelregtypes.Price
	// Tokens is the usage's total of prompt and completion tokens.
	Tokens uint64
	// BatchModelIDs are the models whose usage the batch settled, strictly
	// ascending, ModelID among them (just ModelID for a direct payment).
	BatchModelIDs []uint64
	// NodeSignedRoot is true when the serving node signed ReceiptsRoot (a
	// settled batch), false when a payer named it (a direct payment).
	NodeSignedRoot bool
}
