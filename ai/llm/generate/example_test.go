package generate_test

import (
	"context"
	"fmt"

	"github.com/openledger/openledger/ai/llm/generate"
	"github.com/openledger/openledger/ai/llm/model"
)

// A server loads a model (model.Load on a Hugging Face folder; here a small
// random one), starts an engine and streams each request's tokens.
func Example() {
	m, err := model.NewRandom(model.TinyConfig(), 1)
	if err != nil {
		panic(err)
	}
	e := generate.NewEngine(m, generate.Options{MaxBatch: 8, DefaultStopTokens: m.Config.EOSTokenIDs})
	defer e.Close()

	h, err := e.Submit(context.Background(), generate.Request{
		Prompt:     []int{1, 17, 42, 5},
		MaxTokens:  6,
		Sampling:   generate.Sampling{Temperature: 0.7, TopP: 0.9, Seed: 7},
		StopTokens: []int{}, // run to MaxTokens in this example
	})
	if err != nil {
		panic(err)
	}
	n := 0
	for range h.Tokens { // tokens arrive as they are sampled
		n++
	}
	res := h.Wait()
	fmt.Println(n, len(res.Tokens), res.Reason)
	// Output: 6 6 length
}
