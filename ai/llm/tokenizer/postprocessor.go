package tokenizer

import (
	"encoding/json"
	"fmt"
)

// template is the single-sequence TemplateProcessing of a post_processor:
// the ids to put before and after the encoded text when special tokens are
// requested. Only templates of the form "specials $A specials" occur in the
// supported model families.
type template struct {
	before, after []int
}

// parsePostProcessor flattens the post_processor into a template. lookup
// resolves a special token's name when the file gives no ids for it.
func parsePostProcessor(raw json.RawMessage, field string, lookup func(string) (int, bool)) (*template, error) {
	if isNull(raw) {
		return nil, nil
	}
	var c componentJSON
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	switch c.Type {
	case "ByteLevel":
		// Only adjusts offsets, which this package does not report.
		return nil, nil
	case "Sequence":
		var out *template
		for i, member := range c.Processors {
			t, err := parsePostProcessor(member, fmt.Sprintf("%s.processors[%d]", field, i), lookup)
			if err != nil {
				return nil, err
			}
			if t != nil {
				if out != nil {
					return nil, fmt.Errorf("%s.processors[%d]: more than one TemplateProcessing", field, i)
				}
				out = t
			}
		}
		return out, nil
	case "TemplateProcessing":
		t := &template{}
		seenA := false
		for i, piece := range c.Single {
			switch {
			case piece.Sequence != nil:
				if piece.Sequence.ID != "A" || seenA {
					return nil, fmt.Errorf("%s.single[%d]: only one sequence $A is supported, got %q", field, i, piece.Sequence.ID)
				}
				seenA = true
			case piece.SpecialToken != nil:
				name := piece.SpecialToken.ID
				var ids []int
				if st, ok := c.SpecialTokens[name]; ok && len(st.IDs) > 0 {
					ids = st.IDs
				} else if id, ok := lookup(name); ok {
					ids = []int{id}
				} else {
					return nil, fmt.Errorf("%s.single[%d]: special token %q has no id in special_tokens and is not in the vocabulary", field, i, name)
				}
				if seenA {
					t.after = append(t.after, ids...)
				} else {
					t.before = append(t.before, ids...)
				}
			default:
				return nil, fmt.Errorf("%s.single[%d]: want a SpecialToken or a Sequence", field, i)
			}
		}
		if !seenA {
			return nil, fmt.Errorf("%s.single: the template has no $A sequence", field)
		}
		return t, nil
	default:
		return nil, fmt.Errorf("%s.type: post-processor %q is not supported", field, c.Type)
	}
}
