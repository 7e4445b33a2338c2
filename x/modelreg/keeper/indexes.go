package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/internal/modulekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// ModelIndexes are the reverse look-ups of models.
type ModelIndexes struct {
	// Owner indexes (owner address, model id).
	Owner *indexes.Multi[sdk.AccAddress, uint64, types.Model]
	// Base indexes (base model id, model id) for fine-tunes and adapters.
	Base *modulekit.RefsIndex[uint64, uint64, types.Model]
	// Datanet indexes (Datanet id, model id), one entry per Datanet the
	// model was trained on.
	Datanet *modulekit.RefsIndex[uint64, uint64, types.Model]
}

// IndexesList implements collections.Indexes.
func (i ModelIndexes) IndexesList() []collections.Index[uint64, types.Model] {
	return []collections.Index[uint64, types.Model]{i.Owner, i.Base, i.Datanet}
}

func newModelIndexes(sb *collections.SchemaBuilder, ac address.Codec) ModelIndexes {
	return ModelIndexes{
		Owner: indexes.NewMulti(sb, types.ModelsByOwnerKey, "models_by_owner",
			sdk.AccAddressKey, collections.Uint64Key,
			func(_ uint64, m types.Model) (sdk.AccAddress, error) {
				return ac.StringToBytes(m.Owner)
			}),
		Base: modulekit.NewRefsIndex(sb, types.ModelsByBaseKey, "models_by_base", collections.Uint64Key, collections.Uint64Key, func(m types.Model) []uint64 {
			if m.BaseModelId == 0 {
				return nil
			}
			return []uint64{m.BaseModelId}
		}),
		Datanet: modulekit.NewRefsIndex(sb, types.ModelsByDatanetKey, "models_by_datanet", collections.Uint64Key, collections.Uint64Key, func(m types.Model) []uint64 {
			return m.Training.DatanetIDs()
		}),
	}
}
