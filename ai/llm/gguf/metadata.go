package gguf

import "fmt"

// asUint returns an unsigned or non-negative signed integer value.
func asUint(v any) (uint64, bool) {
	switch x := v.(type) {
	case uint8:
		return uint64(x), true
	case uint16:
		return uint64(x), true
	case uint32:
		return uint64(x), true
	case uint64:
		return x, true
	case int8:
		return uint64(x), x >= 0
	case int16:
		return uint64(x), x >= 0
	case int32:
		return uint64(x), x >= 0
	case int64:
		return uint64(x), x >= 0
	}
	return 0, false
}

// asFloat returns a floating-point or integer value as float64.
func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float32:
		return float64(x), true
	case float64:
		return x, true
	}
	if u, ok := asUint(v); ok {
		return float64(u), true
	}
	return 0, false
}

// String returns a string metadata value; ok is false when the key is absent.
func (f *File) String(key string) (s string, ok bool, err error) {
	v, ok := f.Metadata[key]
	if !ok {
		return "", false, nil
	}
	s, isStr := v.(string)
	if !isStr {
		return "", true, fmt.Errorf("%s: metadata %q is %T, not a string", f.Path, key, v)
	}
	return s, true, nil
}

// Uint returns a non-negative integer metadata value.
func (f *File) Uint(key string) (u uint64, ok bool, err error) {
	v, ok := f.Metadata[key]
	if !ok {
		return 0, false, nil
	}
	u, isInt := asUint(v)
	if !isInt {
		return 0, true, fmt.Errorf("%s: metadata %q is %v (%T), not a non-negative integer", f.Path, key, v, v)
	}
	return u, true, nil
}

// Float returns a numeric metadata value.
func (f *File) Float(key string) (x float64, ok bool, err error) {
	v, ok := f.Metadata[key]
	if !ok {
		return 0, false, nil
	}
	x, isNum := asFloat(v)
	if !isNum {
		return 0, true, fmt.Errorf("%s: metadata %q is %T, not a number", f.Path, key, v)
	}
	return x, true, nil
}

// Strings returns a string-array metadata value.
func (f *File) Strings(key string) ([]string, bool, error) {
	v, ok := f.Metadata[key]
	if !ok {
		return nil, false, nil
	}
	s, isStrs := v.([]string)
	if !isStrs {
		return nil, true, fmt.Errorf("%s: metadata %q is %T, not an array of strings", f.Path, key, v)
	}
	return s, true, nil
}

// Ints returns an integer-array metadata value (token types are int32).
func (f *File) Ints(key string) ([]int, bool, error) {
	v, ok := f.Metadata[key]
	if !ok {
		return nil, false, nil
	}
	switch x := v.(type) {
	case []int32:
		out := make([]int, len(x))
		for i, e := range x {
			out[i] = int(e)
		}
		return out, true, nil
	case []any:
		out := make([]int, len(x))
		for i, e := range x {
			u, ok := asUint(e)
			if !ok {
				return nil, true, fmt.Errorf("%s: metadata %q[%d] is %T, not a non-negative integer", f.Path, key, i, e)
			}
			out[i] = int(u)
		}
		return out, true, nil
	}
	return nil, true, fmt.Errorf("%s: metadata %q is %T, not an array of integers", f.Path, key, v)
}
