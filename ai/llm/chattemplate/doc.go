// Package chattemplate renders the Jinja chat templates that Hugging Face
// models ship in tokenizer_config.json, turning a list of messages into the
// prompt text the model was trained on.
//
// It implements the subset of Jinja2 those templates use: output, if /
// elif / else, for loops (with loop.index0, loop.first, loop.last, …, an
// "if" filter and an else block), set (including namespace() attributes),
// break / continue, comments, whitespace control with "-", and the
// expression language with Python semantics: arithmetic, comparisons, and /
// or / not, "in", "is" tests, "~" concatenation, subscripts and slices,
// conditional expressions, list and dict literals, filters (trim, length,
// tojson, default, upper, lower, join, map, select, items, …) and string
// and dict methods (strip, startswith, split, items, get, …). Templates are
// lexed as transformers compiles them, with trim_blocks and lstrip_blocks.
//
// Values are Python-like: None, booleans, int, float, str, lists, ordered
// dicts and an undefined value for missing names, keys and attributes.
//
// A model's prompt comes from its tokenizer's template and special tokens:
//
//	prompt, err := chattemplate.Render(tok.ChatTemplate(), messages, map[string]any{
//		"bos_token": tok.BOSToken(), "eos_token": tok.EOSToken(), "add_generation_prompt": true,
//	})
//	ids := tok.Encode(prompt, false) // the template already wrote any BOS
package chattemplate
