package chattemplate

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// globalScope holds the functions every template can call.
func globalScope() *scope {
	g := newScope(nil)
	g.vars["raise_exception"] = &function{name: "raise_exception", call: func(args []any, _ *Dict) (any, error) {
		msg := "raise_exception() was called"
		if len(args) > 0 {
			msg = str(args[0])
		}
		return nil, &ExceptionError{Message: msg}
	}}
	g.vars["namespace"] = &function{name: "namespace", call: func(args []any, kwargs *Dict) (any, error) {
		ns := NewDict()
		ns.namespace = true
		for _, a := range args {
			d, ok := a.(*Dict)
			if !ok {
				return nil, fmt.Errorf("positional arguments must be dicts, got a %s", typeName(a))
			}
			for _, k := range d.keys {
				ns.Set(k, d.m[k])
			}
		}
		if kwargs != nil {
			for _, k := range kwargs.keys {
				ns.Set(k, kwargs.m[k])
			}
		}
		return ns, nil
	}}
	g.vars["dict"] = &function{name: "dict", call: func(_ []any, kwargs *Dict) (any, error) {
		d := NewDict()
		if kwargs != nil {
			for _, k := range kwargs.keys {
				d.Set(k, kwargs.m[k])
			}
		}
		return d, nil
	}}
	g.vars["range"] = &function{name: "range", call: func(args []any, _ *Dict) (any, error) {
		var n [3]int
		n[2] = 1
		for i, a := range args {
			v, ok := a.(int)
			if !ok || i > 2 {
				return nil, errors.New("range takes one to three integers")
			}
			n[i] = v
		}
		start, stop, step := 0, 0, n[2]
		switch len(args) {
		case 1:
			stop = n[0]
		case 2, 3:
			start, stop = n[0], n[1]
		default:
			return nil, errors.New("range takes one to three integers")
		}
		if step == 0 {
			return nil, errors.New("range step cannot be zero")
		}
		var out []any
		for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
			out = append(out, i)
			if len(out) > 1_000_000 {
				return nil, errors.New("range is too long")
			}
		}
		return out, nil
	}}
	g.vars["strftime_now"] = &function{name: "strftime_now", call: func(args []any, _ *Dict) (any, error) {
		if len(args) != 1 {
			return nil, errors.New("strftime_now takes a format")
		}
		format, err := requireString(args[0], "the format")
		if err != nil {
			return nil, err
		}
		return strftime(now(), format)
	}}
	return g
}

// now is the clock of strftime_now, which templates such as Llama 3.2's
// use for today's date; tests replace it.
var now = time.Now

// strftime formats t with the Python strftime directives templates use.
func strftime(t time.Time, format string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		i++
		switch format[i] {
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'Y':
			fmt.Fprintf(&b, "%04d", t.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.Hour()+11)%12+1)
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'b':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Format("January"))
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Format("Monday"))
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case '%':
			b.WriteByte('%')
		default:
			return "", fmt.Errorf("strftime directive %%%c is not supported", format[i])
		}
	}
	return b.String(), nil
}

func argOr(args []any, kwargs *Dict, i int, name string, def any) any {
	if i < len(args) {
		return args[i]
	}
	if kwargs != nil {
		if v, ok := kwargs.m[name]; ok {
			return v
		}
	}
	return def
}

func requireString(v any, what string) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s must be a string, got a %s", what, typeName(v))
	}
	return s, nil
}

// pyStrip is Python's str.strip family: with no characters given, white
// space is removed.
func pyStrip(s string, args []any, left, right bool) (string, error) {
	cut := unicode.IsSpace
	if len(args) > 0 && args[0] != nil {
		chars, err := requireString(args[0], "the characters to strip")
		if err != nil {
			return "", err
		}
		cut = func(r rune) bool { return strings.ContainsRune(chars, r) }
	}
	if left {
		s = strings.TrimLeftFunc(s, cut)
	}
	if right {
		s = strings.TrimRightFunc(s, cut)
	}
	return s, nil
}

func method(name string, f func(args []any, kwargs *Dict) (any, error)) *function {
	return &function{name: name, call: f}
}

