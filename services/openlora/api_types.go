package openlora

import "encoding/json"

// The request and response bodies of OpenAI's API, as far as the node
// serves them. Unknown request fields are ignored, as OpenAI's servers
// ignore them, so clients that send newer fields keep working.

// ChatMessage is one message of a conversation.
type ChatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// UnmarshalJSON accepts content as a string or as OpenAI's list of content
// parts, of which only text parts are understood.
func (m *ChatMessage) UnmarshalJSON(b []byte) error {
	var raw struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	m.Role = raw.Role
	if len(raw.Content) == 0 || string(raw.Content) == "null" {
		return nil
	}
	if raw.Content[0] == '"' {
		return json.Unmarshal(raw.Content, &m.Content)
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw.Content, &parts); err != nil {
		return err
	}
	for _, p := range parts {
		if p.Type != "text" {
			return &unsupportedContentError{Type: p.Type}
		}
		m.Content += p.Text
	}
	return nil
}

type unsupportedContentError struct{ Type string }

func (e *unsupportedContentError) Error() string {
	return "content part of type " + e.Type + " is not supported; only text"
}

// StopList is OpenAI's stop parameter: a string or a list of strings.
type StopList []string

// UnmarshalJSON accepts a string, a list or null.
func (s *StopList) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = nil
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*s = StopList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*s = many
	return nil
}

// StreamOptions are the stream_options of a request.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// samplingParams are the generation parameters chat and text completions
// share.
type samplingParams struct {
	Model               string         `json:"model"`
	MaxTokens           *int           `json:"max_tokens"`
	MaxCompletionTokens *int           `json:"max_completion_tokens"`
	Temperature         *float64       `json:"temperature"`
	TopP                *float64       `json:"top_p"`
	Seed                *int64         `json:"seed"`
	Stop                StopList       `json:"stop"`
	N                   *int           `json:"n"`
	Stream              bool           `json:"stream"`
	StreamOptions       *StreamOptions `json:"stream_options"`
	User                string         `json:"user"`
}

// ChatCompletionRequest is the body of POST /v1/chat/completions.
type ChatCompletionRequest struct {
	samplingParams
	Messages    []ChatMessage `json:"messages"`
	Logprobs    bool          `json:"logprobs"`
	TopLogprobs *int          `json:"top_logprobs"`
}

// CompletionRequest is the body of POST /v1/completions. Prompt is a string
// (OpenAI also allows lists and token arrays; a single string is served).
type CompletionRequest struct {
	samplingParams
	Prompt   json.RawMessage `json:"prompt"`
	Logprobs *int            `json:"logprobs"`
	Echo     bool            `json:"echo"`
}

// Usage counts a request's tokens.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// ChatCompletion is the answer of a non-streaming chat completion.
type ChatCompletion struct {
	ID      string       `json:"id"`
	Object  string       `json:"object"`
	Created int64        `json:"created"`
	Model   string       `json:"model"`
	Choices []ChatChoice `json:"choices"`
	Usage   *Usage       `json:"usage,omitempty"`
	// Receipt is OpenLedger's extension: the signed receipt of the answer.
	Receipt *SignedReceipt `json:"openledger_receipt,omitempty"`
}

// ChatChoice is one answer of a chat completion.
type ChatChoice struct {
	Index        int           `json:"index"`
	Message      *ChatMessage  `json:"message,omitempty"`
	Delta        *ChatDelta    `json:"delta,omitempty"`
	Logprobs     *ChatLogprobs `json:"logprobs"`
	FinishReason *string       `json:"finish_reason"`
}

// ChatDelta is what one streamed chunk adds to the message.
type ChatDelta struct {
	Role    string `json:"role,omitempty"`
	Content string `json:"content,omitempty"`
}

// ChatLogprobs are a chat choice's token log-probabilities.
type ChatLogprobs struct {
	Content []ChatTokenLogprob `json:"content"`
}

// ChatTokenLogprob is one output token's log-probability, in OpenAI's
// chat shape.
type ChatTokenLogprob struct {
	Token       string            `json:"token"`
	Logprob     float64           `json:"logprob"`
	Bytes       []int             `json:"bytes"`
	TopLogprobs []ChatTopLogprobs `json:"top_logprobs"`
}

// ChatTopLogprobs is one alternative token.
type ChatTopLogprobs struct {
	Token   string  `json:"token"`
	Logprob float64 `json:"logprob"`
	Bytes   []int   `json:"bytes"`
}

// TextCompletion is the answer of a text completion (and each streamed
// chunk of one).
type TextCompletion struct {
	ID      string         `json:"id"`
	Object  string         `json:"object"`
	Created int64          `json:"created"`
	Model   string         `json:"model"`
	Choices []TextChoice   `json:"choices"`
	Usage   *Usage         `json:"usage,omitempty"`
	Receipt *SignedReceipt `json:"openledger_receipt,omitempty"`
}

// TextChoice is one answer of a text completion.
type TextChoice struct {
	Index        int           `json:"index"`
	Text         string        `json:"text"`
	Logprobs     *TextLogprobs `json:"logprobs"`
	FinishReason *string       `json:"finish_reason"`
}

// TextLogprobs are the legacy completions' log-probabilities.
type TextLogprobs struct {
	Tokens        []string             `json:"tokens"`
	TokenLogprobs []float64            `json:"token_logprobs"`
	TopLogprobs   []map[string]float64 `json:"top_logprobs"`
	TextOffset    []int                `json:"text_offset"`
}

// ModelObject is one entry of GET /v1/models.
type ModelObject struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
	// OpenLedger's extension: the on-chain record behind the id.
	Name         string `json:"name,omitempty"`
	Kind         string `json:"kind,omitempty"`
	ArtifactHash string `json:"artifact_sha256,omitempty"`
	PricePerCall string `json:"price_per_call,omitempty"`
	PricePer1K   string `json:"price_per_1k_tokens,omitempty"`
}

// ModelList is the answer of GET /v1/models.
type ModelList struct {
	Object string        `json:"object"`
	Data   []ModelObject `json:"data"`
}
