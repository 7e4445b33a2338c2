package openlora

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/testutil"
	datanetclient "github.com/openledger/openledger/x/datanet/client"
	"github.com/openledger/openledger/x/datanet/merkle"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// segmentTexts are the contributions of the test Datanet, in acceptance
// order: versions 1, 2 and 3 end after the third, the seventh and the last.
var segmentTexts = []string{
	"Rotate the storage encryption keys every ninety days and keep the previous key readable for one more week so that old backups can still be restored.",
	"When a database replica lags more than thirty seconds behind the primary, stop routing read traffic to it until replication has caught up again.",
	"Warm the caches of a fresh deployment by replaying yesterday's busiest hundred queries before the load balancer sends it real users.",
	"A certificate that expires within fourteen days should page the on-call engineer, and one within three days should block every release.",
	"Disk usage above eighty percent on a log volume means the retention job has stalled: restart it before compacting anything by hand.",
	"Schedule schema migrations for the quiet hour after midnight, run them behind a feature flag, and keep the down migration tested.",
	"Before rebooting a node of the consensus cluster, drain its leases and confirm that a majority of the other members is healthy.",
	"Alert on the error budget burn rate over both one hour and six hours, so that a slow leak and a sudden outage are both caught early.",
}

// segmentFixture is an in-process chain with a Datanet of segmentTexts, and
// the real query service of its latest state.
type segmentFixture struct {
	chain    *testutil.Chain
	owner    testutil.Account
	versions []modelregtypes.DatasetRef
}

func newSegmentFixture(t *testing.T) *segmentFixture {
	t.Helper()
	f := &segmentFixture{chain: testutil.NewChain(t, 1_000_000, 0)}
	f.owner = f.chain.Accounts[0]
	owner := f.owner.Address.String()
	f.deliver(t, &datanettypes.MsgCreateDatanet{
		Owner: owner, Name: "Runbooks", License: "CC0-1.0",
		Visibility: datanettypes.VISIBILITY_PUBLIC, CurationPolicy: datanettypes.CURATION_POLICY_OWNER_REVIEWS,
	})
	next := 0
	for _, end := range []int{3, 7, len(segmentTexts)} {
		var decisions []datanettypes.ReviewDecision
		for ; next < end; next++ {
			text := []byte(segmentTexts[next])
			sum := sha256.Sum256(text)
			f.deliver(t, &datanettypes.MsgSubmitContribution{
				Contributor: owner, DatanetId: 1, ContentHash: sum[:], SizeBytes: uint64(len(text)), MediaType: "text/plain", InlineData: text,
			})
			decisions = append(decisions, datanettypes.ReviewDecision{ContributionId: uint64(next + 1), Accept: true, Reason: "ok"})
		}
		f.deliver(t, &datanettypes.MsgReviewContributions{Reviewer: owner, DatanetId: 1, Decisions: decisions})
		v, err := f.chain.App.DatanetKeeper.GetVersion(f.chain.Context(), 1, uint64(len(f.versions)+1))
		require.NoError(t, err)
		require.Equal(t, uint64(end), v.LeafCount)
		f.versions = append(f.versions, modelregtypes.DatasetRef{DatanetId: 1, Version: v.Version, Root: v.Root})
	}
	return f
}

func (f *segmentFixture) deliver(t *testing.T, msg sdk.Msg) {
	t.Helper()
	const gas = 2_000_000
	res := f.chain.NextBlock(f.chain.SignTx(f.owner, math.NewInt(gas).Mul(math.NewInt(1_000_000_000)), gas, msg))
	require.Len(t, res, 1)
	require.Zerof(t, res[0].Code, "%T: %s", msg, res[0].Log)
}

// attributor is a serving node's attributor over the chain's query
// service, keeping its indexes in dir.
func (f *segmentFixture) attributor(dir string) *Attributor {
	queries := &baseapp.QueryServiceTestHelper{GRPCQueryRouter: f.chain.App.GRPCQueryRouter(), Ctx: f.chain.Context()}
	return &Attributor{Chain: &Chain{datanets: datanettypes.NewQueryClient(queries)}, Dir: dir}
}

