package train_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
	"github.com/openledger/openledger/ai/llm/train"
)

// Fine-tune an adapter on two prompt/response pairs, report progress, and
// write it as a PEFT folder that package lora (and PEFT) loads.
func Example() {
	dir, _ := os.MkdirTemp("", "train-example")
	defer os.RemoveAll(dir)
	pairs := [][2]string{{"Capital of France?", "Paris."}, {"Two plus two?", "Four."}}
	var text []string
	for _, p := range pairs {
		text = append(text, p[0], p[1])
	}
	base, err := tinymodel.Write(filepath.Join(dir, "base"), tinymodel.Options{Seed: 1, TokenizerText: text, VocabSize: 300})
	if err != nil {
		panic(err)
	}
	tok, err := tokenizer.Load(filepath.Join(dir, "base"))
	if err != nil {
		panic(err)
	}
	var data []train.Example
	for _, p := range pairs {
		data = append(data, train.NewExample(tok.Encode(p[0]+"\n", false), tok.Encode(p[1], false)))
	}
	var first, last float64
	tr, err := train.New(base, data, train.Options{
		Rank: 8, Alpha: 16, LearningRate: 1e-2, WarmupSteps: 2, Steps: 30, MaxGradNorm: 1, Seed: 7,
		Progress: func(p train.Progress) {
			if p.Step == 1 {
				first = p.Loss
			}
			last = p.Loss
		},
	})
	if err != nil {
		panic(err)
	}
	if err := tr.Run(context.Background()); err != nil {
		panic(err)
	}
	out := filepath.Join(dir, "adapter")
	if err := tr.SaveAdapter(out); err != nil {
		panic(err)
	}
	a, err := lora.Load(out, &base.Config)
	if err != nil {
		panic(err)
	}
	fmt.Println("loss fell tenfold:", last < first/10)
	fmt.Println("q_proj adapted:", a.LowRank(0, model.Q) != nil)
	// Output:
	// loss fell tenfold: true
	// q_proj adapted: true
}
