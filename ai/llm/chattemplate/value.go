package chattemplate

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Template values: nil (None), Undefined, bool, int, float64, string,
// []any (list or tuple), *Dict, *function.

// Undefined is the value of a missing variable, key or attribute. It prints
// as "", is false, iterates as empty and fails on most other uses, as
// Jinja's default Undefined does.
type Undefined struct{ name string }

// Dict is a dict that keeps insertion order, as Python's does; tojson and
// items() depend on that order. Namespaces are Dicts whose attributes can be
// assigned with set.
type Dict struct {
	keys      []string
	m         map[string]any
	namespace bool
}

// NewDict returns an empty Dict.
func NewDict() *Dict { return &Dict{m: map[string]any{}} }

// Set adds or replaces a key, keeping the position of an existing one.
func (d *Dict) Set(key string, v any) {
	if _, ok := d.m[key]; !ok {
		d.keys = append(d.keys, key)
	}
	d.m[key] = v
}

// Get returns the value of a key.
func (d *Dict) Get(key string) (any, bool) {
	v, ok := d.m[key]
	return v, ok
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []string { return append([]string(nil), d.keys...) }

// Len is the number of keys.
func (d *Dict) Len() int { return len(d.keys) }

// function is a callable: a global, a filter-like builtin, a bound method
// or a macro.
type function struct {
	name string
	call func(args []any, kwargs *Dict) (any, error)
}

// ParseJSON decodes JSON into template values, keeping the order of object
// keys (tool schemas are printed with tojson in the order they were given).
func ParseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	v, err := decodeJSONValue(dec)
	if err != nil {
		return nil, fmt.Errorf("chattemplate: JSON: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("chattemplate: JSON: data after the value")
	}
	return v, nil
}

func decodeJSONValue(dec *json.Decoder) (any, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '[':
			list := []any{}
			for dec.More() {
				v, err := decodeJSONValue(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			_, err := dec.Token()
			return list, err
		case '{':
			d := NewDict()
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeJSONValue(dec)
				if err != nil {
					return nil, err
				}
				d.Set(kt.(string), v)
			}
			_, err := dec.Token()
			return d, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return int(i), nil
		}
		f, err := t.Float64()
		return f, err
	default:
		return t, nil // string, bool, nil
	}
}

// fromGo converts a Go value given by a caller into a template value.
// Maps get their keys sorted so that rendering is deterministic.
func fromGo(v any) (any, error) {
	switch v := v.(type) {
	case nil, bool, string, int, float64, *Dict, Undefined, *function:
		return v, nil
	case json.RawMessage:
		return ParseJSON(v)
	case Message:
		return v.toDict()
	case []Message:
		list := make([]any, len(v))
		for i, m := range v {
			d, err := m.toDict()
			if err != nil {
				return nil, err
			}
			list[i] = d
		}
		return list, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return rv.Float(), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Slice, reflect.Array:
		list := make([]any, rv.Len())
		for i := range list {
			x, err := fromGo(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			list[i] = x
		}
		return list, nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, fmt.Errorf("chattemplate: map keys must be strings, got %s", rv.Type().Key())
		}
		keys := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		d := NewDict()
		for _, k := range keys {
			x, err := fromGo(rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface())
			if err != nil {
				return nil, err
			}
			d.Set(k, x)
		}
		return d, nil
	case reflect.Pointer:
		if rv.IsNil() {
			return nil, nil
		}
		return fromGo(rv.Elem().Interface())
	}
	return nil, fmt.Errorf("chattemplate: cannot use a %T in a template", v)
}

// truthy is Python's bool().
func truthy(v any) bool {
	switch v := v.(type) {
	case nil, Undefined:
		return false
	case bool:
		return v
	case int:
		return v != 0
	case float64:
		return v != 0
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case *Dict:
		return v.Len() > 0 || v.namespace
	}
	return true
}

// typeName is the Python type name, for error messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case Undefined:
		return "undefined"
	case bool:
		return "bool"
	case int:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case []any:
		return "list"
	case *Dict:
		return "dict"
	case *function:
		return "function"
	}
	return fmt.Sprintf("%T", v)
}

// str is Python's str() as Jinja prints values.
func str(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case Undefined:
		return ""
	case string:
		return v
	}
	return repr(v)
}

