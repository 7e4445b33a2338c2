package generate

import "github.com/openledger/openledger/ai/llm/hf"

// FromGenerationConfig returns the engine options and default sampling a
// model's generation_config.json asks for: eos_token_id as the stop tokens,
// max_new_tokens as the default length, and do_sample's temperature, top_k,
// top_p and repetition_penalty (greedy when do_sample is false).
func FromGenerationConfig(gc *hf.GenerationConfig) (Options, Sampling) {
	opts := Options{DefaultStopTokens: append([]int(nil), gc.EOSTokenID...), DefaultMaxTokens: gc.MaxNewTokens}
	s := Sampling{RepetitionPenalty: float32(gc.RepetitionPenalty)}
	if gc.DoSample {
		s.Temperature = float32(gc.Temperature)
		if gc.Temperature == 0 {
			s.Temperature = 1 // transformers' default when do_sample is set
		}
		s.TopK, s.TopP = gc.TopK, float32(gc.TopP)
	}
	return opts, s
}
