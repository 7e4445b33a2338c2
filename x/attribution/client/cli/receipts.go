package cli

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"cosmossdk.io/math"

	"github.com/openledger/openledger/x/attribution/types"
)

// Uint64 is an unsigned integer that reads from a JSON number (7) or a
// decimal string ("7"), so files written by JavaScript (which quotes big
// integers) and by proto JSON (which quotes every uint64) both load. It is
// written back as a plain number.
type Uint64 uint64

// UnmarshalJSON implements json.Unmarshaler.
func (u *Uint64) UnmarshalJSON(bz []byte) error {
	s := string(bytes.TrimSpace(bz))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(bz, &s); err != nil {
			return err
		}
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return fmt.Errorf("%s is not an unsigned integer", string(bz))
	}
	*u = Uint64(v)
	return nil
}

// MarshalJSON implements json.Marshaler.
func (u Uint64) MarshalJSON() ([]byte, error) {
	return strconv.AppendUint(nil, uint64(u), 10), nil
}

// WeightJSON is one attribution weight as a receipts file and a recomputed
// weights file carry it.
type WeightJSON struct {
	ContributionID Uint64 `json:"contribution_id"`
	PPM            Uint64 `json:"ppm"`
}

// Amount is a non-negative aopen amount that reads from a decimal string
// ("1500") or a JSON number (1500) and is written as a decimal string, so
// amounts above 2^53 survive JavaScript.
type Amount struct{ math.Int }

// UnmarshalJSON implements json.Unmarshaler.
func (a *Amount) UnmarshalJSON(bz []byte) error {
	s := string(bytes.TrimSpace(bz))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(bz, &s); err != nil {
			return err
		}
	}
	v, ok := math.NewIntFromString(s)
	if !ok || v.IsNegative() || strings.HasPrefix(s, "+") {
		return fmt.Errorf("%s is not a non-negative whole number of aopen", string(bz))
	}
	a.Int = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (a Amount) MarshalJSON() ([]byte, error) {
	if a.IsNil() {
		return []byte(`"0"`), nil
	}
	return json.Marshal(a.String())
}

// ReceiptJSON is one receipt of a receipts file: what a serving node
// publishes for each inference of a batch, in batch order. The token counts
// and the fee are absent from receipts of records made before receipts
// carried them (version 1 leaves), and read as zero.
type ReceiptJSON struct {
	User             string       `json:"user"`
	ModelID          Uint64       `json:"model_id"`
	OutputHash       string       `json:"output_hash"`
	Weights          []WeightJSON `json:"weights"`
	PromptTokens     Uint64       `json:"prompt_tokens"`
	CompletionTokens Uint64       `json:"completion_tokens"`
	Fee              Amount       `json:"fee"`
	// Method is the receipt's attribution method (version 3 on).
	Method string `json:"method,omitempty"`
}

// NewReceiptJSON returns the file form of a receipt: the output hash in
// hex, with a 0x prefix unless it is a 32-byte hash, since decodeHash reads
// unprefixed hex of any other length as base64.
func NewReceiptJSON(r types.Receipt) ReceiptJSON {
	ws := make([]WeightJSON, len(r.Weights))
	for i, w := range r.Weights {
		ws[i] = WeightJSON{ContributionID: Uint64(w.ContributionId), PPM: Uint64(w.Ppm)}
	}
	return ReceiptJSON{
		User: r.User, ModelID: Uint64(r.ModelID), OutputHash: encodeHash(r.OutputHash), Weights: ws,
		PromptTokens: Uint64(r.PromptTokens), CompletionTokens: Uint64(r.CompletionTokens), Fee: Amount{r.FeeOrZero()},
		Method: r.Method,
	}
}

// Receipt converts the file form back. Nothing is normalised (the user
// string, the weight order and the hash bytes are kept as they are), because
// the receipts root commits to the exact bytes the serving node hashed.
func (r ReceiptJSON) Receipt() (types.Receipt, error) {
	hash, err := decodeHash(r.OutputHash)
	if err != nil {
		return types.Receipt{}, fmt.Errorf("output_hash: %w", err)
	}
	ws := make([]types.ContributionWeight, len(r.Weights))
	for i, w := range r.Weights {
		if uint64(w.PPM) > uint64(^uint32(0)) {
			return types.Receipt{}, fmt.Errorf("weight %d: ppm %d does not fit 32 bits", i, w.PPM)
		}
		ws[i] = types.ContributionWeight{ContributionId: uint64(w.ContributionID), Ppm: uint32(w.PPM)}
	}
	fee := r.Fee.Int
	if fee.IsNil() {
		fee = math.ZeroInt()
	}
	return types.Receipt{
		User: r.User, ModelID: uint64(r.ModelID), OutputHash: hash, Weights: ws,
		PromptTokens: uint64(r.PromptTokens), CompletionTokens: uint64(r.CompletionTokens), Fee: fee,
		Method: r.Method,
	}, nil
}

// encodeHash writes an output hash so that decodeHash reads the same bytes.
func encodeHash(h []byte) string {
	if len(h) == types.HashLength {
		return hex.EncodeToString(h)
	}
	return "0x" + hex.EncodeToString(h)
}

// decodeHash reads an output hash: hex when it has a 0x prefix or is 64 hex
// digits (a 32-byte hash), base64 (standard alphabet, padded or not)
// otherwise. A 64-character string is never taken as base64: that would be
// 48 bytes, not a SHA-256.
func decodeHash(s string) ([]byte, error) {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		return hex.DecodeString(s[2:])
	}
	if len(s) == 2*types.HashLength {
		if bz, err := hex.DecodeString(s); err == nil {
			return bz, nil
		}
	}
	if bz, err := base64.StdEncoding.DecodeString(s); err == nil {
		return bz, nil
	}
	bz, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%q is neither hex nor base64", s)
	}
	return bz, nil
}

// WriteReceipts writes receipts as a receipts file (a JSON array, one
// receipt per line): what a serving node publishes and challenge-receipt
// reads.
func WriteReceipts(w io.Writer, receipts []types.Receipt) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, r := range receipts {
		bz, err := json.Marshal(NewReceiptJSON(r))
		if err != nil {
			return err
		}
		sep := ",\n "
		if i == 0 {
			sep = "\n "
		}
		if _, err := fmt.Fprintf(w, "%s%s", sep, bz); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}

// ReadReceipts reads a receipts file. Unknown fields are refused: a
// misspelt field would otherwise read as zero and only show up later as a
// receipts root that does not match.
func ReadReceipts(r io.Reader) ([]types.Receipt, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var rs []ReceiptJSON
	if err := dec.Decode(&rs); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("data after the receipts array")
	}
	out := make([]types.Receipt, len(rs))
	for i, rj := range rs {
		rec, err := rj.Receipt()
		if err != nil {
			return nil, fmt.Errorf("receipt %d: %w", i, err)
		}
		out[i] = rec
	}
	return out, nil
}

// ReadReceiptsFile reads the receipts file at path.
func ReadReceiptsFile(path string) ([]types.Receipt, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rs, err := ReadReceipts(f)
	if err != nil {
		return nil, fmt.Errorf("reading receipts %s: %w", path, err)
	}
	return rs, nil
}
