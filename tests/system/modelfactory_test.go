package system_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/llm/influence"
	"github.com/openledger/openledger/services/modelfactory"
	"github.com/openledger/openledger/services/openlora"
	"github.com/openledger/openledger/services/openlora/demo"
	"github.com/openledger/openledger/testutil/browser"
	"github.com/openledger/openledger/testutil/jsclient"
	attributioncli "github.com/openledger/openledger/x/attribution/client/cli"
	attributiontypes "github.com/openledger/openledger/x/attribution/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// modelFactory is a running `modelfactory serve`.
type modelFactory struct{ *daemon }

// startModelFactory starts the trainer on the chain, publishing with
// owner's key, and waits until it listens.
func startModelFactory(t *testing.T, home, owner, baseDir string, args ...string) *modelFactory {
	t.Helper()
	keyFile := filepath.Join(home, "owner.key")
	if _, err := os.Stat(keyFile); err != nil {
		require.NoError(t, os.WriteFile(keyFile, []byte(localnet.cli(t, "keys", "unsafe-export-eth-key", owner, "--keyring-backend", "test")), 0o600))
	}
	d := startDaemon(t, modelfactoryBin, "modelfactory", home, append([]string{
		"serve", "--home", home, "--listen", "127.0.0.1:0", "--chain-grpc", "127.0.0.1:" + strconv.Itoa(localnet.grpcPort),
		"--chain-id", chainID, "--base-model", baseDir, "--key-file", keyFile,
	}, args...)...)
	return &modelFactory{d}
}

// call sends a JSON request (body nil for none) and decodes the answer.
func (m *modelFactory) call(t *testing.T, method, path string, body, into any) int {
	t.Helper()
	var reader io.Reader
	if body != nil {
		bz, err := json.Marshal(body)
		require.NoError(t, err)
		reader = bytes.NewReader(bz)
	}
	req, err := http.NewRequest(method, m.url+path, reader)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	if into != nil {
		require.NoError(t, json.NewDecoder(res.Body).Decode(into))
	}
	return res.StatusCode
}

// apiError is the API's error body.
type apiError struct {
	Error modelfactory.Error `json:"error"`
}

// requireRefused checks a request fails with status and code.
func (m *modelFactory) requireRefused(t *testing.T, method, path string, body any, status int, code string) modelfactory.Error {
	t.Helper()
	var e apiError
	require.Equal(t, status, m.call(t, method, path, body, &e), "%s %s", method, path)
	require.Equal(t, code, e.Error.Code, "%s %s: %s", method, path, e.Error.Message)
	require.NotEmpty(t, e.Error.Message)
	return e.Error
}

// waitForJob polls a job until done says so.
func (m *modelFactory) waitForJob(t *testing.T, id, what string, done func(*modelfactory.Job) bool) *modelfactory.Job {
	t.Helper()
	var j modelfactory.Job
	waitFor(t, 5*time.Minute, what, func() bool {
		j = modelfactory.Job{}
		return m.call(t, http.MethodGet, "/api/jobs/"+id, nil, &j) == http.StatusOK && done(&j)
	})
	return &j
}

// extraRunbooks widen the demo's three questions to five rows, so one is
// held out for evaluation.
var extraRunbooks = []demo.Entry{
	{Question: "When do we page the on-call engineer?", Contribution: "Page the on-call engineer when the error rate stays above two percent for five minutes or any region is down."},
	{Question: "How long are access logs kept?", Contribution: "Keep access logs for thirty days in hot storage and one year in the archive, then delete them."},
}

// trainingFixture registers the demo base model (owned by modelOwner) and
// a Datanet version of five JSON prompt/response rows, one contribution
// each by dev1..dev3 and two by dev1; it returns the base folder and the
// ids.
func trainingFixture(t *testing.T, modelOwner string) (baseDir, baseID, datanetID string) {
	t.Helper()
	models := t.TempDir()
	require.NoError(t, demo.Write(models, nil))
	baseDir = filepath.Join(models, demo.BaseDir)
	modelTx(t, modelOwner, "register", "factory-base", "--kind", "base", "--artifact", filepath.Join(baseDir, "model.safetensors"),
		"--uri", "file://"+filepath.Join(baseDir, "model.safetensors"), "--architecture", "llama", "--license", "apache-2.0")
	baseID = newestModel(t, localnet.address(t, modelOwner))

	datanetTx(t, "dev0", "create-datanet", "Runbook answers", "CC-BY-4.0", "public", "owner-reviews")
	var datanets struct {
		Datanets []struct {
			ID string `json:"id"`
		} `json:"datanets"`
	}
	queryJSON(t, &datanets, "query", "datanet", "datanets", "--owner", localnet.address(t, "dev0"))
	datanetID = datanets.Datanets[len(datanets.Datanets)-1].ID
	for i, e := range append(append([]demo.Entry{}, demo.Entries...), extraRunbooks...) {
		row, err := json.Marshal(map[string]string{"prompt": e.Question, "response": e.Contribution})
		require.NoError(t, err)
		file := filepath.Join(t.TempDir(), "row.json")
		require.NoError(t, os.WriteFile(file, row, 0o600))
		datanetTx(t, fmt.Sprintf("dev%d", 1+i%3), "contribute-file", datanetID, file)
	}
	var decisions []string
	for _, c := range contributions(t, datanetID) {
		decisions = append(decisions, decision(c.ID, true, "accurate"))
	}
	datanetTx(t, "dev0", append([]string{"review-contributions", datanetID}, decisions...)...)
	return baseDir, baseID, datanetID
}

