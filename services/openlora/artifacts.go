package openlora

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Where an adapter came from, for metrics and logs.
const (
	TierRAM    = "ram"
	TierDisk   = "disk"
	TierRemote = "remote"
)

// PEFT folder file names.
const (
	adapterWeightsFile = "adapter_model.safetensors"
	adapterConfigFile  = "adapter_config.json"
)

// Artifacts fetches adapter artifacts from the URI the chain records,
// checks them against the recorded SHA-256 and size before anything reads
// them, and keeps them on disk by hash.
//
// URIs: file:///path/adapter_model.safetensors, http(s)://…, and
// cas://<sha256 hex>, the content-addressed store (a local folder or an
// http(s) base, StoreBase) that the training service publishes to, where
// each object is named by its SHA-256. The adapter's adapter_config.json
// is read beside the weights (the same folder, or cas://<config hash>) and
// checked against the training record's config hash.
type Artifacts struct {
	Dir       string
	StoreBase string
	Client    *http.Client
}

// ArtifactError says that an artifact could not be fetched or does not
// match the chain.
type ArtifactError struct {
	ModelID uint64
	Msg     string
}

func (e *ArtifactError) Error() string {
	return fmt.Sprintf("model %d artifact: %s", e.ModelID, e.Msg)
}

// AdapterFolder returns a verified PEFT folder for an adapter model,
// fetching it when the disk cache lacks it, and the tier it came from.
func (a *Artifacts) AdapterFolder(ctx context.Context, m *modelregtypes.Model) (string, string, error) {
	if len(m.Artifact.Sha256) != sha256.Size {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: "the chain records no SHA-256"}
	}
	key := hex.EncodeToString(m.Artifact.Sha256)
	dir := filepath.Join(a.Dir, "adapters", key)
	if _, err := os.Stat(filepath.Join(dir, adapterConfigFile)); err == nil {
		return dir, TierDisk, nil
	}
	// Fetched into a temporary folder and renamed into place once verified,
	// so the cache never holds a partial or unverified adapter.
	if err := os.MkdirAll(filepath.Join(a.Dir, "adapters"), 0o755); err != nil {
		return "", "", err
	}
	tmp, err := os.MkdirTemp(filepath.Join(a.Dir, "adapters"), ".fetch-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	weights, err := a.fetch(ctx, m.Artifact.Uri)
	if err != nil {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: err.Error()}
	}
	if err := a.copyVerified(weights, filepath.Join(tmp, adapterWeightsFile), m.Artifact.Sha256, m.Artifact.SizeBytes); err != nil {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: fmt.Sprintf("%s: %v", m.Artifact.Uri, err)}
	}
	configURI, err := a.configURI(m)
	if err != nil {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: err.Error()}
	}
	config, err := a.fetch(ctx, configURI)
	if err != nil {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: err.Error()}
	}
	if err := a.copyVerified(config, filepath.Join(tmp, adapterConfigFile), m.Training.ConfigHash, 0); err != nil {
		return "", "", &ArtifactError{ModelID: m.Id, Msg: fmt.Sprintf("%s: %v", configURI, err)}
	}
	if err := os.Rename(tmp, dir); err != nil && !os.IsExist(err) {
		if _, statErr := os.Stat(filepath.Join(dir, adapterConfigFile)); statErr != nil {
			return "", "", err
		}
	}
	return dir, TierRemote, nil
}

// configURI is where an adapter's adapter_config.json is.
func (a *Artifacts) configURI(m *modelregtypes.Model) (string, error) {
	if strings.HasPrefix(m.Artifact.Uri, "cas://") {
		if len(m.Training.ConfigHash) != sha256.Size {
			return "", fmt.Errorf("a cas:// adapter needs the config hash in its training record")
		}
		return "cas://" + hex.EncodeToString(m.Training.ConfigHash), nil
	}
	u, err := url.Parse(m.Artifact.Uri)
	if err != nil {
		return "", fmt.Errorf("artifact URI %q: %w", m.Artifact.Uri, err)
	}
	u.Path = path.Join(path.Dir(u.Path), adapterConfigFile)
	return u.String(), nil
}

// fetch opens a URI for reading.
func (a *Artifacts) fetch(ctx context.Context, uri string) (io.ReadCloser, error) {
	if rest, ok := strings.CutPrefix(uri, "cas://"); ok {
		if _, err := hex.DecodeString(rest); err != nil || len(rest) != 2*sha256.Size {
			return nil, fmt.Errorf("%s: a cas:// URI names a SHA-256 in hex", uri)
		}
		if a.StoreBase == "" {
			return nil, fmt.Errorf("%s: no content-addressed store is configured", uri)
		}
		if strings.HasPrefix(a.StoreBase, "http://") || strings.HasPrefix(a.StoreBase, "https://") {
			uri = strings.TrimSuffix(a.StoreBase, "/") + "/" + rest
		} else {
			return os.Open(filepath.Join(a.StoreBase, rest))
		}
	}
	u, err := url.Parse(uri)
	if err != nil {
		return nil, fmt.Errorf("URI %q: %w", uri, err)
	}
	switch u.Scheme {
	case "file":
		return os.Open(u.Path)
	case "http", "https":
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
		if err != nil {
			return nil, err
		}
		client := a.Client
		if client == nil {
			client = http.DefaultClient
		}
		res, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusOK {
			res.Body.Close()
			return nil, fmt.Errorf("%s: HTTP %s", uri, res.Status)
		}
		return res.Body, nil
	default:
		return nil, fmt.Errorf("URI %q: scheme %q is not supported (file, http, https, cas)", uri, u.Scheme)
	}
}

// copyVerified copies r to dst, reading at most size+1 bytes when size is
// known, and checks the size and SHA-256 (when given).
func (a *Artifacts) copyVerified(r io.ReadCloser, dst string, sum []byte, size uint64) error {
	defer r.Close()
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	var src io.Reader = r
	if size > 0 {
		src = io.LimitReader(r, int64(size)+1)
	}
	n, err := io.Copy(io.MultiWriter(f, h), src)
	if err != nil {
		return err
	}
	if size > 0 && uint64(n) != size {
		return fmt.Errorf("%d bytes, the chain records %d", n, size)
	}
	if len(sum) > 0 && !bytes.Equal(h.Sum(nil), sum) {
		return fmt.Errorf("sha256 %x, the chain records %x", h.Sum(nil), sum)
	}
	return f.Sync()
}

// HashFile is the SHA-256 and size of a file.
func HashFile(p string) ([]byte, uint64, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return h.Sum(nil), uint64(n), err
}

// BaseModelHash is the SHA-256 that x/modelreg records for a base model:
// of the GGUF file, of model.safetensors, or of the shard index of a
// sharded folder.
func BaseModelHash(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		sum, _, err := HashFile(path)
		return sum, err
	}
	for _, name := range []string{"model.safetensors", "model.safetensors.index.json"} {
		if _, err := os.Stat(filepath.Join(path, name)); err == nil {
			sum, _, err := HashFile(filepath.Join(path, name))
			return sum, err
		}
	}
	return nil, fmt.Errorf("%s has neither model.safetensors nor model.safetensors.index.json", path)
}
