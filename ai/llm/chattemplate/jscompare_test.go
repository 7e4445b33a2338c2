package chattemplate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/internal/jscheck"
)

// modelTemplates names the chat templates under testdata and the special
// tokens their models pass as bos_token and eos_token.
var modelTemplates = map[string][2]string{
	"smollm2-instruct.jinja":  {"<|im_start|>", "<|im_end|>"},
	"llama3-instruct.jinja":   {"<|begin_of_text|>", "<|eot_id|>"},
	"llama3.1-instruct.jinja": {"<|begin_of_text|>", "<|eot_id|>"},
	"qwen2-instruct.jinja":    {"", "<|im_end|>"},
	"qwen2.5-instruct.jinja":  {"", "<|im_end|>"},
	"tinyllama-chat.jinja":    {"<s>", "</s>"},
	"llama2-chat.jinja":       {"<s>", "</s>"},
	"features.jinja":          {"<s>", "</s>"},
}

type msg map[string]any

func user(s string) msg      { return msg{"role": "user", "content": s} }
func assistant(s string) msg { return msg{"role": "assistant", "content": s} }
func system(s string) msg    { return msg{"role": "system", "content": s} }

// conversations are the message lists every template renders.
var conversations = [][]msg{
	{user("Hello!")},
	{system("You are a terse assistant."), user("What is 2+2?")},
	{system("  Be kind.\n"), user("Hi"), assistant("Hello! How can I help?"), user("Tell me a joke about ledgers?")},
	{user("First question"), assistant("First answer"), user("Second question"), assistant("Second answer")},
	{user("  Spaces around, tabs\tand\nnewlines, ünïcödé 👋 and \"quotes\" {{ not a tag }} ")},
	{system("Only a system message")},
	{user("a"), user("b")},
}

// toolConversations use tools and tool calls, for the templates that
// support them.
func toolConversations() []map[string]any {
	weather := json.RawMessage(`{"type": "function", "function": {"name": "get_weather", "description": "Current weather", "parameters": {"type": "object", "properties": {"city": {"type": "string", "description": "City name"}, "unit": {"type": "string", "enum": ["c", "f"]}}, "required": ["city"]}}}`)
	call := msg{"role": "assistant", "content": "", "tool_calls": []any{json.RawMessage(`{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris", "unit": "c"}}}`)}}
	tool := msg{"role": "tool", "content": "{\"temperature\": 21}"}
	return []map[string]any{
		{"messages": []msg{user("Weather in Paris?")}, "tools": []any{weather}},
		{"messages": []msg{system("Use tools."), user("Weather in Paris?"), call, tool, tool}, "tools": []any{weather}},
		{"messages": []msg{user("Weather in Paris?"), call, tool, assistant("It is 21 degrees.")}},
	}
}

type renderCase struct {
	name     string
	template string
	context  json.RawMessage
}

func buildCases(t *testing.T) []renderCase {
	names := make([]string, 0, len(modelTemplates))
	for n := range modelTemplates {
		names = append(names, n)
	}
	sort.Strings(names)
	var cases []renderCase
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		tokens := modelTemplates[name]
		add := func(label string, ctx map[string]any) {
			ctx["bos_token"], ctx["eos_token"] = tokens[0], tokens[1]
			if _, ok := ctx["tools"]; !ok {
				ctx["tools"] = nil
			}
			data, err := json.Marshal(ctx)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, renderCase{name: name + "/" + label, template: string(src), context: data})
		}
		for i, conv := range conversations {
			for _, gen := range []bool{false, true} {
				add(fmt.Sprintf("conversation%d/generation=%v", i, gen), map[string]any{"messages": conv, "add_generation_prompt": gen})
			}
		}
		if strings.HasPrefix(name, "llama3.1") || strings.HasPrefix(name, "qwen2.5") {
			for i, ctx := range toolConversations() {
				ctx["add_generation_prompt"] = true
				add(fmt.Sprintf("tools%d", i), ctx)
			}
		}
	}
	return cases
}

// TestMatchesHuggingFaceJinja renders every model template over every
// conversation with this package and with npm's @huggingface/jinja and
// requires identical text, or an error on both sides.
func TestMatchesHuggingFaceJinja(t *testing.T) {
	jscheck.Install(t)
	cases := buildCases(t)
	type jsCase struct {
		Template string          `json:"template"`
		Context  json.RawMessage `json:"context"`
	}
	req := struct {
		Cases []jsCase `json:"cases"`
	}{}
	for _, c := range cases {
		req.Cases = append(req.Cases, jsCase{c.template, c.context})
	}
	var resp struct {
		Results []struct {
			Output *string `json:"output"`
			Error  *string `json:"error"`
		} `json:"results"`
	}
	jscheck.Run(t, "render.mjs", req, &resp)
	if len(resp.Results) != len(cases) {
		t.Fatalf("reference answered %d renderings for %d", len(resp.Results), len(cases))
	}
	rendered, refused := 0, 0
	for i, c := range cases {
		tmpl, err := Parse(c.template)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := tmpl.ExecuteJSON(c.context)
		js := resp.Results[i]
		switch {
		case js.Error != nil && err != nil:
			refused++
		case js.Error != nil:
			t.Errorf("%s: reference failed with %q, Go rendered %q", c.name, *js.Error, got)
		case err != nil:
			t.Errorf("%s: Go failed with %v, reference rendered %q", c.name, err, *js.Output)
		case got != *js.Output:
			t.Errorf("%s:\n go %q\n js %q", c.name, got, *js.Output)
		default:
			rendered++
		}
	}
	t.Logf("%d renderings identical to @huggingface/jinja, %d refused by both, over %d templates", rendered, refused, len(modelTemplates))
}
