package openlora

import (
	"errors"
	"strings"

	"github.com/openledger/openledger/ai/llm/train"
)

// ErrTemplateSplit is returned when the chat template does not render a
// conversation as its prompt followed by the answer, so the answer's
// tokens cannot be told apart from the prompt's.
var ErrTemplateSplit = errors.New("chat template: a conversation does not render as its prompt followed by the answer, so the answer's tokens cannot be told apart")

// ChatExample is a conversation and the assistant's answer to it as the
// trainer sees a row: the conversation rendered by the chat template with
// the generation prompt, then the rest of the rendered conversation with
// the answer appended (which ends the turn the way serving stops it), the
// answer's tokens masked in. Training rows, and the answers gradient
// attribution scores against them, are built by this one function.
func (b *Embedded) ChatExample(conversation []ChatMessage, answer string) (train.Example, error) {
	prompt, err := b.RenderChat(conversation, true)
	if err != nil {
		return train.Example{}, err
	}
	whole, err := b.RenderChat(append(conversation[:len(conversation):len(conversation)], ChatMessage{Role: "assistant", Content: answer}), false)
	if err != nil {
		return train.Example{}, err
	}
	rest, ok := strings.CutPrefix(whole, prompt)
	if !ok {
		return train.Example{}, ErrTemplateSplit
	}
	return train.NewExample(b.tok.Encode(prompt, false), b.tok.Encode(rest, false)), nil
}