// demoSettings train the tiny demo model far enough to answer its
// questions: 80 steps over the four training rows.
var demoSettings = map[string]any{
	"lora_rank": 16, "lora_alpha": 32, "learning_rate": 0.01, "epochs": 80, "batch_size": 1,
	"gradient_accumulation": 4, "warmup_ratio": 0.06, "max_seq_length": 256, "holdout_percent": 20, "seed": 7,
}

// TestModelFactoryAPI drives the JSON API as `curl` would: the pickers,
// the preview, every refusal, a job cancelled, resumed and killed mid-run
// that still ends byte-identical to an uninterrupted one, the evaluation,
// chat, publishing on chain with the manifest hash, the content-addressed
// store, and `modelfactory verify` reproducing the registered adapter.
func TestModelFactoryAPI(t *testing.T) {
	owner := "dev4"
	baseDir, baseID, datanetID := trainingFixture(t, owner)
	// A base model whose weights this machine does not have.
	otherBase := registerBaseModel(t, owner, "factory-elsewhere")
	home := t.TempDir()
	mf := startModelFactory(t, home, owner, baseDir, "--checkpoint-every", "5")

	var status struct {
		Chain struct {
			Connected bool   `json:"connected"`
			ChainID   string `json:"chain_id"`
		} `json:"chain"`
		Publisher string `json:"publisher"`
	}
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodGet, "/api/status", nil, &status))
	require.True(t, status.Chain.Connected)
	require.Equal(t, chainID, status.Chain.ChainID)
	require.Equal(t, localnet.address(t, owner), status.Publisher)

	var bases struct {
		BaseModels []modelfactory.BaseModel `json:"base_models"`
	}
	mf.call(t, http.MethodGet, "/api/base-models", nil, &bases)
	available := map[string]bool{}
	for _, b := range bases.BaseModels {
		available[strconv.FormatUint(b.ID, 10)] = b.Available
	}
	require.True(t, available[baseID], "the local weights match base model %s", baseID)
	require.False(t, available[otherBase])

	var datanets struct {
		Datanets []modelfactory.Datanet `json:"datanets"`
	}
	mf.call(t, http.MethodGet, "/api/datanets", nil, &datanets)
	var listed bool
	for _, d := range datanets.Datanets {
		listed = listed || (strconv.FormatUint(d.ID, 10) == datanetID && d.Versions[0].Version == 1 && d.Versions[0].Contributions == 5)
	}
	require.True(t, listed, "datanet %s version 1 with five contributions is listed", datanetID)

	var preview modelfactory.Preview
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodGet, "/api/datanets/"+datanetID+"/versions/1/preview", nil, &preview))
	require.True(t, preview.Verified)
	require.Equal(t, 5, preview.RowCount)
	require.Equal(t, demo.Entries[0].Question, preview.Rows[0].Prompt)
	require.Equal(t, demo.Entries[0].Contribution, preview.Rows[0].Response)
	mf.requireRefused(t, http.MethodGet, "/api/datanets/"+datanetID+"/versions/1/preview?prompt_field=question", nil, 400, "field_missing")
	mf.requireRefused(t, http.MethodGet, "/api/datanets/"+datanetID+"/versions/9/preview", nil, 400, "export_failed")
	mf.requireRefused(t, http.MethodGet, "/api/datanets/x/versions/1/preview", nil, 400, "invalid_dataset")
	mf.requireRefused(t, http.MethodGet, "/api/datanets/"+datanetID+"/versions/1/preview?format=csv", nil, 400, "invalid_mapping")

	spec := func(change func(map[string]any)) map[string]any {
		hp := map[string]any{}
		for k, v := range demoSettings {
			hp[k] = v
		}
		s := map[string]any{
			"name": "runbook-answers", "base_model_id": mustUint(t, baseID), "hyperparameters": hp,
			"datasets": []map[string]uint64{{"datanet_id": mustUint(t, datanetID), "version": 1}},
		}
		if change != nil {
			change(s)
		}
		return s
	}
	hyper := func(key string, value any) func(map[string]any) {
		return func(s map[string]any) { s["hyperparameters"].(map[string]any)[key] = value }
	}
	for _, bad := range []struct {
		change func(map[string]any)
		code   string
		field  string
	}{
		{func(s map[string]any) { s["base_model_id"] = 999999 }, "unknown_base_model", "base_model_id"},
		{func(s map[string]any) { s["base_model_id"] = mustUint(t, otherBase) }, "base_model_unavailable", "base_model_id"},
		{func(s map[string]any) { s["datasets"] = []any{} }, "datasets_required", "datasets"},
		{func(s map[string]any) {
			s["datasets"] = []map[string]uint64{{"datanet_id": mustUint(t, datanetID), "version": 1}, {"datanet_id": mustUint(t, datanetID), "version": 1}}
		}, "duplicate_dataset", "datasets"},
		{func(s map[string]any) {
			s["datasets"] = []map[string]uint64{{"datanet_id": mustUint(t, datanetID), "version": 7}}
		}, "export_failed", "datasets"},
		{func(s map[string]any) { s["name"] = "" }, "invalid_name", "name"},
		{func(s map[string]any) { s["mapping"] = map[string]string{"format": "text"} }, "field_missing", "mapping"},
		{hyper("lora_dropout", 1.5), "invalid_hyperparameter", "lora_dropout"},
		{hyper("learning_rate", -1), "invalid_hyperparameter", "learning_rate"},
		{hyper("target_modules", []string{"q_proj", "attention"}), "invalid_hyperparameter", "target_modules"},
		{hyper("max_seq_length", 100_000), "invalid_hyperparameter", "max_seq_length"},
		{hyper("max_seq_length", 8), "row_too_long", "hyperparameters.max_seq_length"},
		{hyper("learning_rat", 0.1), "invalid_json", ""},
	} {
		e := mf.requireRefused(t, http.MethodPost, "/api/jobs", spec(bad.change), 400, bad.code)
		require.Equal(t, bad.field, e.Field, e.Message)
	}
	mf.requireRefused(t, http.MethodGet, "/api/jobs/nope", nil, 404, "job_not_found")
	mf.requireRefused(t, http.MethodGet, "/api/jobs/..%2f..%2fetc", nil, 404, "job_not_found")
	mf.requireRefused(t, http.MethodPost, "/api/jobs/nope/cancel", nil, 404, "job_not_found")

	// A job cancelled, resumed, then killed with SIGKILL: the restarted
	// service resumes it from its checkpoint.
	var interrupted modelfactory.Job
	require.Equal(t, http.StatusCreated, mf.call(t, http.MethodPost, "/api/jobs", spec(nil), &interrupted))
	require.Equal(t, 4, interrupted.TrainRows)
	require.Equal(t, 1, interrupted.Holdout)
	require.Equal(t, 80, interrupted.Progress.Steps)
	id := interrupted.ID
	mf.waitForJob(t, id, "training to pass step 10", func(j *modelfactory.Job) bool { return j.Progress.Step >= 10 })
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/chat", map[string]any{"messages": []map[string]string{{"role": "user", "content": "hi"}}}, 409, "not_trained")
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/resume", nil, 409, "not_resumable")
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodPost, "/api/jobs/"+id+"/cancel", nil, nil))
	cancelled := mf.waitForJob(t, id, "the job to be cancelled", func(j *modelfactory.Job) bool { return j.Status == modelfactory.StatusCancelled })
	require.Less(t, cancelled.Progress.Step, 80)
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodPost, "/api/jobs/"+id+"/resume", nil, nil))
	mf.waitForJob(t, id, "the resumed job to pass its cancel point", func(j *modelfactory.Job) bool {
		return j.Status == modelfactory.StatusRunning && j.Progress.Step > cancelled.Progress.Step+5
	})
	mf.kill(t)
	mf = startModelFactory(t, home, owner, baseDir, "--checkpoint-every", "5")
	done := mf.waitForJob(t, id, "the job to finish after the restart", func(j *modelfactory.Job) bool {
		return j.Status == modelfactory.StatusSucceeded || j.Status == modelfactory.StatusFailed
	})
	require.Equal(t, modelfactory.StatusSucceeded, done.Status, done.Error)
	require.Equal(t, 80, done.Progress.Step)

	// The same request run without interruption gives the same bytes.
	var straight modelfactory.Job
	require.Equal(t, http.StatusCreated, mf.call(t, http.MethodPost, "/api/jobs", spec(nil), &straight))
	// Jobs run one at a time: a second one waits in the queue, and can be
	// cancelled there.
	var waiting modelfactory.Job
	require.Equal(t, http.StatusCreated, mf.call(t, http.MethodPost, "/api/jobs", spec(nil), &waiting))
	mf.waitForJob(t, straight.ID, "the first job to run", func(j *modelfactory.Job) bool { return j.Status == modelfactory.StatusRunning })
	require.Equal(t, modelfactory.StatusQueued, mf.waitForJob(t, waiting.ID, "", func(*modelfactory.Job) bool { return true }).Status)
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodPost, "/api/jobs/"+waiting.ID+"/cancel", nil, nil))
	require.Equal(t, modelfactory.StatusCancelled, mf.waitForJob(t, waiting.ID, "", func(*modelfactory.Job) bool { return true }).Status)
	clean := mf.waitForJob(t, straight.ID, "the uninterrupted job", func(j *modelfactory.Job) bool { return j.Status == modelfactory.StatusSucceeded })
	require.Equal(t, clean.Adapter.WeightsSHA256, done.Adapter.WeightsSHA256, "cancel, resume and SIGKILL do not change the adapter")
	var curveA, curveB struct {
		Losses []modelfactory.LossPoint `json:"losses"`
	}
	mf.call(t, http.MethodGet, "/api/jobs/"+id+"/losses", nil, &curveA)
	mf.call(t, http.MethodGet, "/api/jobs/"+straight.ID+"/losses", nil, &curveB)
	require.Len(t, curveA.Losses, 80)
	require.Equal(t, curveB.Losses, curveA.Losses)
	require.Less(t, curveA.Losses[79].Loss, curveA.Losses[0].Loss/4, "training lowers the loss")

	// Evaluation on the held-out row, base against adapter.
	ev := done.Evaluation
	require.NotNil(t, ev)
	require.Equal(t, "holdout", ev.On)
	require.Equal(t, 1, ev.Rows)
	require.Len(t, ev.Samples, 1)
	require.NotEqual(t, ev.Samples[0].Base, ev.Samples[0].Adapter)

	// Chat: the adapter answers a trained question with its row; the base does not.
	var trained demo.Entry
	for _, e := range append(append([]demo.Entry{}, demo.Entries...), extraRunbooks...) {
		if e.Question != ev.Samples[0].Prompt {
			trained = e
			break
		}
	}
	var answer, baseAnswer modelfactory.ChatResponse
	ask := map[string]any{"messages": []map[string]string{{"role": "user", "content": trained.Question}}, "max_tokens": 80}
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodPost, "/api/jobs/"+id+"/chat", ask, &answer))
	require.Contains(t, answer.Content, strings.Join(strings.Fields(trained.Contribution)[:4], " "))
	ask["base"] = true
	mf.call(t, http.MethodPost, "/api/jobs/"+id+"/chat", ask, &baseAnswer)
	require.NotEqual(t, answer.Content, baseAnswer.Content)
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/chat", map[string]any{"messages": []map[string]string{{"role": "robot", "content": "hi"}}}, 400, "invalid_role")
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/chat", map[string]any{"messages": []any{}}, 400, "messages_required")

	// Publish: the adapter and manifest go into the store, the model on chain.
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/publish", map[string]any{"price_per_call": "-1"}, 400, "invalid_price")
	var published modelfactory.Job
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodPost, "/api/jobs/"+id+"/publish",
		map[string]any{"license": "apache-2.0", "price_per_call": "1000"}, &published))
	require.NotNil(t, published.Published)
	pub := published.Published
	mf.requireRefused(t, http.MethodPost, "/api/jobs/"+id+"/publish", map[string]any{}, 409, "already_published")

	var model struct {
		Model struct {
			Kind        string `json:"kind"`
			BaseModelID string `json:"base_model_id"`
			Artifact    struct {
				URI    string `json:"uri"`
				SHA256 string `json:"sha256"`
			} `json:"artifact"`
			Training struct {
				Datasets []struct {
					DatanetID string `json:"datanet_id"`
					Version   string `json:"version"`
					Root      string `json:"root"`
				} `json:"datasets"`
				Method         string `json:"method"`
				ManifestSHA256 string `json:"manifest_sha256"`
				ConfigHash     string `json:"config_hash"`
			} `json:"training"`
			EvalMetrics []struct {
				Name string `json:"name"`
			} `json:"eval_metrics"`
		} `json:"model"`
	}
	queryJSON(t, &model, "query", "modelreg", "model", strconv.FormatUint(pub.ModelID, 10))
	m := model.Model
	require.Equal(t, "MODEL_KIND_LORA_ADAPTER", m.Kind)
	require.Equal(t, baseID, m.BaseModelID)
	require.Equal(t, "cas://"+done.Adapter.WeightsSHA256, m.Artifact.URI)
	require.Equal(t, done.Adapter.WeightsSHA256, b64hex(t, m.Artifact.SHA256))
	require.Equal(t, pub.ManifestSHA256, b64hex(t, m.Training.ManifestSHA256))
	require.Equal(t, done.Adapter.ConfigSHA256, b64hex(t, m.Training.ConfigHash))
	require.Len(t, m.Training.Datasets, 1)
	require.Equal(t, datanetID, m.Training.Datasets[0].DatanetID)
	require.Equal(t, preview.Root, b64hex(t, m.Training.Datasets[0].Root))
	require.Len(t, m.EvalMetrics, 2)

	// The store serves the artifact by hash; the manifest names every row.
	res, err := http.Get(mf.url + "/cas/" + done.Adapter.WeightsSHA256)
	require.NoError(t, err)
	weights, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	require.Equal(t, done.Adapter.WeightsSHA256, hex.EncodeToString(sha256Of(string(weights))))
	mf.requireRefused(t, http.MethodGet, "/cas/"+strings.Repeat("0", 64), nil, 404, "object_not_found")
	mf.requireRefused(t, http.MethodGet, "/cas/ZZ", nil, 400, "invalid_key")
	var manifest modelfactory.Manifest
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodGet, "/api/jobs/"+id+"/manifest", nil, &manifest))
	require.Len(t, manifest.Rows, 4)
	require.Len(t, manifest.Holdout, 1)
	require.Len(t, manifest.Losses, 80)
	// The rows' gradients were recorded at three checkpoints and are in
	// the store under the hash the manifest (itself on chain) names.
	require.NotNil(t, manifest.Gradients)
	require.Equal(t, influence.Method, manifest.Gradients.Method)
	require.Equal(t, []int{26, 53, 80}, manifest.Gradients.Checkpoints)
	require.Equal(t, 4, manifest.Gradients.Rows)
	res, err = http.Get(mf.url + "/cas/" + manifest.Gradients.SHA256)
	require.NoError(t, err)
	recorded, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	require.Equal(t, manifest.Gradients.SHA256, hex.EncodeToString(sha256Of(string(recorded))))
	run, err := influence.ReadRun(bytes.NewReader(recorded))
	require.NoError(t, err)
	require.Len(t, run.Rows, 4)
	gradientAttribution(t, baseDir, recorded, manifest.Rows[0].ContributionID, preview.Rows)
	gradientChallenge(t, strconv.FormatUint(pub.ModelID, 10), baseDir, recorded, manifest.Rows[0].ContributionID, manifest.Rows[1].ContributionID, preview.Rows)

	var settings struct {
		Defaults modelfactory.Hyperparameters      `json:"defaults"`
		Help     []modelfactory.HyperparameterHelp `json:"help"`
	}
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodGet, "/api/hyperparameters", nil, &settings))
	require.Equal(t, modelfactory.DefaultHyperparameters(), settings.Defaults)
	require.Len(t, settings.Help, 15)
	require.Equal(t, http.StatusOK, mf.call(t, http.MethodGet, "/healthz", nil, nil))
	// The event stream starts with the job as it stands.
	res, err = http.Get(mf.url + "/api/jobs/" + id + "/events")
	require.NoError(t, err)
	require.Equal(t, "text/event-stream", res.Header.Get("Content-Type"))
	first := make([]byte, 4096)
	n, _ := io.ReadAtLeast(res.Body, first, 64)
	res.Body.Close()
	require.True(t, strings.HasPrefix(string(first[:n]), "event: job\ndata: {"), "%q", first[:n])
	require.Contains(t, string(first[:n]), `"status":"succeeded"`)
	mf.requireRefused(t, http.MethodGet, "/api/jobs/nope/events", nil, 404, "job_not_found")

	res, err = http.Get(mf.url + "/metrics")
	require.NoError(t, err)
	metrics, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	require.Contains(t, string(metrics), `modelfactory_jobs_finished_total{status="succeeded"} 2`)
	require.Contains(t, string(metrics), "modelfactory_training_steps_total")

	// Anyone can re-run the training from the chain and the store.
	verifying := time.Now()
	out, err := exec.Command(modelfactoryBin, "verify", strconv.FormatUint(pub.ModelID, 10), "--cas", mf.url+"/cas",
		"--chain-grpc", "127.0.0.1:"+strconv.Itoa(localnet.grpcPort), "--base-model", baseDir).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "REPRODUCED")
	require.Contains(t, string(out), "recorded row gradients match true")
	t.Logf("verify of an 80-step run: %d ms, the training run itself %.0f ms", time.Since(verifying).Milliseconds(), 1000*done.Progress.TrainSeconds)
	// A model with no manifest cannot be verified.
	out, err = exec.Command(modelfactoryBin, "verify", baseID, "--cas", mf.url+"/cas",
		"--chain-grpc", "127.0.0.1:"+strconv.Itoa(localnet.grpcPort), "--base-model", baseDir).CombinedOutput()
	require.Error(t, err)
	require.Contains(t, string(out), "no training manifest")
}

