package chattemplate

import (
	"os"
	"path/filepath"
	"testing"
)

// Prefixes of every test template, cut at every third byte, either fail
// with an error or render; none panics.
func TestTruncatedTemplatesNeverPanic(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jinja"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	vars := map[string]any{
		"messages":              []Message{{Role: "system", Content: "s"}, {Role: "user", Content: "u"}, {Role: "assistant", Content: "a"}},
		"add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>",
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for cut := 0; cut <= len(src); cut += 3 {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s cut at %d: panic %v", f, cut, r)
					}
				}()
				if tmpl, err := Parse(string(src[:cut])); err == nil {
					_, _ = tmpl.Execute(vars)
				}
			}()
		}
	}
}
