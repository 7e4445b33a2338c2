package modelreg

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/precompiles/precompilekit"
	"github.com/openledger/openledger/x/modelreg/types"
)

// The structs below are IModelreg.sol's, field for field; the ABI encoder
// and decoder match fields by name.

type artifactABI struct {
	Uri       string //nolint:revive // the ABI field is uri
	Sha256    [32]byte
	SizeBytes uint64
	Format    uint8
}

type datasetRefABI struct {
	DatanetId uint64 //nolint:revive // the ABI field is datanetId
	Version   uint64
	Root      [32]byte
}

type keyValueABI struct {
	Key, Value string
}

type trainingABI struct {
	Datasets        []datasetRefABI
	Method          string
	Hyperparameters []keyValueABI
	ConfigHash      [32]byte
	Trainer         string
	ManifestSha256  [32]byte
}

type metricABI struct {
	Name, Value string
}

type priceABI struct {
	PerCall     *big.Int
	Per1kTokens *big.Int
}

type modelABI struct {
	Id                uint64 //nolint:revive // the ABI field is id
	Owner             common.Address
	Name              string
	Kind              uint8
	BaseModelId       uint64 //nolint:revive // the ABI field is baseModelId
	Architecture      string
	Artifact          artifactABI
	Training          trainingABI
	EvalMetrics       []metricABI
	License           string
	Price             priceABI
	Status            uint8
	PreviousVersionId uint64 //nolint:revive // the ABI field is previousVersionId
	CreatedHeight     int64
	UpdatedHeight     int64
}

func (a artifactABI) toModule() types.Artifact {
	return types.Artifact{Uri: a.Uri, Sha256: a.Sha256[:], SizeBytes: a.SizeBytes, Format: types.ArtifactFormat(a.Format)}
}

func (d datasetRefABI) toModule() types.DatasetRef {
	return types.DatasetRef{DatanetId: d.DatanetId, Version: d.Version, Root: d.Root[:]}
}

func (t trainingABI) toModule() types.TrainingRecord {
	datasets := make([]types.DatasetRef, len(t.Datasets))
	for i, d := range t.Datasets {
		datasets[i] = d.toModule()
	}
	hyper := make([]types.KeyValue, len(t.Hyperparameters))
	for i, kv := range t.Hyperparameters {
		hyper[i] = types.KeyValue{Key: kv.Key, Value: kv.Value}
	}
	return types.TrainingRecord{
		Datasets: datasets, Method: t.Method, Hyperparameters: hyper,
		ConfigHash: precompilekit.OptionalHash(t.ConfigHash), Trainer: t.Trainer,
		ManifestSha256: precompilekit.OptionalHash(t.ManifestSha256),
	}
}

func metricsToModule(list []metricABI) []types.Metric {
	out := make([]types.Metric, len(list))
	for i, m := range list {
		out[i] = types.Metric{Name: m.Name, Value: m.Value}
	}
	return out
}

// toModule is the module's price; a nil amount (never decoded from the ABI)
// is zero.
func (p priceABI) toModule() types.Price {
	return types.Price{PerCall: intOf(p.PerCall), Per_1KTokens: intOf(p.Per1kTokens)}
}

func intOf(b *big.Int) math.Int {
	if b == nil {
		return math.ZeroInt()
	}
	return math.NewIntFromBigInt(b)
}

func datasetRefFromModule(d types.DatasetRef) datasetRefABI {
	return datasetRefABI{DatanetId: d.DatanetId, Version: d.Version, Root: precompilekit.Hash32(d.Root)}
}

func (p precompile) modelFromModule(m types.Model) (modelABI, error) {
	owner, err := precompilekit.EVMAddress(p.codec, m.Owner)
	if err != nil {
		return modelABI{}, err
	}
	t := m.Training
	datasets := make([]datasetRefABI, len(t.Datasets))
	for i, d := range t.Datasets {
		datasets[i] = datasetRefFromModule(d)
	}
	hyper := make([]keyValueABI, len(t.Hyperparameters))
	for i, kv := range t.Hyperparameters {
		hyper[i] = keyValueABI{Key: kv.Key, Value: kv.Value}
	}
	metrics := make([]metricABI, len(m.EvalMetrics))
	for i, x := range m.EvalMetrics {
		metrics[i] = metricABI{Name: x.Name, Value: x.Value}
	}
	return modelABI{
		Id: m.Id, Owner: owner, Name: m.Name, Kind: precompilekit.Enum8(m.Kind), BaseModelId: m.BaseModelId,
		Architecture: m.Architecture,
		Artifact: artifactABI{
			Uri: m.Artifact.Uri, Sha256: precompilekit.Hash32(m.Artifact.Sha256), SizeBytes: m.Artifact.SizeBytes,
			Format: precompilekit.Enum8(m.Artifact.Format),
		},
		Training: trainingABI{
			Datasets: datasets, Method: t.Method, Hyperparameters: hyper, ConfigHash: precompilekit.Hash32(t.ConfigHash),
			Trainer: t.Trainer, ManifestSha256: precompilekit.Hash32(t.ManifestSha256),
		},
		EvalMetrics: metrics, License: m.License,
		Price:  priceABI{PerCall: precompilekit.Amount(m.Price.PerCall), Per1kTokens: precompilekit.Amount(m.Price.Per_1KTokens)},
		Status: precompilekit.Enum8(m.Status), PreviousVersionId: m.PreviousVersionId,
		CreatedHeight: m.CreatedHeight, UpdatedHeight: m.UpdatedHeight,
	}, nil
}
