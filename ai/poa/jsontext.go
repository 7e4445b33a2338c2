package poa

import (
	"bytes"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

// DecodeJSONText decodes a raw JSON string literal strictly: invalid UTF-8
// and unpaired surrogate escapes are errors (encoding/json would silently
// turn them into U+FFFD and attribute a different text).
func DecodeJSONText(raw []byte) (string, error) {
	return textnorm.DecodeJSONString(bytes.TrimSpace(raw))
}
