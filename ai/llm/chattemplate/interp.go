package chattemplate

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// scope is one level of variables: the globals, the render call, a loop or
// a macro call. Set writes to the innermost scope, so assignments inside a
// loop do not leak out of it, which is why templates use namespace().
type scope struct {
	vars   map[string]any
	parent *scope
}

func newScope(parent *scope) *scope { return &scope{vars: map[string]any{}, parent: parent} }

func (s *scope) lookup(name string) (any, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// errBreak and errContinue carry {% break %} and {% continue %} up to the
// loop they end. They are never wrapped: a macro call turns one that
// leaves the macro's body into errOutsideLoop.
var (
	errBreak       = errors.New("break")
	errContinue    = errors.New("continue")
	errOutsideLoop = errors.New("break or continue outside a loop")
)

// isLoopControl reports whether err is errBreak or errContinue.
func isLoopControl(err error) bool {
	return errors.Is(err, errBreak) || errors.Is(err, errContinue)
}

// interp renders a body into out.
type interp struct {
	out   *strings.Builder
	depth int
}

// maxDepth bounds macro recursion, so a template cannot exhaust the stack.
const maxDepth = 200

func (in *interp) run(body []node, s *scope) error {
	for _, n := range body {
		if err := in.exec(n, s); err != nil {
			return err
		}
	}
	return nil
}

func (in *interp) exec(n node, s *scope) error {
	switch n := n.(type) {
	case textNode:
		in.out.WriteString(n.text)
	case outputNode:
		v, err := in.eval(n.expr, s)
		if err != nil {
			return err
		}
		in.out.WriteString(str(v))
	case ifNode:
		for i, c := range n.conds {
			v, err := in.eval(c, s)
			if err != nil {
				return err
			}
			if truthy(v) {
				return in.run(n.bodies[i], s)
			}
		}
		return in.run(n.orElse, s)
	case forNode:
		return in.execFor(n, s)
	case setNode:
		return in.execSet(n, s)
	case macroNode:
		s.vars[n.name] = in.macro(n, s)
	case breakNode:
		return errBreak
	case continueNode:
		return errContinue
	default:
		return fmt.Errorf("unknown statement %T", n)
	}
	return nil
}

func (in *interp) execSet(n setNode, s *scope) error {
	var v any
	if n.body != nil {
		var b strings.Builder
		sub := &interp{out: &b, depth: in.depth}
		if err := sub.run(n.body, s); err != nil {
			return err
		}
		v = b.String()
	} else {
		var err error
		if v, err = in.eval(n.value, s); err != nil {
			return err
		}
	}
	if n.attr == "" {
		s.vars[n.target] = v
		return nil
	}
	obj, _ := s.lookup(n.target)
	d, ok := obj.(*Dict)
	if !ok || !d.namespace {
		return fmt.Errorf("line %d: cannot set %s.%s: %s is a %s, not a namespace", n.line, n.target, n.attr, n.target, typeName(obj))
	}
	d.Set(n.attr, v)
	return nil
}

// iterate lists the items a for loop or a filter walks over: list items,
// dict keys, or string characters.
func iterate(v any) ([]any, error) {
	switch v := v.(type) {
	case []any:
		return v, nil
	case *Dict:
		items := make([]any, len(v.keys))
		for i, k := range v.keys {
			items[i] = k
		}
		return items, nil
	case string:
		var items []any
		for _, r := range v {
			items = append(items, string(r))
		}
		return items, nil
	case Undefined:
		return nil, nil
	}
	return nil, fmt.Errorf("a %s is not iterable", typeName(v))
}

func (in *interp) execFor(n forNode, s *scope) error {
	iterable, err := in.eval(n.iterable, s)
	if err != nil {
		return err
	}
	all, err := iterate(iterable)
	if err != nil {
		return fmt.Errorf("line %d: for loop: %w", n.line, err)
	}
	loopScope := newScope(s)
	bind := func(target *scope, item any) error {
		if len(n.targets) == 1 {
			target.vars[n.targets[0]] = item
			return nil
		}
		parts, ok := item.([]any)
		if !ok || len(parts) != len(n.targets) {
			return fmt.Errorf("line %d: cannot unpack a %s into %d names", n.line, typeName(item), len(n.targets))
		}
		for i, name := range n.targets {
			target.vars[name] = parts[i]
		}
		return nil
	}
	items := all
	if n.filter != nil {
		items = nil
		for _, item := range all {
			probe := newScope(loopScope)
			if err := bind(probe, item); err != nil {
				return err
			}
			ok, err := in.eval(n.filter, probe)
			if err != nil {
				return err
			}
			if truthy(ok) {
				items = append(items, item)
			}
		}
	}
	if len(items) == 0 {
		return in.run(n.orElse, s)
	}
	for i, item := range items {
		loop := NewDict()
		loop.Set("index", i+1)
		loop.Set("index0", i)
		loop.Set("revindex", len(items)-i)
		loop.Set("revindex0", len(items)-i-1)
		loop.Set("first", i == 0)
		loop.Set("last", i == len(items)-1)
		loop.Set("length", len(items))
		var prev, next any = Undefined{"loop.previtem"}, Undefined{"loop.nextitem"}
		if i > 0 {
			prev = items[i-1]
		}
		if i+1 < len(items) {
			next = items[i+1]
		}
		loop.Set("previtem", prev)
		loop.Set("nextitem", next)
		loop.Set("cycle", &function{name: "loop.cycle", call: func(args []any, _ *Dict) (any, error) {
			if len(args) == 0 {
				return nil, errors.New("loop.cycle needs at least one value")
			}
			return args[i%len(args)], nil
		}})
		loopScope.vars["loop"] = loop
		if err := bind(loopScope, item); err != nil {
			return err
		}
		err := in.run(n.body, loopScope)
		if errors.Is(err, errBreak) {
			break
		}
		if err != nil && !errors.Is(err, errContinue) {
			return err
		}
	}
	return nil
}

func (in *interp) macro(n macroNode, defScope *scope) *function {
	return &function{name: n.name, call: func(args []any, kwargs *Dict) (any, error) {
		if in.depth >= maxDepth {
			return nil, fmt.Errorf("macro %s: calls nested deeper than %d", n.name, maxDepth)
		}
		if len(args) > len(n.params) {
			return nil, fmt.Errorf("macro %s takes %d arguments, got %d", n.name, len(n.params), len(args))
		}
		call := newScope(defScope)
		for i, p := range n.params {
			switch {
			case i < len(args):
				call.vars[p] = args[i]
			case kwargs != nil && hasKey(kwargs, p):
				call.vars[p] = kwargs.m[p]
			case n.defaults[i] != nil:
				v, err := in.eval(n.defaults[i], call)
				if err != nil {
					return nil, err
				}
				call.vars[p] = v
			default:
				call.vars[p] = Undefined{p}
			}
		}
		var b strings.Builder
		sub := &interp{out: &b, depth: in.depth + 1}
		if err := sub.run(n.body, call); err != nil {
			if isLoopControl(err) {
				// A macro's break or continue cannot end a loop at the
				// call site.
				return nil, errOutsideLoop
			}
			return nil, err
		}
		return b.String(), nil
	}}
}

func hasKey(d *Dict, k string) bool {
	_, ok := d.m[k]
	return ok
}

func (in *interp) eval(e expr, s *scope) (any, error) {
	switch e := e.(type) {
	case literal:
		return e.value, nil
	case nameExpr:
		if v, ok := s.lookup(e.name); ok {
			return v, nil
		}
		return Undefined{e.name}, nil
	case listExpr:
		list := make([]any, len(e.items))
		for i, item := range e.items {
			v, err := in.eval(item, s)
			if err != nil {
				return nil, err
			}
			list[i] = v
		}
		return list, nil
	case dictExpr:
		d := NewDict()
		for i := range e.keys {
			k, err := in.eval(e.keys[i], s)
			if err != nil {
				return nil, err
			}
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("dict keys must be strings, got a %s", typeName(k))
			}
			v, err := in.eval(e.values[i], s)
			if err != nil {
				return nil, err
			}
			d.Set(ks, v)
		}
		return d, nil
	case attrExpr:
		obj, err := in.eval(e.obj, s)
		if err != nil {
			return nil, err
		}
		return getAttr(obj, e.name, e.line)
	case indexExpr:
		obj, err := in.eval(e.obj, s)
		if err != nil {
			return nil, err
		}
		idx, err := in.eval(e.index, s)
		if err != nil {
			return nil, err
		}
		return getItem(obj, idx, e.line)
	case sliceExpr:
		return in.evalSlice(e, s)
	case callExpr:
		return in.evalCall(e, s)
	case filterExpr:
		return in.evalFilter(e, s)
	case testExpr:
		v, err := in.eval(e.operand, s)
		if err != nil {
			return nil, err
		}
		args, err := in.evalArgs(e.args, s)
		if err != nil {
			return nil, err
		}
		ok, err := applyTest(e.name, v, args)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", e.line, err)
		}
		return ok != e.negated, nil
	case unaryExpr:
		v, err := in.eval(e.operand, s)
		if err != nil {
			return nil, err
		}
		switch e.op {
		case "not":
			return !truthy(v), nil
		case "-":
			switch x := v.(type) {
			case int:
				return -x, nil
			case float64:
				return -x, nil
			}
			return nil, fmt.Errorf("bad operand for unary -: %s", typeName(v))
		default:
			if _, ok := toFloat(v); !ok {
				return nil, fmt.Errorf("bad operand for unary +: %s", typeName(v))
			}
			return v, nil
		}
	case binaryExpr:
		return in.evalBinary(e, s)
	case condExpr:
		c, err := in.eval(e.cond, s)
		if err != nil {
			return nil, err
		}
		if truthy(c) {
			return in.eval(e.yes, s)
		}
		if e.no == nil {
			return Undefined{"else"}, nil
		}
		return in.eval(e.no, s)
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

func (in *interp) evalArgs(exprs []expr, s *scope) ([]any, error) {
	args := make([]any, len(exprs))
	for i, a := range exprs {
		v, err := in.eval(a, s)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return args, nil
}

func (in *interp) evalKwargs(names []string, exprs []expr, s *scope) (*Dict, error) {
	if len(names) == 0 {
		return nil, nil
	}
	d := NewDict()
	for i, name := range names {
		v, err := in.eval(exprs[i], s)
		if err != nil {
			return nil, err
		}
		d.Set(name, v)
	}
	return d, nil
}

func (in *interp) evalCall(e callExpr, s *scope) (any, error) {
	fn, err := in.eval(e.fn, s)
	if err != nil {
		return nil, err
	}
	args, err := in.evalArgs(e.args, s)
	if err != nil {
		return nil, err
	}
	kwargs, err := in.evalKwargs(e.kwName, e.kwArgs, s)
	if err != nil {
		return nil, err
	}
	f, ok := fn.(*function)
	if !ok {
		if u, isU := fn.(Undefined); isU {
			return nil, fmt.Errorf("line %d: %s is undefined and cannot be called", e.line, u.name)
		}
		return nil, fmt.Errorf("line %d: a %s is not callable", e.line, typeName(fn))
	}
	v, err := f.call(args, kwargs)
	if err != nil {
		var ex *ExceptionError
		if errors.As(err, &ex) {
			return nil, err
		}
		return nil, fmt.Errorf("line %d: %s: %w", e.line, f.name, err)
	}
	return v, nil
}

func (in *interp) evalFilter(e filterExpr, s *scope) (any, error) {
	v, err := in.eval(e.operand, s)
	if err != nil {
		return nil, err
	}
	args, err := in.evalArgs(e.args, s)
	if err != nil {
		return nil, err
	}
	kwargs, err := in.evalKwargs(e.kwName, e.kwArgs, s)
	if err != nil {
		return nil, err
	}
	out, err := applyFilter(e.name, v, args, kwargs)
	if err != nil {
		return nil, fmt.Errorf("line %d: filter %s: %w", e.line, e.name, err)
	}
	return out, nil
}

func (in *interp) evalSlice(e sliceExpr, s *scope) (any, error) {
	obj, err := in.eval(e.obj, s)
	if err != nil {
		return nil, err
	}
	var bounds [3]*int
	for i, b := range []expr{e.start, e.stop, e.step} {
		if b == nil {
			continue
		}
		v, err := in.eval(b, s)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		n, ok := v.(int)
		if !ok {
			return nil, fmt.Errorf("slice indices must be integers, got a %s", typeName(v))
		}
		bounds[i] = &n
	}
	switch x := obj.(type) {
	case []any:
		idx, err := sliceIndices(len(x), bounds)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(idx))
		for i, k := range idx {
			out[i] = x[k]
		}
		return out, nil
	case string:
		runes := []rune(x)
		idx, err := sliceIndices(len(runes), bounds)
		if err != nil {
			return nil, err
		}
		out := make([]rune, len(idx))
		for i, k := range idx {
			out[i] = runes[k]
		}
		return string(out), nil
	case Undefined:
		return x, nil
	}
	return nil, fmt.Errorf("a %s cannot be sliced", typeName(obj))
}

// sliceIndices lists the positions a Python slice [start:stop:step] takes.
func sliceIndices(n int, b [3]*int) ([]int, error) {
	step := 1
	if b[2] != nil {
		step = *b[2]
	}
	if step == 0 {
		return nil, errors.New("slice step cannot be zero")
	}
	clamp := func(p *int, def int) int {
		if p == nil {
			return def
		}
		v := *p
		if v < 0 {
			v += n
		}
		if step > 0 {
			return max(0, min(v, n))
		}
		return max(-1, min(v, n-1))
	}
	var start, stop int
	if step > 0 {
		start, stop = clamp(b[0], 0), clamp(b[1], n)
	} else {
		start, stop = clamp(b[0], n-1), clamp(b[1], -1)
	}
	var out []int
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, i)
	}
	return out, nil
}

