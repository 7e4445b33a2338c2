package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/x/modelreg/types"
)

// AllInvariants checks every invariant of the module: the lineage references
// of every model point to existing lower ids, with a base of kind base.
// It is a plain function: the SDK no longer has an invariant registry.
func AllInvariants(k Keeper) func(ctx sdk.Context) (string, bool) {
	return func(ctx sdk.Context) (string, bool) {
		var msg string
		err := k.Models.Walk(ctx, nil, func(id uint64, m types.Model) (bool, error) {
			for _, ref := range []uint64{m.BaseModelId, m.PreviousVersionId} {
				if ref == 0 {
					continue
				}
				parent, err := k.Models.Get(ctx, ref)
				if err != nil || ref >= id {
					msg = fmt.Sprintf("model %d refers to missing or later model %d", id, ref)
					return true, nil
				}
				if ref == m.BaseModelId && parent.Kind != types.MODEL_KIND_BASE {
					msg = fmt.Sprintf("model %d: base model %d is a %s", id, ref, parent.Kind)
					return true, nil
				}
			}
			return false, nil
		})
		if err != nil {
			return fmt.Sprintf("%s: walking models: %v", types.ModuleName, err), true
		}
		if msg != "" {
			return fmt.Sprintf("%s: lineage invariant broken: %s", types.ModuleName, msg), true
		}
		return "", false
	}
}
