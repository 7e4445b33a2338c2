package poa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// maxListedDifferences bounds a verification report.
const maxListedDifferences = 50

// Verification is the outcome of checking a claim.
type Verification struct {
	// Recomputed is the answer computed here.
	Recomputed *Result
	// Differences lists where the claim departs from it, one readable line
	// each ("attributions[0].weight_ppm: claim 600000, recomputed 550000");
	// empty when the claim holds.
	Differences []string
	// Omitted counts differences beyond the ones listed.
	Omitted int
}

// OK reports whether the claim equals the recomputation.
func (v *Verification) OK() bool { return len(v.Differences) == 0 }

// VerifyClaim recomputes the attribution of text, with the claim's min_span
// when it has one, and compares every field of the claim with it. Extra
// fields in the claim are differences too: a claim is only as good as all
// it says.
func (e *Engine) VerifyClaim(text []byte, claim []byte) (*Verification, error) {
	claimed, err := decodeGeneric(claim)
	if err != nil {
		return nil, fmt.Errorf("the claim is not valid JSON: %w", err)
	}
	obj, ok := claimed.(map[string]any)
	if !ok {
		return nil, errors.New("the claim is not a JSON object")
	}
	opts := Options{}
	if ms, ok := obj["min_span"].(json.Number); ok {
		v, err := ms.Int64()
		if err != nil || v < 1 || v > MaxMinSpanWords {
			return nil, fmt.Errorf("the claim's min_span %s is not a valid span length", ms)
		}
		opts.MinSpanWords = int(v)
	}
	res, err := e.Attribute(text, opts)
	if err != nil {
		return nil, err
	}
	encoded, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	recomputed, err := decodeGeneric(encoded)
	if err != nil {
		return nil, err
	}
	v := &Verification{Recomputed: res}
	diffValues("", claimed, recomputed, v)
	return v, nil
}

func decodeGeneric(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

func (v *Verification) add(path, format string, args ...any) {
	if len(v.Differences) >= maxListedDifferences {
		v.Omitted++
		return
	}
	if path == "" {
		path = "(top level)"
	}
	v.Differences = append(v.Differences, path+": "+fmt.Sprintf(format, args...))
}

// diffValues walks claim and recomputed together, in sorted key order.
func diffValues(path string, claim, recomputed any, v *Verification) {
	switch c := claim.(type) {
	case map[string]any:
		r, ok := recomputed.(map[string]any)
		if !ok {
			v.add(path, "claim %s, recomputed %s", brief(claim), brief(recomputed))
			return
		}
		keys := make([]string, 0, len(c)+len(r))
		for k := range c {
			keys = append(keys, k)
		}
		for k := range r {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			p := k
			if path != "" {
				p = path + "." + k
			}
			cv, inClaim := c[k]
			rv, inRecomputed := r[k]
			switch {
			case !inClaim:
				v.add(p, "missing from the claim (recomputed %s)", brief(rv))
			case !inRecomputed:
				v.add(p, "not part of an answer (claim %s)", brief(cv))
			default:
				diffValues(p, cv, rv, v)
			}
		}
	case []any:
		r, ok := recomputed.([]any)
		if !ok {
			v.add(path, "claim %s, recomputed %s", brief(claim), brief(recomputed))
			return
		}
		if len(c) != len(r) {
			v.add(path, "claim has %d entries, recomputed %d", len(c), len(r))
		}
		for i := 0; i < min(len(c), len(r)); i++ {
			diffValues(fmt.Sprintf("%s[%d]", path, i), c[i], r[i], v)
		}
	default:
		if !scalarEqual(claim, recomputed) {
			v.add(path, "claim %s, recomputed %s", brief(claim), brief(recomputed))
		}
	}
}

func scalarEqual(a, b any) bool {
	an, aNum := a.(json.Number)
	bn, bNum := b.(json.Number)
	if aNum && bNum {
		return an.String() == bn.String()
	}
	return a == b
}

// brief renders a value for a difference line.
func brief(x any) string {
	data, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	s := string(data)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return strings.ReplaceAll(s, "\n", " ")
}