func getAttr(obj any, name string, line int) (any, error) {
	switch x := obj.(type) {
	case *Dict:
		if v, ok := x.m[name]; ok {
			return v, nil
		}
		if !x.namespace {
			if m := dictMethod(x, name); m != nil {
				return m, nil
			}
		}
		return Undefined{name}, nil
	case string:
		if m := stringMethod(x, name); m != nil {
			return m, nil
		}
	case []any:
		if m := listMethod(x, name); m != nil {
			return m, nil
		}
	case Undefined:
		return nil, fmt.Errorf("line %d: %s is undefined, so it has no attribute %q", line, undefinedName(x), name)
	case nil:
		return nil, fmt.Errorf("line %d: None has no attribute %q", line, name)
	}
	return Undefined{name}, nil
}

func undefinedName(u Undefined) string {
	if u.name == "" {
		return "the value"
	}
	return "'" + u.name + "'"
}

func getItem(obj, idx any, line int) (any, error) {
	switch x := obj.(type) {
	case *Dict:
		k, ok := idx.(string)
		if !ok {
			return Undefined{str(idx)}, nil
		}
		if v, ok := x.m[k]; ok {
			return v, nil
		}
		return Undefined{k}, nil
	case []any:
		i, ok := idx.(int)
		if !ok {
			return nil, fmt.Errorf("line %d: list indices must be integers, got a %s", line, typeName(idx))
		}
		if i < 0 {
			i += len(x)
		}
		if i < 0 || i >= len(x) {
			return Undefined{fmt.Sprintf("[%d]", i)}, nil
		}
		return x[i], nil
	case string:
		i, ok := idx.(int)
		if !ok {
			return nil, fmt.Errorf("line %d: string indices must be integers, got a %s", line, typeName(idx))
		}
		runes := []rune(x)
		if i < 0 {
			i += len(runes)
		}
		if i < 0 || i >= len(runes) {
			return Undefined{fmt.Sprintf("[%d]", i)}, nil
		}
		return string(runes[i]), nil
	case Undefined:
		return nil, fmt.Errorf("line %d: %s is undefined, so it has no item %s", line, undefinedName(x), repr(idx))
	case nil:
		return nil, fmt.Errorf("line %d: None has no item %s", line, repr(idx))
	}
	if name, ok := idx.(string); ok {
		return getAttr(obj, name, line)
	}
	return nil, fmt.Errorf("line %d: a %s cannot be indexed", line, typeName(obj))
}

