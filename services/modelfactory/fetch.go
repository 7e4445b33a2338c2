package modelfactory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// fetchVerified reads at most limit bytes from location (a file:// or
// http(s):// URI, or a plain file path) and checks them against sha256Hex.
func fetchVerified(ctx context.Context, location, sha256Hex string, limit int64) ([]byte, error) {
	u, err := url.Parse(location)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", location, err)
	}
	var data []byte
	switch u.Scheme {
	case "", "file":
		path := location
		if u.Scheme == "file" {
			path = u.Path
		}
		data, err = readLimited(path, limit)
	case "http", "https":
		data, err = getLimited(ctx, location, limit)
	default:
		err = fmt.Errorf("scheme %q cannot be fetched (file, http, https)", u.Scheme)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", location, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != strings.ToLower(sha256Hex) {
		return nil, fmt.Errorf("%s does not match its SHA-256 %s", location, sha256Hex)
	}
	return data, nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

func getLimited(ctx context.Context, uri string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", res.Status)
	}
	return io.ReadAll(io.LimitReader(res.Body, limit))
}

// maxManifestBytes bounds a training manifest read from a store.
const maxManifestBytes = 256 << 20

// fetchObject reads an object of a content-addressed store (a folder or an
// http(s) base URL) by its SHA-256 and checks it.
func fetchObject(ctx context.Context, store, key string) ([]byte, error) {
	location := filepath.Join(store, key)
	if strings.HasPrefix(store, "http://") || strings.HasPrefix(store, "https://") {
		location = strings.TrimSuffix(store, "/") + "/" + key
	}
	return fetchVerified(ctx, location, key, maxManifestBytes)
}
