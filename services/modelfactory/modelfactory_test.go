package modelfactory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/llm/model"
	datanetclient "github.com/openledger/openledger/x/datanet/client"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

func TestHyperparametersDefaultsAndRefusals(t *testing.T) {
	h := DefaultHyperparameters()
	require.NoError(t, h.validate(&model.Config{MaxPositions: 2048}))
	require.Len(t, Help, 15, "every setting has its line of help")
	for _, bad := range []struct {
		change func(*Hyperparameters)
		field  string
	}{
		{func(h *Hyperparameters) { h.Rank = 0 }, "lora_rank"},
		{func(h *Hyperparameters) { h.Dropout = 1 }, "lora_dropout"},
		{func(h *Hyperparameters) { h.LearningRate = -1 }, "learning_rate"},
		{func(h *Hyperparameters) { h.Epochs = 0 }, "epochs"},
		{func(h *Hyperparameters) { h.MaxSeqLength = 4096 }, "max_seq_length"},
		{func(h *Hyperparameters) { h.WarmupRatio = 1 }, "warmup_ratio"},
		{func(h *Hyperparameters) { h.TargetModules = []string{"q_proj", "q_proj"} }, "target_modules"},
		{func(h *Hyperparameters) { h.TargetModules = []string{"lm_head"} }, "target_modules"},
		{func(h *Hyperparameters) { h.TargetModules = nil }, "target_modules"},
		{func(h *Hyperparameters) { h.Alpha = 0 }, "lora_alpha"},
		{func(h *Hyperparameters) { h.HoldoutPercent = 80 }, "holdout_percent"},
		{func(h *Hyperparameters) { h.AttributionCheckpoints = -1 }, "attribution_checkpoints"},
	} {
		h := DefaultHyperparameters()
		bad.change(&h)
		var e *Error
		require.ErrorAs(t, h.validate(&model.Config{MaxPositions: 2048}), &e)
		require.Equal(t, bad.field, e.Field)
		require.Equal(t, "invalid_hyperparameter", e.Code)
	}
}

func TestStepsAndRecordedSettings(t *testing.T) {
	h := DefaultHyperparameters()
	h.Epochs, h.BatchSize, h.Accumulation = 3, 2, 2
	require.Equal(t, 8, h.steps(10), "ceil(10 rows × 3 epochs / 4 per step)")
	require.Equal(t, 0, h.warmupSteps(8)) // 5% of 8
	rec := modelregtypes.TrainingRecord{Method: "lora"}
	for _, kv := range h.keyValues() {
		rec.Hyperparameters = append(rec.Hyperparameters, modelregtypes.KeyValue{Key: kv[0], Value: kv[1]})
	}
	require.NoError(t, rec.Validate(), "the chain accepts the recorded settings")
}

func TestRowsFromContributions(t *testing.T) {
	export := &VersionExport{Ref: DatasetRef{DatanetID: 3, Version: 1}, Lines: []datanetclient.ExportLine{
		{ID: "7", Text: `{"prompt": "a?", "response": "b."}` + "\n\n" + `{"prompt": "c?", "response": "d."}`},
		{ID: "8", Text: `{"question": "e?", "answer": "f."}`},
	}}
	m := Mapping{}.withDefaults()
	_, err := rowsOf(context.Background(), export, m)
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, "field_missing", e.Code)
	require.Contains(t, e.Message, "contribution 8 line 1")
	require.Contains(t, e.Message, "answer, question", "the row's own fields are named")

	export.Lines = export.Lines[:1]
	rows, err := rowsOf(context.Background(), export, m)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Equal(t, Row{DatanetID: 3, Version: 1, ContributionID: 7, Line: 3, SHA256: rows[1].SHA256, Prompt: "c?", Response: "d."}, rows[1])

	plain := &VersionExport{Ref: DatasetRef{DatanetID: 3, Version: 1}, Lines: []datanetclient.ExportLine{{ID: "9", Text: "Just prose."}}}
	_, err = rowsOf(context.Background(), plain, m)
	require.ErrorAs(t, err, &e)
	require.Equal(t, "row_not_json", e.Code)
	rows, err = rowsOf(context.Background(), plain, Mapping{Format: FormatText}.withDefaults())
	require.NoError(t, err)
	require.Equal(t, "Just prose.", rows[0].Text)
}

func TestHoldoutIsFixedBySeedAndData(t *testing.T) {
	var rows []Row
	for i := range 20 {
		rows = append(rows, Row{ContributionID: uint64(i + 1), SHA256: hex.EncodeToString([]byte{byte(i)})})
	}
	train, held := holdout(rows, 10, 42)
	require.Len(t, held, 2)
	require.Len(t, train, 18)
	again, heldAgain := holdout(rows, 10, 42)
	require.Equal(t, train, again)
	require.Equal(t, held, heldAgain)
	_, heldOther := holdout(rows, 10, 43)
	require.NotEqual(t, held, heldOther, "another seed holds out other rows")
	_, none := holdout(rows[:4], 10, 42)
	require.Empty(t, none, "fewer than five rows: nothing held out")
	_, one := holdout(rows[:5], 10, 42)
	require.Len(t, one, 1)
}