// pyTitle is Python's str.title: the first letter of every run of letters
// upper-cased, the rest lower-cased.
func pyTitle(s string) string {
	var b strings.Builder
	prevLetter := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prevLetter {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToTitle(r))
			}
			prevLetter = true
			continue
		}
		prevLetter = false
		b.WriteRune(r)
	}
	return b.String()
}

func pyCapitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// pySplit is Python's str.split.
func pySplit(s string, args []any, kwargs *Dict) (any, error) {
	sepV := argOr(args, kwargs, 0, "sep", nil)
	maxV := argOr(args, kwargs, 1, "maxsplit", -1)
	maxSplit, ok := maxV.(int)
	if !ok {
		return nil, errors.New("maxsplit must be an integer")
	}
	var parts []string
	if sepV == nil {
		fields := strings.FieldsFunc(s, unicode.IsSpace)
		if maxSplit >= 0 && len(fields) > maxSplit+1 {
			// Keep the remainder after maxSplit fields, left-trimmed only.
			rest := strings.TrimLeftFunc(s, unicode.IsSpace)
			parts = nil
			for k := 0; k < maxSplit; k++ {
				i := strings.IndexFunc(rest, unicode.IsSpace)
				parts = append(parts, rest[:i])
				rest = strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
			}
			parts = append(parts, rest)
		} else {
			parts = fields
		}
	} else {
		sep, err := requireString(sepV, "the separator")
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, errors.New("empty separator")
		}
		parts = strings.SplitN(s, sep, maxSplit+1)
		if maxSplit < 0 {
			parts = strings.Split(s, sep)
		}
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

func stringMethod(s, name string) *function {
	switch name {
	case "strip", "lstrip", "rstrip":
		return method(name, func(args []any, _ *Dict) (any, error) {
			return pyStrip(s, args, name != "rstrip", name != "lstrip")
		})
	case "upper":
		return method(name, func([]any, *Dict) (any, error) { return strings.ToUpper(s), nil })
	case "lower":
		return method(name, func([]any, *Dict) (any, error) { return strings.ToLower(s), nil })
	case "title":
		return method(name, func([]any, *Dict) (any, error) { return pyTitle(s), nil })
	case "capitalize":
		return method(name, func([]any, *Dict) (any, error) { return pyCapitalize(s), nil })
	case "startswith", "endswith":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s takes one argument", name)
			}
			check := strings.HasPrefix
			if name == "endswith" {
				check = strings.HasSuffix
			}
			cands := []any{args[0]}
			if list, ok := args[0].([]any); ok {
				cands = list
			}
			for _, c := range cands {
				p, err := requireString(c, "the "+name+" argument")
				if err != nil {
					return nil, err
				}
				if check(s, p) {
					return true, nil
				}
			}
			return false, nil
		})
	case "split":
		return method(name, func(args []any, kwargs *Dict) (any, error) { return pySplit(s, args, kwargs) })
	case "replace":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) < 2 {
				return nil, errors.New("replace takes two or three arguments")
			}
			old, err := requireString(args[0], "the old text")
			if err != nil {
				return nil, err
			}
			repl, err := requireString(args[1], "the new text")
			if err != nil {
				return nil, err
			}
			n := -1
			if len(args) > 2 {
				if c, ok := args[2].(int); ok {
					n = c
				}
			}
			return strings.Replace(s, old, repl, n), nil
		})
	case "join":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, errors.New("join takes one argument")
			}
			items, err := iterate(args[0])
			if err != nil {
				return nil, err
			}
			parts := make([]string, len(items))
			for i, x := range items {
				parts[i] = str(x)
			}
			return strings.Join(parts, s), nil
		})
	case "find", "count":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s takes one argument", name)
			}
			sub, err := requireString(args[0], "the text to look for")
			if err != nil {
				return nil, err
			}
			if name == "count" {
				return strings.Count(s, sub), nil
			}
			i := strings.Index(s, sub)
			if i < 0 {
				return -1, nil
			}
			return utf8.RuneCountInString(s[:i]), nil
		})
	}
	return nil
}