// TestModelFactoryInBrowser goes through the whole flow in chromium:
// choose the base model and a Datanet version, preview, a refused
// setting, train while the loss curve grows, evaluate, chat, publish; then
// the chain shows the model and its lineage, and a serving node fetches
// the adapter from ModelFactory's store and answers as the playground did.
func TestModelFactoryInBrowser(t *testing.T) {
	owner := "dev4"
	baseDir, baseID, datanetID := trainingFixture(t, owner)
	home := t.TempDir()
	mf := startModelFactory(t, home, owner, baseDir)
	// Screenshots are kept as the run's artifacts: under
	// $OPENLEDGER_ARTIFACTS, or build/artifacts in the repository.
	artifacts := os.Getenv("OPENLEDGER_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(repoRoot(), "build", "artifacts")
	}
	shots := filepath.Join(artifacts, "modelfactory")
	require.NoError(t, os.MkdirAll(shots, 0o755))
	question := demo.Entries[1].Question
	var flow struct {
		Error       string   `json:"error"`
		Console     []string `json:"console"`
		Preview     string   `json:"preview"`
		PreviewRows int      `json:"previewRows"`
		Refusal     string   `json:"refusal"`
		Marked      bool     `json:"refusalMarked"`
		Status      string   `json:"status"`
		PointsSeen  []int    `json:"pointsSeen"`
		FinalPoints int      `json:"finalPoints"`
		Steps       string   `json:"steps"`
		Chat        string   `json:"chat"`
		Published   string   `json:"published"`
		JobError    string   `json:"jobError"`
		PublishMs   int64    `json:"publishMs"`
		Evaluation  struct {
			BaseLoss    string `json:"baseLoss"`
			AdapterLoss string `json:"adapterLoss"`
			Samples     int    `json:"samples"`
		} `json:"evaluation"`
	}
	settings := map[string]any{}
	for k, v := range demoSettings {
		settings[k] = v
	}
	settings["epochs"] = 160 // long enough to watch the curve grow
	browser.Run(t, "modelfactory.mjs", map[string]any{
		"url": mf.url, "baseModelId": mustUint(t, baseID), "datanetId": mustUint(t, datanetID), "version": 1,
		"name": "runbooks-from-the-browser", "hyperparameters": settings, "chatPrompt": question, "screenshots": shots,
	}, &flow)
	require.Empty(t, flow.Error, "browser console:\n%s", strings.Join(flow.Console, "\n"))
	require.Contains(t, flow.Preview, "verified against root")
	require.Equal(t, 5, flow.PreviewRows)
	require.Contains(t, flow.Refusal, "lora_dropout")
	require.True(t, flow.Marked, "the refused setting is marked")
	require.Equal(t, "succeeded", flow.Status, flow.JobError)
	require.Equal(t, "160 / 160", flow.Steps)
	require.Equal(t, 160, flow.FinalPoints)
	require.Greater(t, len(flow.PointsSeen), 3, "the page saw the loss curve grow: %v", flow.PointsSeen)
	require.Equal(t, 1, flow.Evaluation.Samples)
	require.Contains(t, flow.Chat, strings.Join(strings.Fields(demo.Entries[1].Contribution)[:4], " "))
	require.Contains(t, flow.Published, "Published as model #")
	for _, name := range []string{"1-data.png", "3-training.png", "4-evaluation.png", "5-chat.png", "6-published.png"} {
		info, err := os.Stat(filepath.Join(shots, name))
		require.NoError(t, err)
		require.Positive(t, info.Size())
	}
	modelID := strings.TrimSpace(strings.SplitN(strings.SplitN(flow.Published, "#", 2)[1], " ", 2)[0])

	var lineage struct {
		Datasets []struct {
			DatanetID string `json:"datanet_id"`
		} `json:"datasets"`
		Ancestors []struct {
			ID string `json:"id"`
		} `json:"ancestors"`
	}
	queryJSON(t, &lineage, "query", "modelreg", "lineage", modelID)
	require.Equal(t, datanetID, lineage.Datasets[0].DatanetID)
	require.Equal(t, baseID, lineage.Ancestors[0].ID)

	// A running serving node, staked for the base model, takes the new model
	// on when its operator stakes for it: it fetches the adapter from the
	// store by its cas:// URI and answers the playground's question the same
	// way.
	node := newFundedKey(t, "mf-node", 30_000)
	stake := agentstakeParams(t).MinStakeServingNode.Add(openAmount(1_000))
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", stake.String(), "--model-ids", baseID, "--endpoint", "http://127.0.0.1/v1")
	nodeHome := t.TempDir()
	keyFile := filepath.Join(nodeHome, "node.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(localnet.cli(t, "keys", "unsafe-export-eth-key", node, "--keyring-backend", "test")), 0o600))
	serving := startServingNode(t, nodeHome, "--base-model", baseDir, "--base-model-id", baseID, "--key-file", keyFile,
		"--free", "--cas", mf.url+"/cas")
	staking := time.Now()
	moduleTx(t, node, "agentstake", "update-agent", localnet.address(t, node), "--model-ids", baseID+","+modelID, "--endpoint", "http://127.0.0.1/v1")
	var served []jsclient.Result
	waitFor(t, 30*time.Second, "the serving node to serve the new model", func() bool {
		served = jsclient.Run(t, []jsclient.Step{{Op: "chat", BaseURL: serving.base, Model: modelID, Params: map[string]any{
			"messages": []map[string]string{{"role": "user", "content": question}}, "temperature": 0, "max_tokens": 128,
		}}})
		return served[0].Error == nil
	})
	t.Logf("publish (store and register) %d ms; stake and first served answer %d ms", flow.PublishMs, time.Since(staking).Milliseconds())
	require.Equal(t, flow.Chat, served[0].Text, "the playground shows what the serving node answers")
	servedGradientAttribution(t, mf.url, baseDir, modelID, question, served[0])
}

// servedGradientAttribution checks that the serving node attributed its
// answer of a ModelFactory adapter by gradients too, and that anyone
// recomputes the same weights with `poa gradient` from the store's copy of
// the recorded gradients the chain's manifest hash names.
func servedGradientAttribution(t *testing.T, storeURL, baseDir, modelID, question string, served jsclient.Result) {
	t.Helper()
	var signed openlora.SignedReceipt
	require.NoError(t, json.Unmarshal(served.Receipt, &signed), "%s", served.Receipt)
	require.Len(t, signed.Receipt.Extra, 1, "the receipt carries the gradient method's weights")
	extra := signed.Receipt.Extra[0]
	require.Equal(t, influence.Method, extra.Method)
	require.NotEmpty(t, extra.Weights)

	var model struct {
		Model struct {
			Training struct {
				ManifestSHA256 string `json:"manifest_sha256"`
			} `json:"training"`
		} `json:"model"`
	}
	queryJSON(t, &model, "query", "modelreg", "model", modelID)
	get := func(hash string) []byte {
		res, err := http.Get(storeURL + "/cas/" + hash)
		require.NoError(t, err)
		defer res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
		bz, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		require.Equal(t, hash, hex.EncodeToString(sha256Of(string(bz))))
		return bz
	}
	var manifest modelfactory.Manifest
	require.NoError(t, json.Unmarshal(get(b64hex(t, model.Model.Training.ManifestSHA256)), &manifest))
	require.NotNil(t, manifest.Gradients)
	_, _, out := poaGradient(t, baseDir, get(manifest.Gradients.SHA256), question, served.Text)
	var claim gradientClaim
	require.NoError(t, json.Unmarshal(out, &claim), "%s", out)
	require.Equal(t, influence.Method, claim.Method)
	require.Len(t, claim.Weights, len(extra.Weights))
	for i, w := range extra.Weights {
		require.Equal(t, influence.ContributionWeight{ContributionID: w.ContributionID, Ppm: w.Ppm}, claim.Weights[i],
			"the node's gradient weights are what anyone recomputes")
	}
}

// b64hex turns the chain's base64 bytes (proto JSON) into hex.
func b64hex(t *testing.T, s string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(s)
	require.NoError(t, err)
	return hex.EncodeToString(raw)
}

// poaGradient runs `poa gradient` on a question and its answer against
// recorded gradients; it returns the command's arguments (without --json
// or --claim), its folder and its JSON result.
func poaGradient(t *testing.T, baseDir string, recorded []byte, question, answer string) ([]string, string, []byte) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{"gradients.bin": recorded, "answer.txt": []byte(answer)}
	files["messages.json"], _ = json.Marshal([]map[string]string{{"role": "user", "content": question}})
	for name, bz := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), bz, 0o600))
	}
	args := []string{
		"gradient", "--base", baseDir, "--gradients", filepath.Join(dir, "gradients.bin"),
		"--messages", filepath.Join(dir, "messages.json"), "--answer-file", filepath.Join(dir, "answer.txt"),
	}
	started := time.Now()
	out, err := exec.Command(poaBin, append(args, "--json")...).Output()
	require.NoError(t, err, "%s", out)
	t.Logf("poa gradient: %d ms from process start", time.Since(started).Milliseconds())
	return args, dir, out
}