func TestLossDigestReadsBackExactly(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // variables: the sum is rounded as float64, not folded exactly
	losses := []float64{3.25, tenth + fifth, 1e-9}
	require.Equal(t, "1 3.25\n2 0.30000000000000004\n3 1e-09\n", lossDigestText(losses))
	require.NotEqual(t, lossDigest(losses), lossDigest([]float64{3.25, 0.3, 1e-9}))
}

func TestMetricsAreFixedPoint(t *testing.T) {
	v, ok := fixedPoint(1.5)
	require.True(t, ok)
	require.Equal(t, "1.500000", v)
	v, _ = fixedPoint(-0.0000001)
	require.Equal(t, "0.000000", v)
	_, ok = fixedPoint(2e17)
	require.False(t, ok, "too large for a metric")
}

func TestContentAddressedStore(t *testing.T) {
	cas := &CAS{Dir: t.TempDir()}
	src := filepath.Join(t.TempDir(), "object")
	require.NoError(t, os.WriteFile(src, []byte("adapter bytes"), 0o600))
	sum, size, err := cas.Put(src)
	require.NoError(t, err)
	require.Equal(t, uint64(13), size)
	key := hex.EncodeToString(sum)
	got, err := os.ReadFile(filepath.Join(cas.Dir, key))
	require.NoError(t, err)
	require.Equal(t, "adapter bytes", string(got))

	mux := http.NewServeMux()
	mux.Handle("GET /cas/{sha256}", cas)
	for _, c := range []struct {
		path   string
		status int
	}{{"/cas/" + key, 200}, {"/cas/" + key[:10], 400}, {"/cas/" + hexUpper(key), 400}, {"/cas/" + hex.EncodeToString(make([]byte, 32)), 404}} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.path, nil))
		require.Equal(t, c.status, rec.Code, c.path)
	}
	data, err := fetchObject(context.Background(), cas.Dir, key)
	require.NoError(t, err)
	require.Equal(t, "adapter bytes", string(data))
	require.NoError(t, os.WriteFile(filepath.Join(cas.Dir, key), []byte("tampered"), 0o600))
	_, err = fetchObject(context.Background(), cas.Dir, key)
	require.ErrorContains(t, err, "does not match its SHA-256")
}

func hexUpper(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c >= 'a' && c <= 'f' {
			out[i] = c - 'a' + 'A'
		}
	}
	return string(out)
}

func TestJobIDsNameOnlyJobFolders(t *testing.T) {
	require.True(t, validJobID("20261202-031500-a1b2c3"))
	for _, id := range []string{"", "..", "../etc", "a/b", "ABC", "job 1"} {
		require.False(t, validJobID(id), id)
	}
}

func TestLossCurveKeepsWhatTheCheckpointHas(t *testing.T) {
	s := &jobStore{dir: t.TempDir()}
	require.NoError(t, os.MkdirAll(s.jobDir("j"), 0o755))
	for i := 1; i <= 5; i++ {
		require.NoError(t, s.appendLoss("j", LossPoint{Step: i, Loss: float64(i)}))
	}
	// A crash cut the last line short.
	f, err := os.OpenFile(filepath.Join(s.jobDir("j"), "losses.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(`{"step":6,"lo`)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	all, err := s.losses("j", -1)
	require.NoError(t, err)
	require.Len(t, all, 5)
	kept, err := s.losses("j", 3)
	require.NoError(t, err)
	require.Len(t, kept, 3)
	again, err := s.losses("j", -1)
	require.NoError(t, err)
	require.Equal(t, kept, again, "the steps after the checkpoint are dropped, to be taken again")
}

func TestErrorsKeepTheirStatus(t *testing.T) {
	rec := httptest.NewRecorder()
	writeError(rec, conflict("not_trained", "job %s is %s", "x", "queued"))
	require.Equal(t, http.StatusConflict, rec.Code)
	require.JSONEq(t, `{"error":{"code":"not_trained","message":"job x is queued"}}`, rec.Body.String())
	rec = httptest.NewRecorder()
	writeError(rec, errors.New("disk full"))
	require.Equal(t, http.StatusInternalServerError, rec.Code)
}

func TestOffChainContentIsFetchedAndChecked(t *testing.T) {
	row := `{"prompt": "a?", "response": "b."}`
	path := filepath.Join(t.TempDir(), "row.json")
	require.NoError(t, os.WriteFile(path, []byte(row), 0o600))
	sum := sha256.Sum256([]byte(row))
	line := datanetclient.ExportLine{ID: "4", URI: "file://" + path, SHA256: hex.EncodeToString(sum[:]), SizeBytes: uint64(len(row))}
	export := &VersionExport{Ref: DatasetRef{DatanetID: 1, Version: 1}, Lines: []datanetclient.ExportLine{line}}
	rows, err := rowsOf(context.Background(), export, Mapping{}.withDefaults())
	require.NoError(t, err)
	require.Equal(t, "b.", rows[0].Response)

	export.Lines[0].SHA256 = hex.EncodeToString(make([]byte, 32))
	_, err = rowsOf(context.Background(), export, Mapping{}.withDefaults())
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, "content_unavailable", e.Code)
	require.Contains(t, e.Message, "does not match its SHA-256")
}
