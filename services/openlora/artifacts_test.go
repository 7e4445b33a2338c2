package openlora

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// adapterRecord is the on-chain record of the fixture adapter behind uri.
func adapterRecord(t *testing.T, uri string) *modelregtypes.Model {
	t.Helper()
	_, adapterDir := fixture(t)
	sum, size, err := HashFile(filepath.Join(adapterDir, adapterWeightsFile))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(adapterDir, adapterConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	configSum := sha256.Sum256(cfg)
	return &modelregtypes.Model{
		Id: 7, Artifact: modelregtypes.Artifact{Uri: uri, Sha256: sum, SizeBytes: size},
		Training: modelregtypes.TrainingRecord{ConfigHash: configSum[:]},
	}
}

// TestArtifactsFromEveryScheme fetches the fixture adapter over file://,
// http:// and cas:// (a folder and an http store), checks it against its
// record, and refuses bytes, sizes and configs that do not match.
func TestArtifactsFromEveryScheme(t *testing.T) {
	_, adapterDir := fixture(t)
	weights, _ := os.ReadFile(filepath.Join(adapterDir, adapterWeightsFile))
	config, _ := os.ReadFile(filepath.Join(adapterDir, adapterConfigFile))
	record := adapterRecord(t, "")
	cas := t.TempDir()
	weightsKey, configKey := hexOf(record.Artifact.Sha256), hexOf(record.Training.ConfigHash)
	for name, bz := range map[string][]byte{weightsKey: weights, configKey: config} {
		if err := os.WriteFile(filepath.Join(cas, name), bz, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	served := httptest.NewServer(http.StripPrefix("/store/", http.FileServer(http.Dir(cas))))
	defer served.Close()
	folder := httptest.NewServer(http.FileServer(http.Dir(adapterDir)))
	defer folder.Close()

	for _, c := range []struct{ uri, store string }{
		{"file://" + filepath.Join(adapterDir, adapterWeightsFile), ""},
		{folder.URL + "/" + adapterWeightsFile, ""},
		{"cas://" + weightsKey, cas},
		{"cas://" + weightsKey, served.URL + "/store"},
	} {
		a := &Artifacts{Dir: t.TempDir(), StoreBase: c.store}
		m := adapterRecord(t, c.uri)
		dir, tier, err := a.AdapterFolder(context.Background(), m)
		if err != nil || tier != TierRemote {
			t.Fatalf("%s: %v (%s)", c.uri, err, tier)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, adapterWeightsFile)); string(got) != string(weights) {
			t.Fatalf("%s: cached weights differ", c.uri)
		}
		if _, tier, err := a.AdapterFolder(context.Background(), m); err != nil || tier != TierDisk {
			t.Fatalf("%s again: %v (%s)", c.uri, err, tier)
		}
	}

	tampered := filepath.Join(t.TempDir(), adapterWeightsFile)
	flipped := append([]byte(nil), weights...)
	flipped[10] ^= 1
	if err := os.WriteFile(tampered, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(tampered), adapterConfigFile), config, 0o600); err != nil {
		t.Fatal(err)
	}
	short := adapterRecord(t, "file://"+filepath.Join(adapterDir, adapterWeightsFile))
	short.Artifact.SizeBytes--
	badConfig := adapterRecord(t, "file://"+filepath.Join(adapterDir, adapterWeightsFile))
	badConfig.Training.ConfigHash = make([]byte, 32)
	for _, c := range []struct {
		name string
		m    *modelregtypes.Model
		want string
	}{
		{"other bytes", adapterRecord(t, "file://"+tampered), "the chain records"},
		{"other size", short, "bytes, the chain records"},
		{"other config", badConfig, "the chain records"},
		{"unknown scheme", adapterRecord(t, "ipfs://abc"), "not supported"},
		{"no store", adapterRecord(t, "cas://"+weightsKey), "no content-addressed store"},
		{"missing", adapterRecord(t, folder.URL+"/missing.safetensors"), "404"},
	} {
		a := &Artifacts{Dir: t.TempDir()}
		_, _, err := a.AdapterFolder(context.Background(), c.m)
		var artifactErr *ArtifactError
		if !errors.As(err, &artifactErr) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
		if entries, _ := os.ReadDir(filepath.Join(a.Dir, "adapters")); len(entries) != 0 {
			t.Errorf("%s: the cache keeps %d entries of a refused artifact", c.name, len(entries))
		}
	}
}

func hexOf(b []byte) string { return hex.EncodeToString(b) }
