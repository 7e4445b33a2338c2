package demo_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/services/openlora"
	"github.com/openledger/openledger/services/openlora/demo"
)

// TestDemoAdapterAnswersFromTheDatanet: with the adapter, each demo
// question is answered with its contribution; the base model does not.
func TestDemoAdapterAnswersFromTheDatanet(t *testing.T) {
	dir := t.TempDir()
	var last train.Progress
	if err := demo.Write(dir, func(p train.Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	t.Logf("final training loss %.4f after %d steps", last.Loss, last.Step)
	backend, err := openlora.NewEmbedded(filepath.Join(dir, demo.BaseDir), openlora.EmbeddedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer backend.Close()
	adapter, err := backend.LoadAdapter(context.Background(), "demo", filepath.Join(dir, demo.AdapterDir))
	if err != nil {
		t.Fatal(err)
	}
	zero := 0.0
	for _, e := range demo.Entries {
		ask := func(a openlora.LoadedAdapter) string {
			g, err := backend.Generate(context.Background(), &openlora.GenerateRequest{
				Adapter: a, Messages: []openlora.ChatMessage{{Role: "user", Content: e.Question}}, MaxTokens: 80, Temperature: &zero,
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return g.Text
		}
		if got := ask(adapter); got != e.Contribution {
			t.Errorf("adapter answers %q to %q", got, e.Question)
		}
		if got := ask(nil); got == e.Contribution {
			t.Errorf("the base model already knows %q", e.Contribution)
		}
	}
}
