package chattemplate

import (
	"fmt"
	"strconv"
)

type parser struct {
	toks []token
	pos  int
}

func parse(toks []token) ([]node, error) {
	p := &parser{toks: toks}
	body, end, err := p.parseBody()
	if err != nil {
		return nil, err
	}
	if end != "" {
		return nil, p.errorf("unexpected {%% %s %%}", end)
	}
	return body, nil
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", p.peek().line, fmt.Sprintf(format, args...))
}

func (p *parser) isOp(op string) bool {
	t := p.peek()
	return t.kind == tokOp && t.val == op
}

func (p *parser) isName(name string) bool {
	t := p.peek()
	return t.kind == tokName && t.val == name
}

func (p *parser) expectOp(op string) error {
	if !p.isOp(op) {
		return p.errorf("expected %q, got %s", op, p.peek())
	}
	p.next()
	return nil
}

func (p *parser) expectName(name string) error {
	if !p.isName(name) {
		return p.errorf("expected %q, got %s", name, p.peek())
	}
	p.next()
	return nil
}

func (p *parser) expectKind(kind tokenKind, what string) (token, error) {
	if p.peek().kind != kind {
		return token{}, p.errorf("expected %s, got %s", what, p.peek())
	}
	return p.next(), nil
}

// endKeywords close a body; parseBody returns at the first one.
var endKeywords = map[string]bool{
	"elif": true, "else": true, "endif": true, "endfor": true, "endset": true,
	"endmacro": true, "endgeneration": true,
}

// parseBody parses nodes up to a closing block tag, whose keyword it
// returns with the parser just after that keyword (or "" at the end).
func (p *parser) parseBody() ([]node, string, error) {
	var body []node
	for {
		t := p.peek()
		switch t.kind {
		case tokEOF:
			return body, "", nil
		case tokText:
			p.next()
			body = append(body, textNode{t.val})
		case tokOpenExpr:
			p.next()
			e, err := p.parseExpr()
			if err != nil {
				return nil, "", err
			}
			if _, err := p.expectKind(tokCloseExpr, "}}"); err != nil {
				return nil, "", err
			}
			body = append(body, outputNode{expr: e, line: t.line})
		case tokOpenStmt:
			p.next()
			kw := p.peek()
			if kw.kind != tokName {
				return nil, "", p.errorf("expected a statement keyword, got %s", kw)
			}
			if endKeywords[kw.val] {
				p.next()
				return body, kw.val, nil
			}
			n, err := p.parseStatement()
			if err != nil {
				return nil, "", err
			}
			if n != nil {
				body = append(body, n)
			}
		default:
			return nil, "", p.errorf("unexpected %s", t)
		}
	}
}

func (p *parser) closeStmt() error {
	_, err := p.expectKind(tokCloseStmt, "%}")
	return err
}

func (p *parser) parseStatement() (node, error) {
	kw := p.next()
	switch kw.val {
	case "if":
		return p.parseIf()
	case "for":
		return p.parseFor(kw.line)
	case "set":
		return p.parseSet(kw.line)
	case "macro":
		return p.parseMacro()
	case "break":
		return breakNode{}, p.closeStmt()
	case "continue":
		return continueNode{}, p.closeStmt()
	case "generation":
		// transformers marks the assistant's part for training masks; it
		// renders nothing itself.
		if err := p.closeStmt(); err != nil {
			return nil, err
		}
		body, end, err := p.parseBody()
		if err != nil {
			return nil, err
		}
		if end != "endgeneration" {
			return nil, p.errorf("{%% generation %%} is not closed by {%% endgeneration %%}")
		}
		return ifNode{conds: []expr{literal{true}}, bodies: [][]node{body}}, p.closeStmt()
	default:
		return nil, fmt.Errorf("line %d: unknown statement %q", kw.line, kw.val)
	}
}

func (p *parser) parseIf() (node, error) {
	n := ifNode{}
	for {
		cond, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if err := p.closeStmt(); err != nil {
			return nil, err
		}
		body, end, err := p.parseBody()
		if err != nil {
			return nil, err
		}
		n.conds = append(n.conds, cond)
		n.bodies = append(n.bodies, body)
		switch end {
		case "elif":
			continue
		case "else":
			if err := p.closeStmt(); err != nil {
				return nil, err
			}
			orElse, end, err := p.parseBody()
			if err != nil {
				return nil, err
			}
			if end != "endif" {
				return nil, p.errorf("{%% else %%} of an if is not closed by {%% endif %%}")
			}
			n.orElse = orElse
			return n, p.closeStmt()
		case "endif":
			return n, p.closeStmt()
		default:
			return nil, p.errorf("{%% if %%} is not closed by {%% endif %%}")
		}
	}
}