func dictMethod(d *Dict, name string) *function {
	switch name {
	case "items":
		return method(name, func([]any, *Dict) (any, error) { return dictItems(d), nil })
	case "keys":
		return method(name, func([]any, *Dict) (any, error) {
			out := make([]any, len(d.keys))
			for i, k := range d.keys {
				out[i] = k
			}
			return out, nil
		})
	case "values":
		return method(name, func([]any, *Dict) (any, error) {
			out := make([]any, len(d.keys))
			for i, k := range d.keys {
				out[i] = d.m[k]
			}
			return out, nil
		})
	case "get":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) < 1 || len(args) > 2 {
				return nil, errors.New("get takes one or two arguments")
			}
			if k, ok := args[0].(string); ok {
				if v, ok := d.m[k]; ok {
					return v, nil
				}
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, nil
		})
	}
	return nil
}

func dictItems(d *Dict) []any {
	out := make([]any, len(d.keys))
	for i, k := range d.keys {
		out[i] = []any{k, d.m[k]}
	}
	return out
}

func listMethod(l []any, name string) *function {
	switch name {
	case "index":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, errors.New("index takes one argument")
			}
			for i, x := range l {
				if equal(x, args[0]) {
					return i, nil
				}
			}
			return nil, fmt.Errorf("%s is not in the list", repr(args[0]))
		})
	case "count":
		return method(name, func(args []any, _ *Dict) (any, error) {
			if len(args) != 1 {
				return nil, errors.New("count takes one argument")
			}
			n := 0
			for _, x := range l {
				if equal(x, args[0]) {
					n++
				}
			}
			return n, nil
		})
	}
	return nil
}

func length(v any) (int, error) {
	switch x := v.(type) {
	case string:
		return utf8.RuneCountInString(x), nil
	case []any:
		return len(x), nil
	case *Dict:
		return x.Len(), nil
	case Undefined:
		return 0, nil
	}
	return 0, fmt.Errorf("a %s has no length", typeName(v))
}