// repr is Python's repr(), used for values inside printed containers.
func repr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case Undefined:
		return ""
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(v)
	case float64:
		return formatFloat(v)
	case string:
		return pyQuote(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = repr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Dict:
		parts := make([]string, len(v.keys))
		for i, k := range v.keys {
			parts[i] = pyQuote(k) + ": " + repr(v.m[k])
		}
		if v.namespace {
			return "<Namespace {" + strings.Join(parts, ", ") + "}>"
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *function:
		return "<function " + v.name + ">"
	}
	return fmt.Sprint(v)
}

// formatFloat prints a float as Python's repr does.
func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if e := strings.IndexByte(s, 'e'); e >= 0 {
		// Python writes 1e+20 as 1e+20 and 1e-05 with two exponent digits.
		mant, exp := s[:e], s[e+1:]
		sign := exp[0]
		digits := strings.TrimLeft(exp[1:], "0")
		if len(digits) < 2 {
			digits = strings.Repeat("0", 2-len(digits)) + digits
		}
		return mant + "e" + string(sign) + digits
	}
	if !strings.ContainsAny(s, ".n") {
		s += ".0"
	}
	return s
}

// pyQuote quotes a string as Python's repr does: single quotes unless the
// string holds a single quote and no double quote.
func pyQuote(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// equal is Python's ==.
func equal(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case Undefined:
		_, ok := b.(Undefined)
		return ok
	case bool:
		switch y := b.(type) {
		case bool:
			return x == y
		case int:
			return boolToInt(x) == y
		case float64:
			return float64(boolToInt(x)) == y
		}
		return false
	case int, float64:
		fa, okA := toFloat(a)
		fb, okB := toFloat(b)
		return okA && okB && fa == fb
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case *Dict:
		y, ok := b.(*Dict)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for _, k := range x.keys {
			yv, ok := y.m[k]
			if !ok || !equal(x.m[k], yv) {
				return false
			}
		}
		return true
	}
	return a == b
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// toFloat widens int, float and bool to float64.
func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	case bool:
		return float64(boolToInt(v)), true
	}
	return 0, false
}

// toJSON is transformers' tojson filter: Python's json.dumps with
// ensure_ascii off, ", " and ": " separators, or "," and ": " with indent.
func toJSON(v any, indent int, sortKeys bool, sep [2]string, depth int) (string, error) {
	switch x := v.(type) {
	case nil, Undefined:
		return "null", nil
	case bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case int:
		return strconv.Itoa(x), nil
	case float64:
		if math.IsNaN(x) {
			return "NaN", nil
		}
		if math.IsInf(x, 0) {
			if x > 0 {
				return "Infinity", nil
			}
			return "-Infinity", nil
		}
		return formatFloat(x), nil
	case string:
		return jsonQuote(x), nil
	case []any, *Dict:
		var items []string
		var keys []string
		if d, ok := x.(*Dict); ok {
			keys = d.Keys()
			if sortKeys {
				sort.Strings(keys)
			}
			for _, k := range keys {
				s, err := toJSON(d.m[k], indent, sortKeys, sep, depth+1)
				if err != nil {
					return "", err
				}
				items = append(items, jsonQuote(k)+sep[1]+s)
			}
		} else {
			for _, e := range x.([]any) {
				s, err := toJSON(e, indent, sortKeys, sep, depth+1)
				if err != nil {
					return "", err
				}
				items = append(items, s)
			}
		}
		open, closeB := "[", "]"
		if _, ok := x.(*Dict); ok {
			open, closeB = "{", "}"
		}
		if len(items) == 0 {
			return open + closeB, nil
		}
		if indent <= 0 {
			return open + strings.Join(items, sep[0]) + closeB, nil
		}
		pad := "\n" + strings.Repeat(" ", indent*(depth+1))
		return open + pad + strings.Join(items, sep[0]+pad) + "\n" + strings.Repeat(" ", indent*depth) + closeB, nil
	}
	return "", fmt.Errorf("a %s cannot be written as JSON", typeName(v))
}

// jsonQuote writes a JSON string as Python's json.dumps(ensure_ascii=False)
// does: only quotes, backslashes and control characters are escaped.
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