func (in *interp) evalBinary(e binaryExpr, s *scope) (any, error) {
	left, err := in.eval(e.left, s)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "and":
		if !truthy(left) {
			return left, nil
		}
		return in.eval(e.right, s)
	case "or":
		if truthy(left) {
			return left, nil
		}
		return in.eval(e.right, s)
	}
	right, err := in.eval(e.right, s)
	if err != nil {
		return nil, err
	}
	v, err := binary(e.op, left, right)
	if err != nil {
		return nil, fmt.Errorf("line %d: %w", e.line, err)
	}
	return v, nil
}

func binary(op string, left, right any) (any, error) {
	switch op {
	case "==":
		return equal(left, right), nil
	case "!=":
		return !equal(left, right), nil
	case "~":
		return str(left) + str(right), nil
	case "in", "not in":
		in, err := contains(right, left)
		if err != nil {
			return nil, err
		}
		return in == (op == "in"), nil
	case "<", ">", "<=", ">=":
		c, err := compare(left, right)
		if err != nil {
			return nil, err
		}
		switch op {
		case "<":
			return c < 0, nil
		case ">":
			return c > 0, nil
		case "<=":
			return c <= 0, nil
		}
		return c >= 0, nil
	case "+":
		switch l := left.(type) {
		case string:
			if r, ok := right.(string); ok {
				return l + r, nil
			}
		case []any:
			if r, ok := right.([]any); ok {
				return append(append([]any(nil), l...), r...), nil
			}
		}
	case "*":
		if l, ok := left.(string); ok {
			if n, ok := right.(int); ok {
				return strings.Repeat(l, max(n, 0)), nil
			}
		}
	}
	return arith(op, left, right)
}