// applyFilter runs the filter name on v.
func applyFilter(name string, v any, args []any, kwargs *Dict) (any, error) {
	switch name {
	case "trim":
		str, err := requireString(v, "the value")
		if err != nil {
			return nil, err
		}
		return pyStrip(str, args, true, true)
	case "length", "count":
		return length(v)
	case "upper", "lower", "title", "capitalize":
		text := str(v)
		switch name {
		case "upper":
			return strings.ToUpper(text), nil
		case "lower":
			return strings.ToLower(text), nil
		case "title":
			return pyTitle(text), nil
		}
		return pyCapitalize(text), nil
	case "string":
		return str(v), nil
	case "default", "d":
		def := argOr(args, kwargs, 0, "default_value", "")
		boolean := truthy(argOr(args, kwargs, 1, "boolean", false))
		if _, undefined := v.(Undefined); undefined || (boolean && !truthy(v)) {
			return def, nil
		}
		return v, nil
	case "tojson":
		indentV := argOr(args, kwargs, 0, "indent", nil)
		indent := 0
		if indentV != nil {
			n, ok := indentV.(int)
			if !ok {
				return nil, errors.New("indent must be an integer")
			}
			indent = n
		}
		sep := [2]string{", ", ": "}
		if indent > 0 {
			sep[0] = ","
		}
		if sv := argOr(nil, kwargs, 0, "separators", nil); sv != nil {
			list, ok := sv.([]any)
			if !ok || len(list) != 2 {
				return nil, errors.New("separators must be a pair of strings")
			}
			sep = [2]string{str(list[0]), str(list[1])}
		}
		return toJSON(v, indent, truthy(argOr(nil, kwargs, 0, "sort_keys", false)), sep, 0)
	case "join":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		sep := str(argOr(args, kwargs, 0, "d", ""))
		attr := argOr(args, kwargs, 1, "attribute", nil)
		parts := make([]string, len(items))
		for i, x := range items {
			if attr != nil {
				if x, err = getItem(x, attr, 0); err != nil {
					return nil, err
				}
			}
			parts[i] = str(x)
		}
		return strings.Join(parts, sep), nil
	case "first", "last":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return Undefined{name}, nil
		}
		if name == "first" {
			return items[0], nil
		}
		return items[len(items)-1], nil
	case "list":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		return append([]any{}, items...), nil
	case "reverse":
		if text, ok := v.(string); ok {
			r := []rune(text)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			return string(r), nil
		}
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		for i, x := range items {
			out[len(items)-1-i] = x
		}
		return out, nil
	case "items":
		d, ok := v.(*Dict)
		if !ok {
			if _, undefined := v.(Undefined); undefined {
				return []any{}, nil
			}
			return nil, fmt.Errorf("items needs a dict, got a %s", typeName(v))
		}
		return dictItems(d), nil
	case "int":
		switch x := v.(type) {
		case int:
			return x, nil
		case float64:
			return int(x), nil
		case bool:
			return boolToInt(x), nil
		case string:
			if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
				return n, nil
			}
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				return int(f), nil
			}
		}
		return argOr(args, kwargs, 0, "default", 0), nil
	case "float":
		if f, ok := toFloat(v); ok {
			return f, nil
		}
		if x, ok := v.(string); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				return f, nil
			}
		}
		return argOr(args, kwargs, 0, "default", 0.0), nil
	case "abs":
		switch x := v.(type) {
		case int:
			if x < 0 {
				return -x, nil
			}
			return x, nil
		case float64:
			return math.Abs(x), nil
		}
		return nil, fmt.Errorf("abs needs a number, got a %s", typeName(v))
	case "replace":
		text, err := requireString(v, "the value")
		if err != nil {
			return nil, err
		}
		return stringMethod(text, "replace").call(args, kwargs)
	case "indent":
		text := str(v)
		width := 4
		if w, ok := argOr(args, kwargs, 0, "width", 4).(int); ok {
			width = w
		}
		first := truthy(argOr(args, kwargs, 1, "first", false))
		blank := truthy(argOr(args, kwargs, 2, "blank", false))
		pad := strings.Repeat(" ", width)
		lines := strings.Split(text, "\n")
		for i, line := range lines {
			if (i == 0 && !first) || (line == "" && !blank) {
				continue
			}
			lines[i] = pad + line
		}
		return strings.Join(lines, "\n"), nil
	case "unique":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		var out []any
		for _, x := range items {
			dup := false
			for _, y := range out {
				dup = dup || equal(x, y)
			}
			if !dup {
				out = append(out, x)
			}
		}
		return out, nil
	case "sort":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		out := append([]any{}, items...)
		reverse := truthy(argOr(args, kwargs, 0, "reverse", false))
		attr := argOr(args, kwargs, 2, "attribute", nil)
		var sortErr error
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if attr != nil {
				a, _ = getItem(a, attr, 0)
				b, _ = getItem(b, attr, 0)
			}
			c, err := compare(a, b)
			if err != nil {
				sortErr = err
			}
			if reverse {
				return c > 0
			}
			return c < 0
		})
		return out, sortErr
	case "map":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		if attr := argOr(nil, kwargs, 0, "attribute", nil); attr != nil {
			for i, x := range items {
				if out[i], err = getItem(x, attr, 0); err != nil {
					return nil, err
				}
				if _, undefined := out[i].(Undefined); undefined && kwargs != nil && hasKey(kwargs, "default") {
					out[i] = kwargs.m["default"]
				}
			}
			return out, nil
		}
		if len(args) == 0 {
			return nil, errors.New("map needs a filter name or attribute=")
		}
		filterName, err := requireString(args[0], "the filter name")
		if err != nil {
			return nil, err
		}
		for i, x := range items {
			if out[i], err = applyFilter(filterName, x, args[1:], nil); err != nil {
				return nil, err
			}
		}
		return out, nil
	case "select", "reject", "selectattr", "rejectattr":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		byAttr := strings.HasSuffix(name, "attr")
		keep := strings.HasPrefix(name, "select")
		rest := args
		var attr any
		if byAttr {
			if len(args) == 0 {
				return nil, fmt.Errorf("%s needs an attribute name", name)
			}
			attr, rest = args[0], args[1:]
		}
		var out []any
		for _, x := range items {
			probe := x
			if byAttr {
				if probe, err = getItem(x, attr, 0); err != nil {
					return nil, err
				}
			}
			ok := truthy(probe)
			if len(rest) > 0 {
				testName, err := requireString(rest[0], "the test name")
				if err != nil {
					return nil, err
				}
				if ok, err = applyTest(testName, probe, rest[1:]); err != nil {
					return nil, err
				}
			}
			if ok == keep {
				out = append(out, x)
			}
		}
		return out, nil
	case "safe", "e", "escape", "forceescape":
		// Chat templates render text for a model, not HTML: no escaping.
		return v, nil
	case "round":
		f, ok := toFloat(v)
		if !ok {
			return nil, fmt.Errorf("round needs a number, got a %s", typeName(v))
		}
		prec, _ := argOr(args, kwargs, 0, "precision", 0).(int)
		p := math.Pow(10, float64(prec))
		return math.RoundToEven(f*p) / p, nil
	case "wordcount":
		return len(strings.FieldsFunc(str(v), unicode.IsSpace)), nil
	}
	return nil, fmt.Errorf("unknown filter %q", name)
}

