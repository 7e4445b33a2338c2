package chattemplate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTemplate(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// The reference JavaScript engine has no reject filter, so Llama 3.1's
// built-in tools line is checked against the text Python's Jinja renders.
func TestLlama31BuiltinTools(t *testing.T) {
	got, err := Render(readTemplate(t, "llama3.1-instruct.jinja"), []Message{{Role: "user", Content: "Search for Go"}}, map[string]any{
		"bos_token": "<|begin_of_text|>", "add_generation_prompt": true, "date_string": "1 Dec 2026",
		"builtin_tools": []string{"brave_search", "code_interpreter", "wolfram_alpha"}, "tools_in_user_message": false,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\nTools: brave_search, wolfram_alpha\n\n" +
		"Cutting Knowledge Date: December 2023\nToday Date: 1 Dec 2026\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nSearch for Go<|eot_id|>" +
		"<|start_header_id|>assistant<|end_header_id|>\n\n"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestRenderMessages(t *testing.T) {
	got, err := Render(readTemplate(t, "qwen2-instruct.jinja"), []Message{
		{Role: "user", Content: "Hi"},
		{Role: "assistant", Content: "Hello"},
	}, map[string]any{"add_generation_prompt": true})
	if err != nil {
		t.Fatal(err)
	}
	want := "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>assistant\n"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestRaiseException(t *testing.T) {
	_, err := Render(readTemplate(t, "llama2-chat.jinja"), []Message{{Role: "assistant", Content: "first"}}, map[string]any{"bos_token": "<s>", "eos_token": "</s>"})
	var ex *ExceptionError
	if !errors.As(err, &ex) || !strings.Contains(ex.Message, "must alternate") {
		t.Fatalf("want the template's exception about alternating roles, got %v", err)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{% if x %}open", "not closed by {% endif %}"},
		{"{% for x in y %}", "not closed by {% endfor %}"},
		{"{{ x ", "not closed with }}"},
		{"{# comment", "comment is not closed"},
		{"{{ 'abc }}", "string literal is not closed"},
		{"{{ x | nosuchfilter }}", `unknown filter "nosuchfilter"`},
		{"{{ x is nosuchtest }}", `unknown test "nosuchtest"`},
		{"{% frobnicate %}", `unknown statement "frobnicate"`},
		{"{{ missing.attr }}", "'missing' is undefined, so it has no attribute \"attr\""},
		{"{{ 1 + 'a' }}", "unsupported operand types for +: int and str"},
		{"{{ nothing() }}", "nothing is undefined and cannot be called"},
		{"{% set x.y = 1 %}", "not a namespace"},
		{"line one\n{{ 1 // 0 }}", "line 2: division by zero"},
		{"{% endif %}", "unexpected {% endif %}"},
		{"{{ x $ y }}", "unexpected character '$'"},
		{"{% break %}", "break or continue outside a loop"},
		{"{% macro m() %}{% break %}{% endmacro %}{% for i in range(3) %}{{ i }}{{ m() }}{% endfor %}", "line 1: m: break or continue outside a loop"},
		{"{% macro m() %}{% continue %}{% endmacro %}{% for i in range(3) %}{{ m() }}{% endfor %}", "line 1: m: break or continue outside a loop"},
	} {
		_, err := Render(tc.src, nil, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: want an error containing %q, got %v", tc.src, tc.want, err)
		}
	}
}

func TestStrftimeNow(t *testing.T) {
	defer func(saved func() time.Time) { now = saved }(now)
	now = func() time.Time { return time.Date(2026, 12, 1, 21, 5, 9, 0, time.UTC) }
	got, err := Render(`{{ strftime_now("%d %b %Y, %A %H:%M:%S %I%p %j %%") }}`, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "01 Dec 2026, Tuesday 21:05:09 09PM 335 %"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestExpressions(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{{ [1, 2, 3][::-1] }}", "[3, 2, 1]"},
		{"{{ 'hello'[1:3] ~ 'hello'[-1] }}", "elo"},
		{"{{ none }} {{ true }} {{ 1.5 }} {{ 2.0 }}", "None True 1.5 2.0"},
		{"{{ '  x  '.strip() }}|{{ 'a,b,,c'.split(',') | length }}", "x|4"},
		{"{{ {'a': 1}.get('b', 'dflt') }}", "dflt"},
		{"{% for k, v in {'x': 1, 'y': 2} | items %}{{ k }}={{ v }};{% endfor %}", "x=1;y=2;"},
		{"{% for i in range(5) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "012"},
		{"{% for i in range(4) %}{% if i is odd %}{% continue %}{% endif %}{{ i }}{% endfor %}", "02"},
		{"{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('Bo') }} {{ greet('Al', punct='?') }}", "Hi Bo! Hi Al?"},
		{"{% set block %}in {{ 1 + 1 }}{% endset %}[{{ block }}]", "[in 2]"},
		{"{{ 'yes' if not x is defined else 'no' }}", "yes"},
		{"{{ [3, 1, 2] | sort | join('-') }} {{ 'ab' * 3 }}", "1-2-3 ababab"},
		{"  {%- if true -%}  x  {%- endif -%}  ", "x"},
		{"a\n  {% if true %}\nb\n  {% endif %}\nc", "a\nb\nc"},
	} {
		got, err := Render(tc.src, nil, nil)
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
}
