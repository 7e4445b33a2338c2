package openlora

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// AdapterCache keeps loaded adapters in memory, least recently used first
// out, within MaxBytes; below it the disk cache and the remote artifact.
// Loads of one adapter by concurrent requests happen once.
type AdapterCache struct {
	MaxBytes int64
	Load     func(ctx context.Context, key string) (LoadedAdapter, string, error)
	// Observe, when set, receives each lookup's tier and load time.
	Observe func(tier string, took time.Duration)

	mu      sync.Mutex
	bytes   int64
	order   *list.List // of *cacheEntry, most recent at the front
	entries map[string]*list.Element
	loading map[string]*pendingLoad
}

type cacheEntry struct {
	key     string
	adapter LoadedAdapter
}

type pendingLoad struct {
	done    chan struct{}
	adapter LoadedAdapter
	tier    string
	err     error
}

// Get returns the adapter for key (loading it if needed), the tier it came
// from and how long that took.
func (c *AdapterCache) Get(ctx context.Context, key string) (LoadedAdapter, string, time.Duration, error) {
	start := time.Now()
	c.mu.Lock()
	if c.entries == nil {
		c.entries, c.loading, c.order = map[string]*list.Element{}, map[string]*pendingLoad{}, list.New()
	}
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		c.mu.Unlock()
		c.observe(TierRAM, time.Since(start))
		return el.Value.(*cacheEntry).adapter, TierRAM, time.Since(start), nil
	}
	if p, ok := c.loading[key]; ok {
		c.mu.Unlock()
		select {
		case <-p.done:
		case <-ctx.Done():
			return nil, "", time.Since(start), ctx.Err()
		}
		return p.adapter, p.tier, time.Since(start), p.err
	}
	p := &pendingLoad{done: make(chan struct{})}
	c.loading[key] = p
	c.mu.Unlock()

	// The load runs to completion even if this request goes away, so the
	// next request for the adapter finds it.
	p.adapter, p.tier, p.err = c.Load(context.WithoutCancel(ctx), key)
	c.mu.Lock()
	delete(c.loading, key)
	if p.err == nil {
		c.entries[key] = c.order.PushFront(&cacheEntry{key: key, adapter: p.adapter})
		c.bytes += p.adapter.Bytes()
		for c.bytes > c.MaxBytes && c.order.Len() > 1 {
			last := c.order.Back()
			e := last.Value.(*cacheEntry)
			c.order.Remove(last)
			delete(c.entries, e.key)
			c.bytes -= e.adapter.Bytes()
		}
	}
	c.mu.Unlock()
	close(p.done)
	took := time.Since(start)
	if p.err == nil {
		c.observe(p.tier, took)
	}
	return p.adapter, p.tier, took, p.err
}

// Len and Bytes describe what is in memory.
func (c *AdapterCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.order == nil {
		return 0
	}
	return c.order.Len()
}

func (c *AdapterCache) observe(tier string, took time.Duration) {
	if c.Observe != nil {
		c.Observe(tier, took)
	}
}

// Drop forgets a loaded adapter.
func (c *AdapterCache) Drop(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.bytes -= el.Value.(*cacheEntry).adapter.Bytes()
		c.order.Remove(el)
		delete(c.entries, key)
	}
}