// applyTest runs the test of "v is name(args)".
func applyTest(name string, v any, args []any) (bool, error) {
	arg := func() (any, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("test %s takes one argument", name)
		}
		return args[0], nil
	}
	switch name {
	case "defined":
		_, undefined := v.(Undefined)
		return !undefined, nil
	case "undefined":
		_, undefined := v.(Undefined)
		return undefined, nil
	case "none":
		return v == nil, nil
	case "true":
		b, ok := v.(bool)
		return ok && b, nil
	case "false":
		b, ok := v.(bool)
		return ok && !b, nil
	case "boolean":
		_, ok := v.(bool)
		return ok, nil
	case "string":
		_, ok := v.(string)
		return ok, nil
	case "number":
		switch v.(type) {
		case int, float64:
			return true, nil
		}
		return false, nil
	case "integer":
		_, ok := v.(int)
		return ok, nil
	case "float":
		_, ok := v.(float64)
		return ok, nil
	case "mapping":
		_, ok := v.(*Dict)
		return ok, nil
	case "iterable":
		switch v.(type) {
		case string, []any, *Dict:
			return true, nil
		}
		return false, nil
	case "sequence":
		switch v.(type) {
		case string, []any, *Dict:
			return true, nil
		}
		return false, nil
	case "callable":
		_, ok := v.(*function)
		return ok, nil
	case "lower", "upper":
		text, ok := v.(string)
		if !ok {
			return false, nil
		}
		if name == "lower" {
			return strings.ToLower(text) == text, nil
		}
		return strings.ToUpper(text) == text, nil
	case "even", "odd":
		n, ok := v.(int)
		if !ok {
			return false, fmt.Errorf("test %s needs an integer, got a %s", name, typeName(v))
		}
		return (n%2 == 0) == (name == "even"), nil
	case "divisibleby":
		a, err := arg()
		if err != nil {
			return false, err
		}
		n, ok1 := v.(int)
		d, ok2 := a.(int)
		if !ok1 || !ok2 || d == 0 {
			return false, errors.New("divisibleby needs non-zero integers")
		}
		return n%d == 0, nil
	case "equalto", "eq", "==", "sameas":
		a, err := arg()
		if err != nil {
			return false, err
		}
		return equal(v, a), nil
	case "ne", "!=":
		a, err := arg()
		if err != nil {
			return false, err
		}
		return !equal(v, a), nil
	case "lt", "gt", "le", "ge", "lessthan", "greaterthan":
		a, err := arg()
		if err != nil {
			return false, err
		}
		c, err := compare(v, a)
		if err != nil {
			return false, err
		}
		switch name {
		case "lt", "lessthan":
			return c < 0, nil
		case "gt", "greaterthan":
			return c > 0, nil
		case "le":
			return c <= 0, nil
		}
		return c >= 0, nil
	case "in":
		a, err := arg()
		if err != nil {
			return false, err
		}
		return contains(a, v)
	}
	return false, fmt.Errorf("unknown test %q", name)
}
