package chattemplate

import (
	"fmt"
	"sort"
	"strings"
)

// Template is a parsed chat template, safe for concurrent use.
type Template struct {
	body []node
}

// Message is one turn of a conversation.
type Message struct {
	Role    string
	Content string
	// Extra holds further fields of the message (tool_calls, name, …),
	// visible to the template as message.<key>.
	Extra map[string]any
}

func (m Message) toDict() (*Dict, error) {
	d := NewDict()
	d.Set("role", m.Role)
	d.Set("content", m.Content)
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, err := fromGo(m.Extra[k])
		if err != nil {
			return nil, fmt.Errorf("message field %q: %w", k, err)
		}
		d.Set(k, v)
	}
	return d, nil
}

// Parse compiles a template.
func Parse(source string) (*Template, error) {
	toks, err := lex(source)
	if err != nil {
		return nil, fmt.Errorf("chattemplate: %w", err)
	}
	body, err := parse(toks)
	if err != nil {
		return nil, fmt.Errorf("chattemplate: %w", err)
	}
	return &Template{body: body}, nil
}

// Render parses and renders a template for messages. vars supplies the
// other names templates use, such as bos_token, eos_token and
// add_generation_prompt; tools and documents are None unless given, as
// transformers passes them.
func Render(source string, messages []Message, vars map[string]any) (string, error) {
	t, err := Parse(source)
	if err != nil {
		return "", err
	}
	ctx := map[string]any{}
	for k, v := range vars {
		ctx[k] = v
	}
	ctx["messages"] = messages
	return t.Execute(ctx)
}

// Execute renders the template with the given top-level names. Values may
// be Go values (nil, bool, integers, floats, strings, slices, maps with
// string keys, Message) or values from ParseJSON.
func (t *Template) Execute(vars map[string]any) (string, error) {
	top := newScope(globalScope())
	for _, k := range []string{"tools", "documents"} {
		top.vars[k] = nil
	}
	for k, v := range vars {
		tv, err := fromGo(v)
		if err != nil {
			return "", fmt.Errorf("chattemplate: variable %q: %w", k, err)
		}
		top.vars[k] = tv
	}
	return t.execute(top)
}

// ExecuteJSON renders the template with the top-level names of a JSON
// object, keeping the order of object keys.
func (t *Template) ExecuteJSON(vars []byte) (string, error) {
	v, err := ParseJSON(vars)
	if err != nil {
		return "", err
	}
	d, ok := v.(*Dict)
	if !ok {
		return "", fmt.Errorf("chattemplate: the variables must be a JSON object, got %s", typeName(v))
	}
	top := newScope(globalScope())
	for _, k := range []string{"tools", "documents"} {
		top.vars[k] = nil
	}
	for _, k := range d.keys {
		top.vars[k] = d.m[k]
	}
	return t.execute(top)
}

// execute renders with a prepared scope.
func (t *Template) execute(s *scope) (string, error) {
	var out strings.Builder
	in := &interp{out: &out}
	if err := in.run(t.body, s); err != nil {
		if isLoopControl(err) {
			return "", fmt.Errorf("chattemplate: %w", errOutsideLoop)
		}
		return "", fmt.Errorf("chattemplate: %w", err)
	}
	return out.String(), nil
}

// ExceptionError is the error of raise_exception() in a template: the
// template refused its input, for example roles that do not alternate.
type ExceptionError struct{ Message string }

func (e *ExceptionError) Error() string { return "template raised: " + e.Message }
