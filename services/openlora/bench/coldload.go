package bench

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/services/openlora"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// TierLatency is the median and worst time to make an adapter usable from
// one cache tier.
type TierLatency struct {
	Tier        string
	Median, Max time.Duration
	Samples     int
}

// ColdLoad publishes n adapters as PEFT folders behind file:// URIs with
// their on-chain records, then asks the node's adapter cache for each three
// times: from the remote artifact (fetch, SHA-256 and size check, parse),
// from the disk cache after the memory cache dropped it, and from memory.
func ColdLoad(base *model.Model, adapters []*lora.Adapter, dir string) ([]TierLatency, error) {
	records := map[string]*modelregtypes.Model{}
	for i, a := range adapters {
		folder := filepath.Join(dir, "published", fmt.Sprint(i))
		if err := a.Save(folder); err != nil {
			return nil, err
		}
		weights := filepath.Join(folder, "adapter_model.safetensors")
		sum, size, err := openlora.HashFile(weights)
		if err != nil {
			return nil, err
		}
		cfg, err := os.ReadFile(filepath.Join(folder, "adapter_config.json"))
		if err != nil {
			return nil, err
		}
		configSum := sha256.Sum256(cfg)
		records[fmt.Sprint(i)] = &modelregtypes.Model{
			Id: uint64(i) + 1, Kind: modelregtypes.MODEL_KIND_LORA_ADAPTER,
			Artifact: modelregtypes.Artifact{Uri: (&url.URL{Scheme: "file", Path: weights}).String(), Sha256: sum, SizeBytes: size},
			Training: modelregtypes.TrainingRecord{ConfigHash: configSum[:]},
		}
	}
	artifacts := &openlora.Artifacts{Dir: filepath.Join(dir, "cache")}
	byTier := map[string][]time.Duration{}
	cache := &openlora.AdapterCache{
		MaxBytes: 1 << 40,
		Load: func(ctx context.Context, key string) (openlora.LoadedAdapter, string, error) {
			folder, tier, err := artifacts.AdapterFolder(ctx, records[key])
			if err != nil {
				return nil, "", err
			}
			a, err := lora.Load(folder, &base.Config)
			if err != nil {
				return nil, "", err
			}
			return sized{a}, tier, nil
		},
		Observe: func(tier string, took time.Duration) { byTier[tier] = append(byTier[tier], took) },
	}
	ctx := context.Background()
	for key := range records { // order-independent: each adapter is measured alone
		for range 2 {
			if _, _, _, err := cache.Get(ctx, key); err != nil {
				return nil, err
			}
		}
		cache.Drop(key)
		if _, _, _, err := cache.Get(ctx, key); err != nil {
			return nil, err
		}
	}
	var out []TierLatency
	for _, tier := range []string{openlora.TierRAM, openlora.TierDisk, openlora.TierRemote} {
		d := byTier[tier]
		slices.Sort(d)
		out = append(out, TierLatency{Tier: tier, Median: percentile(d, 50), Max: d[len(d)-1], Samples: len(d)})
	}
	return out, nil
}

// sized is a loaded adapter for the cache. The cache is unbounded here
// (only load latency is measured), so every adapter counts one byte.
type sized struct{ *lora.Adapter }

func (s sized) Bytes() int64 { return 1 }
