package modelfactory

import (
	"context"
	"encoding/hex"
	"fmt"
	"math"
	"path/filepath"
	"strconv"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/services/openlora"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// PublishRequest names and prices a finished job's adapter.
type PublishRequest struct {
	// Name defaults to the job's name.
	Name    string `json:"name"`
	License string `json:"license"`
	// Prices are in aopen, as decimal strings.
	PricePerCall     string `json:"price_per_call"`
	PricePer1kTokens string `json:"price_per_1k_tokens"`
}

// adapterArtifact hashes a PEFT folder's two files.
func adapterArtifact(dir string) (*ManifestArtifact, error) {
	weights, size, err := openlora.HashFile(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		return nil, err
	}
	config, _, err := openlora.HashFile(filepath.Join(dir, "adapter_config.json"))
	if err != nil {
		return nil, err
	}
	return &ManifestArtifact{WeightsSHA256: hex.EncodeToString(weights), ConfigSHA256: hex.EncodeToString(config), SizeBytes: size}, nil
}

// Publish puts a finished job's adapter and manifest into the
// content-addressed store and registers the adapter in x/modelreg with its
// lineage: the Datanet versions and roots, the hyperparameters, the
// adapter_config.json hash and the manifest hash.
func (f *Factory) Publish(ctx context.Context, id string, req PublishRequest) (*Job, error) {
	if f.opts.Signer == nil {
		return nil, conflict("no_signer", "this service has no key to publish with (start it with --key-file)")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	j, err := f.Job(id)
	if err != nil {
		return nil, err
	}
	if j.Status != StatusSucceeded || j.Adapter == nil {
		return nil, conflict("not_trained", "job %s is %s; publish once it has succeeded", id, j.Status)
	}
	if j.Published != nil {
		return nil, conflict("already_published", "job %s is already published as model %d", id, j.Published.ModelID)
	}
	msg, err := f.registration(ctx, j, req)
	if err != nil {
		return nil, err
	}
	dir := f.jobs.jobDir(id)
	if _, _, err := f.cas.Put(filepath.Join(dir, "adapter", "adapter_model.safetensors")); err != nil {
		return nil, err
	}
	if _, _, err := f.cas.Put(filepath.Join(dir, "adapter", "adapter_config.json")); err != nil {
		return nil, err
	}
	if j.Gradients != nil {
		if _, _, err := f.cas.Put(filepath.Join(dir, gradientsFile)); err != nil {
			return nil, err
		}
	}
	manifestSum, _, err := f.cas.Put(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	msg.Training.ManifestSha256 = manifestSum
	if err := validateRegistration(msg); err != nil {
		return nil, badRequest("invalid_registration", "", "%v", err)
	}
	res, err := f.opts.Signer.SendAndWait(ctx, msg)
	if err != nil {
		return nil, &Error{Status: 502, Code: "registration_failed", Message: fmt.Sprintf("registering the model: %v", err)}
	}
	modelID, err := registeredModelID(res)
	if err != nil {
		return nil, err
	}
	j.Published = &Publication{
		ModelID: modelID, Name: msg.Name, URI: msg.Artifact.Uri, ManifestSHA256: hex.EncodeToString(manifestSum),
		ManifestURI: "cas://" + hex.EncodeToString(manifestSum), TxHash: res.TxHash, Height: res.Height,
	}
	f.log.Info("model published", "job", id, "model", modelID, "tx", res.TxHash)
	f.setStatus(j, j.Status, "")
	return j, nil
}

// registration is the MsgRegisterModel for a job, without the manifest
// hash.
func (f *Factory) registration(ctx context.Context, j *Job, req PublishRequest) (*modelregtypes.MsgRegisterModel, error) {
	name := req.Name
	if name == "" {
		name = j.Spec.Name
	}
	if err := modelregtypes.ValidateName(name); err != nil {
		return nil, badRequest("invalid_name", "name", "name %q: a model name is 1 to 128 printable characters without leading or trailing spaces", name)
	}
	prices := make([]sdkmath.Int, 2)
	for i, p := range []struct{ field, value string }{{"price_per_call", req.PricePerCall}, {"price_per_1k_tokens", req.PricePer1kTokens}} {
		if p.value == "" {
			prices[i] = sdkmath.ZeroInt()
			continue
		}
		v, ok := sdkmath.NewIntFromString(p.value)
		if !ok || v.IsNegative() {
			return nil, badRequest("invalid_price", p.field, "%s %q: a whole number of aopen, 0 or more", p.field, p.value)
		}
		prices[i] = v
	}
	base, err := f.models.Model(ctx, &modelregtypes.QueryModelRequest{ModelId: j.Spec.BaseModelID})
	if err != nil {
		return nil, chainError(err)
	}
	weights, _ := hex.DecodeString(j.Adapter.WeightsSHA256)
	config, _ := hex.DecodeString(j.Adapter.ConfigSHA256)
	msg := &modelregtypes.MsgRegisterModel{
		Owner: f.opts.Signer.Address().String(), Name: name, Kind: modelregtypes.MODEL_KIND_LORA_ADAPTER,
		BaseModelId: j.Spec.BaseModelID, Architecture: base.Model.Architecture,
		Artifact: modelregtypes.Artifact{
			Uri: "cas://" + j.Adapter.WeightsSHA256, Sha256: weights, SizeBytes: j.Adapter.SizeBytes,
			Format: modelregtypes.ARTIFACT_FORMAT_PEFT_ADAPTER,
		},
		Training: modelregtypes.TrainingRecord{Method: "lora", ConfigHash: config, Trainer: "openledger-modelfactory"},
		License:  req.License,
		Price:    modelregtypes.Price{PerCall: prices[0], Per_1KTokens: prices[1]},
	}
	for _, d := range j.Datasets {
		root, _ := hex.DecodeString(d.Root)
		msg.Training.Datasets = append(msg.Training.Datasets, modelregtypes.DatasetRef{DatanetId: d.DatanetID, Version: d.Version, Root: root})
	}
	for _, kv := range j.Spec.Hyperparameters.keyValues() {
		msg.Training.Hyperparameters = append(msg.Training.Hyperparameters, modelregtypes.KeyValue{Key: kv[0], Value: kv[1]})
	}
	if ev := j.Evaluation; ev != nil {
		for _, m := range []struct {
			name  string
			value float64
		}{{"eval_loss", ev.AdapterLoss}, {"eval_perplexity", ev.AdapterPerplexity}} {
			if v, ok := fixedPoint(m.value); ok {
				msg.EvalMetrics = append(msg.EvalMetrics, modelregtypes.Metric{Name: m.name, Value: v})
			}
		}
	}
	return msg, nil
}

// fixedPoint writes v with exactly six fraction digits, as x/modelreg's
// metrics are written; values too large for a metric are left out.
func fixedPoint(v float64) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e17 {
		return "", false
	}
	s := strconv.FormatFloat(v, 'f', 6, 64)
	if s == "-0.000000" {
		s = "0.000000"
	}
	return s, modelregtypes.ValidateMetricValue(s) == nil
}

// registeredModelID reads the new model's id from the transaction's
// message responses.
func registeredModelID(res *sdk.TxResponse) (uint64, error) {
	data, err := hex.DecodeString(res.Data)
	if err != nil {
		return 0, fmt.Errorf("transaction %s: result data: %w", res.TxHash, err)
	}
	var msgData sdk.TxMsgData
	if err := msgData.Unmarshal(data); err != nil || len(msgData.MsgResponses) == 0 {
		return 0, fmt.Errorf("transaction %s carries no message response", res.TxHash)
	}
	var out modelregtypes.MsgRegisterModelResponse
	if err := out.Unmarshal(msgData.MsgResponses[0].Value); err != nil {
		return 0, fmt.Errorf("transaction %s: %w", res.TxHash, err)
	}
	return out.ModelId, nil
}

// validateRegistration runs the checks the chain will run that need no
// state, so a bad registration is refused here with the chain's message.
func validateRegistration(msg *modelregtypes.MsgRegisterModel) error {
	if err := modelregtypes.ValidateKind(msg.Kind, msg.BaseModelId); err != nil {
		return err
	}
	if err := msg.Artifact.Validate(); err != nil {
		return err
	}
	if err := msg.Training.Validate(); err != nil {
		return err
	}
	return modelregtypes.ValidateMetrics(msg.EvalMetrics)
}
