package chattemplate_test

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/chattemplate"
)

func ExampleRender() {
	// Qwen2-Instruct's chat template.
	const qwen2 = `{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}` +
		`{{ '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n' }}{% endif %}` +
		`{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}` +
		`{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}`
	prompt, err := chattemplate.Render(qwen2, []chattemplate.Message{{Role: "user", Content: "Hi!"}},
		map[string]any{"add_generation_prompt": true})
	if err != nil {
		panic(err)
	}
	fmt.Print(prompt)
	// Output:
	// <|im_start|>system
	// You are a helpful assistant.<|im_end|>
	// <|im_start|>user
	// Hi!<|im_end|>
	// <|im_start|>assistant
}
