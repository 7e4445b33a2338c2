package chattemplate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind int

const (
	tokText tokenKind = iota
	tokOpenExpr
	tokCloseExpr
	tokOpenStmt
	tokCloseStmt
	tokName
	tokString
	tokInt
	tokFloat
	tokOp
	tokEOF
)

type token struct {
	kind tokenKind
	val  string
	line int
}

func (t token) String() string {
	switch t.kind {
	case tokEOF:
		return "end of template"
	case tokText:
		return "text"
	case tokString:
		return strconv.Quote(t.val)
	}
	return fmt.Sprintf("%q", t.val)
}

// Whitespace handling that transformers applies by compiling templates with
// trim_blocks and lstrip_blocks, done on the source text as
// @huggingface/jinja does: spaces and tabs before a block or comment tag at
// the start of a line go, as does the newline right after one.
var (
	lstripBlocks = regexp.MustCompile(`(?m)^[ \t]*(\{[#%-])`)
	trimBlocks   = regexp.MustCompile(`([#%-]\})\n`)
)

func preprocess(src string) string {
	// Jinja drops a single trailing newline (keep_trailing_newline=False).
	src = strings.TrimSuffix(src, "\n")
	src = lstripBlocks.ReplaceAllString(src, "$1")
	return trimBlocks.ReplaceAllString(src, "$1")
}

// lexer splits a template into text and the tokens inside tags.
type lexer struct {
	src    string
	pos    int
	line   int
	tokens []token
}

func lex(src string) ([]token, error) {
	l := &lexer{src: preprocess(src), line: 1}
	if err := l.run(); err != nil {
		return nil, err
	}
	return l.tokens, nil
}

func (l *lexer) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", l.line, fmt.Sprintf(format, args...))
}

func (l *lexer) emit(kind tokenKind, val string) {
	l.tokens = append(l.tokens, token{kind: kind, val: val, line: l.line})
}

func (l *lexer) advance(n int) {
	l.line += strings.Count(l.src[l.pos:l.pos+n], "\n")
	l.pos += n
}

// stripTrailingSpace implements a leading "-" in a tag: the text before
// loses its trailing white space.
func (l *lexer) stripTrailingSpace() {
	if n := len(l.tokens); n > 0 && l.tokens[n-1].kind == tokText {
		l.tokens[n-1].val = strings.TrimRightFunc(l.tokens[n-1].val, unicode.IsSpace)
		if l.tokens[n-1].val == "" {
			l.tokens = l.tokens[:n-1]
		}
	}
}

// skipLeadingSpace implements a trailing "-" in a tag.
func (l *lexer) skipLeadingSpace() {
	n := 0
	for l.pos+n < len(l.src) {
		r, size := utf8.DecodeRuneInString(l.src[l.pos+n:])
		if !unicode.IsSpace(r) {
			break
		}
		n += size
	}
	l.advance(n)
}

func (l *lexer) run() error {
	for l.pos < len(l.src) {
		next := l.nextTagStart()
		if next > l.pos {
			l.emit(tokText, l.src[l.pos:next])
			l.advance(next - l.pos)
			continue
		}
		if next >= len(l.src) {
			break
		}
		rest := l.src[l.pos:]
		switch {
		case strings.HasPrefix(rest, "{#"):
			if err := l.comment(); err != nil {
				return err
			}
		case strings.HasPrefix(rest, "{{"), strings.HasPrefix(rest, "{%"):
			if err := l.tag(); err != nil {
				return err
			}
		}
	}
	l.emit(tokEOF, "")
	return nil
}

func (l *lexer) nextTagStart() int {
	for i := l.pos; i+1 < len(l.src); i++ {
		if l.src[i] == '{' && (l.src[i+1] == '{' || l.src[i+1] == '%' || l.src[i+1] == '#') {
			return i
		}
	}
	return len(l.src)
}