func arith(op string, left, right any) (any, error) {
	li, lInt := left.(int)
	ri, rInt := right.(int)
	if b, ok := left.(bool); ok {
		li, lInt = boolToInt(b), true
	}
	if b, ok := right.(bool); ok {
		ri, rInt = boolToInt(b), true
	}
	lf, okL := toFloat(left)
	rf, okR := toFloat(right)
	if !okL || !okR {
		return nil, fmt.Errorf("unsupported operand types for %s: %s and %s", op, typeName(left), typeName(right))
	}
	bothInt := lInt && rInt
	switch op {
	case "+":
		if bothInt {
			return li + ri, nil
		}
		return lf + rf, nil
	case "-":
		if bothInt {
			return li - ri, nil
		}
		return lf - rf, nil
	case "*":
		if bothInt {
			return li * ri, nil
		}
		return lf * rf, nil
	case "/":
		if rf == 0 {
			return nil, errors.New("division by zero")
		}
		return lf / rf, nil
	case "//", "%":
		if rf == 0 {
			return nil, errors.New("division by zero")
		}
		if bothInt {
			q := li / ri
			if (li%ri != 0) && ((li < 0) != (ri < 0)) {
				q--
			}
			if op == "//" {
				return q, nil
			}
			return li - q*ri, nil
		}
		q := math.Floor(lf / rf)
		if op == "//" {
			return q, nil
		}
		return lf - q*rf, nil
	case "**":
		if bothInt && ri >= 0 {
			r := 1
			for k := 0; k < ri; k++ {
				r *= li
			}
			return r, nil
		}
		return math.Pow(lf, rf), nil
	}
	return nil, fmt.Errorf("unknown operator %s", op)
}

// compare orders numbers with numbers and strings with strings.
func compare(a, b any) (int, error) {
	if as, ok := a.(string); ok {
		if bs, ok := b.(string); ok {
			return strings.Compare(as, bs), nil
		}
	}
	af, okA := toFloat(a)
	bf, okB := toFloat(b)
	if !okA || !okB {
		return 0, fmt.Errorf("cannot order a %s and a %s", typeName(a), typeName(b))
	}
	switch {
	case af < bf:
		return -1, nil
	case af > bf:
		return 1, nil
	}
	return 0, nil
}

// contains is Python's "needle in haystack".
func contains(haystack, needle any) (bool, error) {
	switch h := haystack.(type) {
	case string:
		n, ok := needle.(string)
		if !ok {
			return false, fmt.Errorf("'in <string>' needs a string on the left, got a %s", typeName(needle))
		}
		return strings.Contains(h, n), nil
	case []any:
		for _, x := range h {
			if equal(x, needle) {
				return true, nil
			}
		}
		return false, nil
	case *Dict:
		k, ok := needle.(string)
		return ok && hasKey(h, k), nil
	case Undefined:
		return false, nil
	}
	return false, fmt.Errorf("a %s does not support 'in'", typeName(haystack))
}
