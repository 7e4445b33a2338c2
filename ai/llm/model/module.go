package model

import "fmt"

// Module names one of a decoder layer's seven projections.
type Module int

// The projections in the order a layer applies them.
const (
	Q Module = iota
	K
	V
	O
	Gate
	Up
	Down
	NumModules
)

var moduleNames = [NumModules]string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// String is the module's Hugging Face name ("q_proj", ...).
func (m Module) String() string { return moduleNames[m] }

// ParentName is the submodule holding the projection: "self_attn" or "mlp".
func (m Module) ParentName() string {
	if m <= O {
		return "self_attn"
	}
	return "mlp"
}

// ModuleByName returns the module with the given Hugging Face name.
func ModuleByName(name string) (Module, error) {
	for i, n := range moduleNames {
		if n == name {
			return Module(i), nil
		}
	}
	return 0, fmt.Errorf("unknown projection %q (known: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj)", name)
}

// TensorName is the Hugging Face name of a layer's projection weight.
func TensorName(layer int, m Module, suffix string) string {
	return fmt.Sprintf("model.layers.%d.%s.%s.%s", layer, m.ParentName(), m, suffix)
}