func (l *lexer) comment() error {
	end := strings.Index(l.src[l.pos+2:], "#}")
	if end < 0 {
		return l.errorf("comment is not closed with #}")
	}
	body := l.src[l.pos+2 : l.pos+2+end]
	if strings.HasPrefix(body, "-") {
		l.stripTrailingSpace()
	}
	l.advance(2 + end + 2)
	if strings.HasSuffix(body, "-") {
		l.skipLeadingSpace()
	}
	return nil
}

func (l *lexer) tag() error {
	isExpr := l.src[l.pos+1] == '{'
	open, closeTok, closer := tokOpenStmt, tokCloseStmt, "%}"
	if isExpr {
		open, closeTok, closer = tokOpenExpr, tokCloseExpr, "}}"
	}
	l.advance(2)
	if l.pos < len(l.src) && l.src[l.pos] == '-' {
		l.stripTrailingSpace()
		l.advance(1)
	} else if l.pos < len(l.src) && l.src[l.pos] == '+' && !isExpr {
		l.advance(1) // "{%+" only disables lstrip_blocks, already applied
	}
	l.emit(open, closer)
	depth := 0 // open brackets, so that "}}" inside a dict literal is not an end
	for {
		l.skipSpaceInTag()
		if l.pos >= len(l.src) {
			return l.errorf("tag is not closed with %s", closer)
		}
		rest := l.src[l.pos:]
		if depth == 0 {
			if strings.HasPrefix(rest, "-"+closer) {
				l.advance(3)
				l.emit(closeTok, closer)
				l.skipLeadingSpace()
				return nil
			}
			if strings.HasPrefix(rest, closer) {
				l.advance(2)
				l.emit(closeTok, closer)
				return nil
			}
		}
		c := rest[0]
		switch {
		case c == '"' || c == '\'':
			s, n, err := unquote(rest)
			if err != nil {
				return l.errorf("%v", err)
			}
			l.emit(tokString, s)
			l.advance(n)
		case c >= '0' && c <= '9':
			n := 0
			for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '_') {
				n++
			}
			kind := tokInt
			if n+1 < len(rest) && rest[n] == '.' && rest[n+1] >= '0' && rest[n+1] <= '9' {
				kind = tokFloat
				n++
				for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
					n++
				}
			}
			l.emit(kind, strings.ReplaceAll(rest[:n], "_", ""))
			l.advance(n)
		case c == '_' || unicode.IsLetter(rune(c)):
			n := 0
			for n < len(rest) && (rest[n] == '_' || rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z' || rest[n] >= '0' && rest[n] <= '9') {
				n++
			}
			l.emit(tokName, rest[:n])
			l.advance(n)
		default:
			op := ""
			for _, cand := range []string{"==", "!=", "<=", ">=", "//", "**", "+", "-", "*", "/", "%", "~", "|", ".", ",", ":", "(", ")", "[", "]", "{", "}", "<", ">", "="} {
				if strings.HasPrefix(rest, cand) {
					op = cand
					break
				}
			}
			if op == "" {
				r, _ := utf8.DecodeRuneInString(rest)
				return l.errorf("unexpected character %q", r)
			}
			switch op {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
			l.emit(tokOp, op)
			l.advance(len(op))
		}
	}
}

func (l *lexer) skipSpaceInTag() {
	n := 0
	for l.pos+n < len(l.src) && strings.IndexByte(" \t\r\n", l.src[l.pos+n]) >= 0 {
		n++
	}
	l.advance(n)
}

// unquote reads a Python string literal at the start of s and returns its
// value and its length in the source.
func unquote(s string) (string, int, error) {
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == q {
			return b.String(), i + 1, nil
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch e := s[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\\', '\'', '"':
			b.WriteByte(e)
		case '\n':
			// A backslash at the end of a line continues the string.
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+n >= len(s) {
				return "", 0, fmt.Errorf("truncated \\%c escape", e)
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				return "", 0, fmt.Errorf("bad \\%c escape %q", e, s[i+1:i+1+n])
			}
			b.WriteRune(rune(v))
			i += n
		default:
			// Python keeps unknown escapes as written.
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return "", 0, fmt.Errorf("string literal is not closed")
}
