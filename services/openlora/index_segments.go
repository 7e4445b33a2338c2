package openlora

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openledger/openledger/ai/poa"
	datanetclient "github.com/openledger/openledger/x/datanet/client"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// A Datanet version's PoA index is a chain of segments. Each segment
// indexes the contributions accepted between two leaf counts of the
// Datanet, from where the segment before it ends (0 for the first), and
// records the Merkle frontier at its end, so that the next version needs
// only a segment of what was accepted since: the versions before it are
// never re-read or re-indexed. Querying the segments of a chain together
// is querying the whole version: the engine counts occurrences, rarity and
// term frequencies over all its indexes, and the segments do not overlap.
//
// On disk, segment <name> (segmentName) is the index directory
// indexes/<name> and its record indexes/<name>.segment.json, written once
// the index is complete.

// segment is the record of one index segment.
type segment struct {
	DatanetID uint64 `json:"datanet_id"`
	FromLeaf  uint64 `json:"from_leaf"`
	LeafCount uint64 `json:"leaf_count"`
	// Version and Root are those of the version the segment was built
	// for, whose first LeafCount contributions it ends at.
	Version uint64   `json:"version"`
	Root    string   `json:"root"`
	Branch  []string `json:"frontier"` // merkle.Frontier's branch at LeafCount, hex
	name    string
}

func (s segment) prefix() (datanetclient.Prefix, error) {
	p := datanetclient.Prefix{LeafCount: s.LeafCount, Branch: make([][]byte, len(s.Branch))}
	for i, h := range s.Branch {
		b, err := hex.DecodeString(h)
		if err != nil {
			return p, fmt.Errorf("segment %s: frontier entry %d: %w", s.name, i, err)
		}
		p.Branch[i] = b
	}
	return p, nil
}

// segmentChain is the chain of segments that indexes version r of its
// Datanet, building the last segment if the stored ones end before it.
func (a *Attributor) segmentChain(ctx context.Context, r modelregtypes.DatasetRef) ([]segment, error) {
	versionRes, err := a.Chain.Datanets().Version(ctx, &datanettypes.QueryVersionRequest{DatanetId: r.DatanetId, Version: r.Version})
	if err != nil {
		return nil, fmt.Errorf("datanet %d version %d: %w", r.DatanetId, r.Version, err)
	}
	version := versionRes.Version
	if !bytes.Equal(version.Root, r.Root) {
		return nil, fmt.Errorf("datanet %d version %d has root %x, the model's training record says %x", r.DatanetId, r.Version, version.Root, r.Root)
	}
	stored, err := a.storedSegments(r.DatanetId)
	if err != nil {
		return nil, err
	}
	chain := longestChain(stored, version.LeafCount)
	var last segment
	if len(chain) > 0 {
		last = chain[len(chain)-1]
	}
	if len(chain) > 0 && last.LeafCount == version.LeafCount {
		// A root commits to the leaves and their count: a version with the
		// segment's leaf count has the segment's root.
		if last.Root != hex.EncodeToString(version.Root) {
			return nil, fmt.Errorf("segment %s ends at %d contributions with root %s, version %d there has root %x",
				last.name, last.LeafCount, last.Root, version.Version, version.Root)
		}
		return chain, nil
	}
	next, err := a.buildSegment(ctx, r, last)
	if err != nil {
		return nil, err
	}
	return append(chain, next), nil
}

// longestChain is the chain of stored segments from leaf 0 that reaches
// furthest without passing leafCount.
func longestChain(stored []segment, leafCount uint64) []segment {
	var chain []segment
	at := uint64(0)
	for {
		best := -1
		for i, s := range stored {
			if s.FromLeaf == at && s.LeafCount > at && s.LeafCount <= leafCount && (best < 0 || s.LeafCount > stored[best].LeafCount) {
				best = i
			}
		}
		if best < 0 {
			return chain
		}
		chain = append(chain, stored[best])
		at = stored[best].LeafCount
	}
}

// storedSegments reads the segment records of a Datanet, in name order.
func (a *Attributor) storedSegments(datanetID uint64) ([]segment, error) {
	records, err := filepath.Glob(filepath.Join(a.Dir, "indexes", fmt.Sprintf("datanet-%d-leaves-*.segment.json", datanetID)))
	if err != nil {
		return nil, err
	}
	slices.Sort(records)
	var out []segment
	for _, path := range records {
		bz, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var s segment
		if err := json.Unmarshal(bz, &s); err != nil {
			return nil, fmt.Errorf("segment record %s: %w", path, err)
		}
		s.name = strings.TrimSuffix(filepath.Base(path), ".segment.json")
		if s.DatanetID != datanetID || s.FromLeaf >= s.LeafCount {
			return nil, fmt.Errorf("segment record %s covers datanet %d leaves [%d, %d)", path, s.DatanetID, s.FromLeaf, s.LeafCount)
		}
		out = append(out, s)
	}
	return out, nil
}

// segmentName names a segment's index. The engine orders its indexes by
// name, and so the candidates its scores tie; zero-padded leaf counts
// (a Datanet holds fewer than 2^32 contributions) make that the order of
// the contributions, as in one index of the whole version.
func segmentName(datanetID, fromLeaf, leafCount uint64, rootHex string) string {
	return fmt.Sprintf("datanet-%d-leaves-%010d-%010d-%s", datanetID, fromLeaf, leafCount, rootHex[:16])
}

// buildSegment indexes the contributions of version r after the segment
// after (the zero segment: from the first), checking the version's root
// from after's frontier, and records the new segment.
func (a *Attributor) buildSegment(ctx context.Context, r modelregtypes.DatasetRef, after segment) (segment, error) {
	prefix, err := after.prefix()
	if err != nil {
		return segment{}, err
	}
	progress := a.Log
	if progress == nil {
		progress = io.Discard
	}
	var jsonl bytes.Buffer
	export, err := datanetclient.ExportVersionFrom(ctx, a.Chain.Datanets(), r.DatanetId, r.Version, prefix, 500, &jsonl, progress)
	if err != nil {
		return segment{}, err
	}
	s := segment{
		DatanetID: r.DatanetId, FromLeaf: prefix.LeafCount, LeafCount: export.Prefix.LeafCount,
		Version: r.Version, Root: hex.EncodeToString(export.Root),
	}
	for _, b := range export.Prefix.Branch {
		s.Branch = append(s.Branch, hex.EncodeToString(b))
	}
	s.name = segmentName(s.DatanetID, s.FromLeaf, s.LeafCount, s.Root)
	dir := filepath.Join(a.Dir, "indexes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return segment{}, err
	}
	if _, err := poa.Build(&jsonl, filepath.Join(dir, s.name), poa.BuildOptions{
		Name: s.name, Progress: a.Log, Replace: true, SizeHint: int64(jsonl.Len()),
	}); err != nil {
		return segment{}, fmt.Errorf("indexing datanet %d contributions %d to %d: %w", s.DatanetID, s.FromLeaf, s.LeafCount, err)
	}
	record, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return segment{}, err
	}
	tmp := filepath.Join(dir, s.name+".segment.json.tmp")
	if err := os.WriteFile(tmp, record, 0o644); err != nil {
		return segment{}, err
	}
	return s, os.Rename(tmp, filepath.Join(dir, s.name+".segment.json"))
}
