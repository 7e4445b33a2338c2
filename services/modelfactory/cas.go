package modelfactory

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// CAS is a content-addressed store on disk: each object is a file named by
// its SHA-256 in hex. Served over HTTP at GET /cas/<sha256>, it is the
// store a serving node's cas:// URIs read from.
type CAS struct {
	Dir string
}

// Put copies the file at path into the store and returns its SHA-256 and
// size. Objects are written to a temporary name and renamed into place, so
// a reader never sees a partial object.
func (c *CAS) Put(path string) ([]byte, uint64, error) {
	src, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer src.Close()
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return nil, 0, err
	}
	tmp, err := os.CreateTemp(c.Dir, ".put-")
	if err != nil {
		return nil, 0, err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), src)
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return nil, 0, err
	}
	sum := h.Sum(nil)
	if err := os.Rename(tmp.Name(), c.path(hex.EncodeToString(sum))); err != nil {
		return nil, 0, err
	}
	return sum, uint64(n), nil
}

func (c *CAS) path(key string) string { return filepath.Join(c.Dir, key) }

// validKey reports whether key is a SHA-256 in lowercase hex.
func validKey(key string) bool {
	_, err := hex.DecodeString(key)
	return err == nil && len(key) == 2*sha256.Size && strings.ToLower(key) == key
}

// ServeHTTP serves GET /cas/<sha256>.
func (c *CAS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("sha256")
	if !validKey(key) {
		writeError(w, badRequest("invalid_key", "sha256", "an object is named by its SHA-256 in lowercase hex"))
		return
	}
	f, err := os.Open(c.path(key))
	if err != nil {
		writeError(w, notFound("object_not_found", "no object %s in this store", key))
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, f)
}
