package model

// KVCache holds one sequence's keys (after rotary embedding) and values for
// every layer, so decoding a token attends to the past without recomputing
// it.
type KVCache struct {
	keys, values [][]float32 // per layer: [Len × KVDim]
	kvDim        int
}

// NewCache returns an empty cache for one sequence.
func (m *Model) NewCache() *KVCache {
	c := &KVCache{keys: make([][]float32, m.Config.Layers), values: make([][]float32, m.Config.Layers), kvDim: m.Config.KVDim()}
	return c
}

// Len is the number of positions cached.
func (c *KVCache) Len() int {
	if len(c.keys) == 0 || c.kvDim == 0 {
		return 0
	}
	return len(c.keys[len(c.keys)-1]) / c.kvDim
}

// Truncate drops every position from n on, for example to reuse a shared
// prompt prefix.
func (c *KVCache) Truncate(n int) {
	for l := range c.keys {
		c.keys[l] = c.keys[l][:min(len(c.keys[l]), n*c.kvDim)]
		c.values[l] = c.values[l][:min(len(c.values[l]), n*c.kvDim)]
	}
}

// Clone returns an independent copy.
func (c *KVCache) Clone() *KVCache {
	d := &KVCache{keys: make([][]float32, len(c.keys)), values: make([][]float32, len(c.values)), kvDim: c.kvDim}
	for l := range c.keys {
		d.keys[l] = append([]float32(nil), c.keys[l]...)
		d.values[l] = append([]float32(nil), c.values[l]...)
	}
	return d
}