func TestVersionIndexesGrowBySegments(t *testing.T) {
	f := newSegmentFixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	a := f.attributor(dir)

	first, err := a.indexes(ctx, f.versions[0])
	require.NoError(t, err)
	require.Len(t, first, 1)
	require.Equal(t, 3, first[0].Documents())

	second, err := a.indexes(ctx, f.versions[1])
	require.NoError(t, err)
	require.Len(t, second, 2)
	require.Same(t, first[0], second[0], "version 2 reuses version 1's segment")
	require.Equal(t, 4, second[1].Documents(), "only the contributions accepted since version 1 are indexed")
	stored, err := a.storedSegments(1)
	require.NoError(t, err)
	require.Len(t, stored, 2)
	require.Equal(t, [2]uint64{3, 7}, [2]uint64{stored[1].FromLeaf, stored[1].LeafCount})

	t.Run("answers over the segments equal those over one index of the version", func(t *testing.T) {
		var whole bytes.Buffer
		_, _, err := datanetclient.ExportVersion(ctx, a.Chain.Datanets(), 1, 2, 100, &whole, io.Discard)
		require.NoError(t, err)
		wholeDir := filepath.Join(t.TempDir(), "whole")
		_, err = poa.Build(&whole, wholeDir, poa.BuildOptions{Name: "whole"})
		require.NoError(t, err)
		ix, err := poa.Open(wholeDir, poa.OpenOptions{})
		require.NoError(t, err)
		t.Cleanup(func() { ix.Close() })
		overWhole, err := poa.NewEngine([]*poa.Index{ix})
		require.NoError(t, err)
		overSegments, err := poa.NewEngine(second)
		require.NoError(t, err)
		for _, c := range []struct {
			output       string
			contributors int // contributions credited
		}{
			{segmentTexts[5], 1},                         // verbatim, from the second segment
			{segmentTexts[1] + " " + segmentTexts[6], 2}, // a mixture across both
			{"The quarterly report covers revenue, hiring plans and the new office lease in Lisbon.", 0},
		} {
			want, err := overWhole.Attribute([]byte(c.output), poa.Options{})
			require.NoError(t, err)
			got, err := overSegments.Attribute([]byte(c.output), poa.Options{})
			require.NoError(t, err)
			require.Len(t, want.Attributions, c.contributors, c.output)
			require.Equal(t, want.AttributedPPM, got.AttributedPPM, c.output)
			require.Equal(t, attributionsOf(want), attributionsOf(got), c.output)
		}
	})

	t.Run("a restarted node reopens the segments without building", func(t *testing.T) {
		again, err := f.attributor(dir).indexes(ctx, f.versions[1])
		require.NoError(t, err)
		require.Len(t, again, 2)
		after, err := a.storedSegments(1)
		require.NoError(t, err)
		require.Equal(t, stored, after)
	})

	t.Run("a segment whose frontier was tampered with does not extend", func(t *testing.T) {
		tamperedDir := t.TempDir()
		b := f.attributor(tamperedDir)
		_, err := b.indexes(ctx, f.versions[1])
		require.NoError(t, err)
		chain, err := b.storedSegments(1)
		require.NoError(t, err)
		last := chain[len(chain)-1]
		last.Branch[len(last.Branch)-1] = last.Branch[0] // another subtree's hash
		record, err := json.Marshal(last)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(tamperedDir, "indexes", last.name+".segment.json"), record, 0o644))
		_, err = b.indexes(ctx, f.versions[2])
		require.ErrorIs(t, err, merkle.ErrInvalidProof)
	})
}

// attributionsOf is what a receipt keeps of a result: each contribution's
// weight.
func attributionsOf(r *poa.Result) map[string]int64 {
	out := map[string]int64{}
	for _, a := range r.Attributions {
		out[a.ID] = a.WeightPPM
	}
	return out
}

func TestSegmentNamesSortInLeafOrder(t *testing.T) {
	root := "0123456789abcdef0123"
	names := []string{segmentName(7, 0, 9, root), segmentName(7, 9, 10, root), segmentName(7, 10, 100, root), segmentName(7, 100, 4_294_967_295, root)}
	require.True(t, slices.IsSorted(names), "%v", names)
}