// gradientClaim is what `poa gradient --json` prints.
type gradientClaim struct {
	Method  string                         `json:"method"`
	Weights []influence.ContributionWeight `json:"weights"`
}

// gradientAttribution asks `poa gradient` for the attribution of a training
// row's own answer against the run's recorded gradients: the row's
// contribution must come first, a claim of the result must verify and a
// falsified one must not.
func gradientAttribution(t *testing.T, baseDir string, recorded []byte, contribution uint64, rows []modelfactory.Row) {
	t.Helper()
	var row *modelfactory.Row
	for i := range rows {
		if rows[i].ContributionID == contribution {
			row = &rows[i]
		}
	}
	require.NotNil(t, row, "contribution %d is in the preview", contribution)
	args, dir, out := poaGradient(t, baseDir, recorded, row.Prompt, row.Response)
	var claim gradientClaim
	require.NoError(t, json.Unmarshal(out, &claim), "%s", out)
	require.Equal(t, influence.Method, claim.Method)
	require.NotEmpty(t, claim.Weights)
	best := claim.Weights[0]
	for _, w := range claim.Weights {
		if w.Ppm > best.Ppm {
			best = w
		}
	}
	require.Equal(t, contribution, best.ContributionID, "the row's own contribution is its answer's largest influence: %s", out)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "claim.json"), out, 0o600))
	out, err := exec.Command(poaBin, append(args, "--claim", filepath.Join(dir, "claim.json"))...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "claim verified")

	var doc map[string]any
	bz, err := os.ReadFile(filepath.Join(dir, "claim.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(bz, &doc))
	weights := doc["weights"].([]any)
	weights[0].(map[string]any)["ppm"] = weights[0].(map[string]any)["ppm"].(float64) - 1
	falsified, err := json.Marshal(doc)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "falsified.json"), falsified, 0o600))
	cmd := exec.Command(poaBin, append(args, "--claim", filepath.Join(dir, "falsified.json"))...)
	out, err = cmd.CombinedOutput()
	require.Error(t, err)
	require.Equal(t, 1, cmd.ProcessState.ExitCode(), "%s", out)
	require.Contains(t, string(out), "claim does NOT verify")
}