func (p *parser) parseFor(line int) (node, error) {
	n := forNode{line: line}
	for {
		t, err := p.expectKind(tokName, "a loop variable")
		if err != nil {
			return nil, err
		}
		n.targets = append(n.targets, t.val)
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	if err := p.expectName("in"); err != nil {
		return nil, err
	}
	// The iterable may not be a conditional expression, so that a trailing
	// "if" filters the loop instead.
	iter, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	n.iterable = iter
	if p.isName("if") {
		p.next()
		if n.filter, err = p.parseOr(); err != nil {
			return nil, err
		}
	}
	if p.isName("recursive") {
		return nil, p.errorf("recursive loops are not supported")
	}
	if err := p.closeStmt(); err != nil {
		return nil, err
	}
	body, end, err := p.parseBody()
	if err != nil {
		return nil, err
	}
	n.body = body
	if end == "else" {
		if err := p.closeStmt(); err != nil {
			return nil, err
		}
		if n.orElse, end, err = p.parseBody(); err != nil {
			return nil, err
		}
	}
	if end != "endfor" {
		return nil, p.errorf("{%% for %%} is not closed by {%% endfor %%}")
	}
	return n, p.closeStmt()
}

func (p *parser) parseSet(line int) (node, error) {
	t, err := p.expectKind(tokName, "a variable name")
	if err != nil {
		return nil, err
	}
	n := setNode{target: t.val, line: line}
	if p.isOp(".") {
		p.next()
		a, err := p.expectKind(tokName, "an attribute name")
		if err != nil {
			return nil, err
		}
		n.attr = a.val
	}
	if p.peek().kind == tokCloseStmt && n.attr == "" {
		p.next()
		body, end, err := p.parseBody()
		if err != nil {
			return nil, err
		}
		if end != "endset" {
			return nil, p.errorf("{%% set %s %%} is not closed by {%% endset %%}", n.target)
		}
		n.body = body
		return n, p.closeStmt()
	}
	if err := p.expectOp("="); err != nil {
		return nil, err
	}
	if n.value, err = p.parseTupleOrExpr(); err != nil {
		return nil, err
	}
	return n, p.closeStmt()
}

func (p *parser) parseMacro() (node, error) {
	t, err := p.expectKind(tokName, "a macro name")
	if err != nil {
		return nil, err
	}
	n := macroNode{name: t.val}
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	for !p.isOp(")") {
		a, err := p.expectKind(tokName, "a parameter name")
		if err != nil {
			return nil, err
		}
		var def expr
		if p.isOp("=") {
			p.next()
			if def, err = p.parseExpr(); err != nil {
				return nil, err
			}
		}
		n.params = append(n.params, a.val)
		n.defaults = append(n.defaults, def)
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	if err := p.expectOp(")"); err != nil {
		return nil, err
	}
	if err := p.closeStmt(); err != nil {
		return nil, err
	}
	body, end, err := p.parseBody()
	if err != nil {
		return nil, err
	}
	if end != "endmacro" {
		return nil, p.errorf("{%% macro %s %%} is not closed by {%% endmacro %%}", n.name)
	}
	n.body = body
	return n, p.closeStmt()
}

// parseTupleOrExpr reads "a, b" as a list, as Python does for tuples.
func (p *parser) parseTupleOrExpr() (expr, error) {
	e, err := p.parseExpr()
	if err != nil || !p.isOp(",") {
		return e, err
	}
	items := []expr{e}
	for p.isOp(",") {
		p.next()
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return listExpr{items}, nil
}

// Expression grammar, lowest precedence first, as in Jinja:
// conditional, or, and, not, comparison, + -, ~, * / // %, **, unary - +,
// then primaries with postfix subscripts, calls, filters and tests.

func (p *parser) parseExpr() (expr, error) {
	yes, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	for p.isName("if") {
		p.next()
		cond, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		var no expr
		if p.isName("else") {
			p.next()
			if no, err = p.parseExpr(); err != nil {
				return nil, err
			}
		}
		yes = condExpr{cond: cond, yes: yes, no: no}
	}
	return yes, nil
}

func (p *parser) parseOr() (expr, error) {
	left, err := p.parseAnd()
	for err == nil && p.isName("or") {
		line := p.next().line
		var right expr
		right, err = p.parseAnd()
		left = binaryExpr{op: "or", left: left, right: right, line: line}
	}
	return left, err
}

func (p *parser) parseAnd() (expr, error) {
	left, err := p.parseNot()
	for err == nil && p.isName("and") {
		line := p.next().line
		var right expr
		right, err = p.parseNot()
		left = binaryExpr{op: "and", left: left, right: right, line: line}
	}
	return left, err
}

func (p *parser) parseNot() (expr, error) {
	if p.isName("not") {
		p.next()
		e, err := p.parseNot()
		return unaryExpr{op: "not", operand: e}, err
	}
	return p.parseCompare()
}

func (p *parser) parseCompare() (expr, error) {
	left, err := p.parseAdd()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		op := ""
		switch {
		case t.kind == tokOp && (t.val == "==" || t.val == "!=" || t.val == "<" || t.val == ">" || t.val == "<=" || t.val == ">="):
			op = t.val
		case t.kind == tokName && t.val == "in":
			op = "in"
		case t.kind == tokName && t.val == "not" && p.toks[p.pos+1].kind == tokName && p.toks[p.pos+1].val == "in":
			p.next()
			op = "not in"
		default:
			return left, nil
		}
		p.next()
		right, err := p.parseAdd()
		if err != nil {
			return nil, err
		}
		left = binaryExpr{op: op, left: left, right: right, line: t.line}
	}
}

func (p *parser) parseAdd() (expr, error) {
	left, err := p.parseConcat()
	for err == nil && (p.isOp("+") || p.isOp("-")) {
		t := p.next()
		var right expr
		right, err = p.parseConcat()
		left = binaryExpr{op: t.val, left: left, right: right, line: t.line}
	}
	return left, err
}

func (p *parser) parseConcat() (expr, error) {
	left, err := p.parseMul()
	for err == nil && p.isOp("~") {
		t := p.next()
		var right expr
		right, err = p.parseMul()
		left = binaryExpr{op: "~", left: left, right: right, line: t.line}
	}
	return left, err
}

func (p *parser) parseMul() (expr, error) {
	left, err := p.parsePow()
	for err == nil && (p.isOp("*") || p.isOp("/") || p.isOp("//") || p.isOp("%")) {
		t := p.next()
		var right expr
		right, err = p.parsePow()
		left = binaryExpr{op: t.val, left: left, right: right, line: t.line}
	}
	return left, err
}

func (p *parser) parsePow() (expr, error) {
	left, err := p.parseUnary()
	for err == nil && p.isOp("**") {
		t := p.next()
		var right expr
		right, err = p.parseUnary()
		left = binaryExpr{op: "**", left: left, right: right, line: t.line}
	}
	return left, err
}

func (p *parser) parseUnary() (expr, error) {
	if p.isOp("-") || p.isOp("+") {
		op := p.next().val
		e, err := p.parseUnary()
		return unaryExpr{op: op, operand: e}, err
	}
	e, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	return p.parsePostfix(e)
}

func (p *parser) parsePostfix(e expr) (expr, error) {
	for {
		t := p.peek()
		switch {
		case p.isOp("."):
			p.next()
			name := p.next()
			if name.kind != tokName && name.kind != tokInt {
				return nil, p.errorf("expected an attribute name after '.', got %s", name)
			}
			e = attrExpr{obj: e, name: name.val, line: t.line}
		case p.isOp("["):
			p.next()
			sub, err := p.parseSubscript(e)
			if err != nil {
				return nil, err
			}
			e = sub
		case p.isOp("("):
			call, err := p.parseCall(e)
			if err != nil {
				return nil, err
			}
			e = call
		case p.isOp("|"):
			p.next()
			name, err := p.expectKind(tokName, "a filter name")
			if err != nil {
				return nil, err
			}
			f := filterExpr{operand: e, name: name.val, line: name.line}
			if p.isOp("(") {
				call, err := p.parseCall(nil)
				if err != nil {
					return nil, err
				}
				c := call.(callExpr)
				f.args, f.kwName, f.kwArgs = c.args, c.kwName, c.kwArgs
			}
			e = f
		case p.isName("is"):
			p.next()
			te := testExpr{operand: e, line: t.line}
			if p.isName("not") {
				p.next()
				te.negated = true
			}
			name := p.next()
			if name.kind != tokName {
				return nil, p.errorf("expected a test name after 'is', got %s", name)
			}
			te.name = name.val
			switch {
			case p.isOp("("):
				call, err := p.parseCall(nil)
				if err != nil {
					return nil, err
				}
				te.args = call.(callExpr).args
			case p.startsPrimaryArgument():
				// "is divisibleby 3", "is equalto 'x'": one argument without
				// parentheses.
				arg, err := p.parsePrimary()
				if err != nil {
					return nil, err
				}
				te.args = []expr{arg}
			}
			e = te
		default:
			return e, nil
		}
	}
}

// startsPrimaryArgument reports whether the next token can begin the bare
// argument of a test, such as the 3 of "is divisibleby 3".
func (p *parser) startsPrimaryArgument() bool {
	t := p.peek()
	switch t.kind {
	case tokString, tokInt, tokFloat:
		return true
	case tokName:
		switch t.val {
		case "and", "or", "not", "in", "is", "if", "else", "recursive":
			return false
		}
		return true
	}
	return false
}

func (p *parser) parseSubscript(obj expr) (expr, error) {
	line := p.toks[p.pos-1].line
	var parts [3]expr
	colons := 0
	for {
		if p.isOp("]") {
			p.next()
			break
		}
		if p.isOp(":") {
			p.next()
			colons++
			if colons > 2 {
				return nil, p.errorf("too many ':' in a slice")
			}
			continue
		}
		if parts[colons] != nil {
			return nil, p.errorf("expected ':' or ']' in a subscript, got %s", p.peek())
		}
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		parts[colons] = e
	}
	if colons == 0 {
		if parts[0] == nil {
			return nil, p.errorf("empty subscript")
		}
		return indexExpr{obj: obj, index: parts[0], line: line}, nil
	}
	return sliceExpr{obj: obj, start: parts[0], stop: parts[1], step: parts[2]}, nil
}

func (p *parser) parseCall(fn expr) (expr, error) {
	line := p.peek().line
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	c := callExpr{fn: fn, line: line}
	for !p.isOp(")") {
		if p.peek().kind == tokName && p.toks[p.pos+1].kind == tokOp && p.toks[p.pos+1].val == "=" {
			name := p.next().val
			p.next()
			v, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			c.kwName = append(c.kwName, name)
			c.kwArgs = append(c.kwArgs, v)
		} else {
			if len(c.kwName) > 0 {
				return nil, p.errorf("positional argument after a keyword argument")
			}
			v, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, v)
		}
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	return c, p.expectOp(")")
}

func (p *parser) parsePrimary() (expr, error) {
	t := p.next()
	switch t.kind {
	case tokString:
		s := t.val
		// Adjacent string literals join, as in Python.
		for p.peek().kind == tokString {
			s += p.next().val
		}
		return literal{s}, nil
	case tokInt:
		v, err := strconv.ParseInt(t.val, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad integer %s", t.line, t.val)
		}
		return literal{int(v)}, nil
	case tokFloat:
		v, err := strconv.ParseFloat(t.val, 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad number %s", t.line, t.val)
		}
		return literal{v}, nil
	case tokName:
		switch t.val {
		case "true", "True":
			return literal{true}, nil
		case "false", "False":
			return literal{false}, nil
		case "none", "None":
			return literal{nil}, nil
		}
		return nameExpr{name: t.val, line: t.line}, nil
	case tokOp:
		switch t.val {
		case "(":
			if p.isOp(")") {
				p.next()
				return listExpr{}, nil
			}
			e, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			if p.isOp(",") {
				items := []expr{e}
				for p.isOp(",") {
					p.next()
					if p.isOp(")") {
						break
					}
					e, err := p.parseExpr()
					if err != nil {
						return nil, err
					}
					items = append(items, e)
				}
				e = listExpr{items}
			}
			return e, p.expectOp(")")
		case "[":
			l := listExpr{}
			for !p.isOp("]") {
				e, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				l.items = append(l.items, e)
				if !p.isOp(",") {
					break
				}
				p.next()
			}
			return l, p.expectOp("]")
		case "{":
			d := dictExpr{}
			for !p.isOp("}") {
				k, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				if err := p.expectOp(":"); err != nil {
					return nil, err
				}
				v, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				d.keys = append(d.keys, k)
				d.values = append(d.values, v)
				if !p.isOp(",") {
					break
				}
				p.next()
			}
			return d, p.expectOp("}")
		}
	}
	p.pos--
	return nil, p.errorf("unexpected %s in an expression", t)
}
