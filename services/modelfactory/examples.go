package modelfactory

import (
	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/services/openlora"
)

// examples tokenizes rows as the serving node will see them: a
// prompt_response row is the user turn rendered by the base model's chat
// template with the generation prompt, followed by the rest of the
// conversation as the template renders the assistant's answer (so the
// model learns to end its turn the way serving stops it); a text row is
// the text with the tokenizer's special tokens and an end-of-text token.
// A row longer than maxLen tokens is refused, naming it.
func examples(base *openlora.Embedded, rows []Row, format string, maxLen int) ([]train.Example, error) {
	tok := base.Tokenizer()
	out := make([]train.Example, 0, len(rows))
	for _, r := range rows {
		var ex train.Example
		if format == FormatText {
			ids := tok.Encode(r.Text, true)
			if eos, ok := tok.EOSID(); ok {
				ids = append(ids, eos)
			}
			mask := make([]bool, len(ids))
			for i := range mask {
				mask[i] = i > 0
			}
			ex = train.Example{Tokens: ids, Mask: mask}
		} else {
			var err error
			ex, err = base.ChatExample([]openlora.ChatMessage{{Role: "user", Content: r.Prompt}}, r.Response)
			if err != nil {
				return nil, badRequest("chat_template", "base_model_id", "the base model's chat template: %v", err)
			}
		}
		if len(ex.Tokens) > maxLen {
			return nil, badRequest("row_too_long", "hyperparameters.max_seq_length",
				"%s is %d tokens, longer than max_seq_length %d: raise max_seq_length or shorten the row", r.where(), len(ex.Tokens), maxLen)
		}
		if len(ex.Tokens) < 2 {
			return nil, badRequest("row_too_short", "mapping", "%s is shorter than two tokens", r.where())
		}
		out = append(out, ex)
	}
	return out, nil
}