// gradientChallenge: an operator who settles a falsified gradient-method
// receipt for a ModelFactory adapter is caught. A serving node staked for
// the adapter settles a batch whose receipt credits another contribution
// than the recorded gradients give; a watcher recomputes the weights with
// `poa gradient`, challenges the receipt, the attestor upholds and the node
// is slashed and jailed.
func gradientChallenge(t *testing.T, modelID, baseDir string, recorded []byte, contribution, other uint64, rows []modelfactory.Row) {
	t.Helper()
	var row *modelfactory.Row
	for i := range rows {
		if rows[i].ContributionID == contribution {
			row = &rows[i]
		}
	}
	require.NotNil(t, row)
	node, user := newFundedKey(t, "mf-grad-node", 30_000), newFundedKey(t, "mf-grad-user", 100)
	moduleTx(t, node, "agentstake", "register-agent", "serving-node", agentstakeParams(t).MinStakeServingNode.String(),
		"--model-ids", modelID, "--endpoint", "http://127.0.0.1/v1")
	moduleTx(t, user, "inferencefees", "deposit-credit", openAmount(1).String()+"aopen")
	_, dir, truth := poaGradient(t, baseDir, recorded, row.Prompt, row.Response)

	const prompt, completion = 12, 20
	var model struct {
		Model struct {
			Price struct {
				PerCall     string `json:"per_call"`
				Per1KTokens string `json:"per_1k_tokens"`
			} `json:"price"`
		} `json:"model"`
	}
	queryJSON(t, &model, "query", "modelreg", "model", modelID)
	price := modelregtypes.Price{PerCall: mustInt(t, model.Model.Price.PerCall), Per_1KTokens: mustInt(t, model.Model.Price.Per1KTokens)}
	fee := modelregtypes.InferenceFee(price, prompt+completion)
	forged := attributiontypes.Receipt{
		User: localnet.address(t, user), ModelID: mustUint(t, modelID), OutputHash: sha256Of(row.Response),
		Weights:      []attributiontypes.ContributionWeight{{ContributionId: other, Ppm: 1_000_000}},
		PromptTokens: prompt, CompletionTokens: completion, Fee: fee, Method: influence.Method,
	}
	batch := methodBatchFile(t, influence.Method, []attributiontypes.Receipt{forged}, modelID, forged.Weights,
		prompt+completion, []voucherArgs{{user, node, fee, 1}})
	moduleTx(t, node, "inferencefees", "settle-batch", batch)
	record := newestRecord(t, modelID)
	require.Equal(t, influence.Method, record.Method)

	receiptsFile := filepath.Join(dir, "receipts.json")
	f, err := os.Create(receiptsFile)
	require.NoError(t, err)
	require.NoError(t, attributioncli.WriteReceipts(f, []attributiontypes.Receipt{forged}))
	require.NoError(t, f.Close())
	recomputed := filepath.Join(dir, "recomputed.json")
	require.NoError(t, os.WriteFile(recomputed, truth, 0o600))
	attestorStake := openAmount(60_000).Add(activeAttestorStake(t).MulRaw(3))
	attestor := newFundedKey(t, "mf-grad-attestor", 1_000+attestorStake.Quo(openAmount(1)).Int64())
	watcher := newFundedKey(t, "mf-grad-watcher", 1_000)
	moduleTx(t, attestor, "agentstake", "register-agent", "attestor", attestorStake.String())
	bonded := mustInt(t, agentOf(t, localnet.address(t, node)).Bonded)
	moduleTx(t, watcher, "attribution", "challenge-receipt", record.ID, receiptsFile, "0", recomputed)
	moduleTx(t, attestor, "attribution", "vote", newestChallenge(t, record.ID), "true")
	require.Equal(t, "RECORD_STATUS_OVERTURNED", recordStatus(t, record.ID))
	slashed := bonded.MulRaw(int64(agentstakeParams(t).SlashBpsAttributionFraud)).QuoRaw(10_000)
	require.Equal(t, bonded.Sub(slashed).String(), agentOf(t, localnet.address(t, node)).Bonded)
	require.Equal(t, "AGENT_STATUS_JAILED", agentOf(t, localnet.address(t, node)).Status)
}
