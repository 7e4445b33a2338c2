package tokenizer_test

import (
	"fmt"

	"github.com/openledger/openledger/ai/llm/tokenizer"
)

func Example() {
	texts := []string{"the ledger records the tokens", "the adapter learns the ledger", "tokens, tokens and more tokens"}
	data, err := tokenizer.TrainByteLevelBPE(texts, 300, []string{"<|endoftext|>"})
	if err != nil {
		panic(err)
	}
	tok, err := tokenizer.New(data, nil)
	if err != nil {
		panic(err)
	}
	ids := tok.Encode("the ledger<|endoftext|>", false)
	fmt.Println(len(ids), tok.Decode(ids, false), "|", tok.Decode(ids, true))

	stream := tok.NewStreamDecoder(true)
	for _, id := range tok.Encode("tokens: ✓", false) {
		fmt.Printf("%q ", stream.Next(id))
	}
	fmt.Printf("%q\n", stream.Flush())
	// Output:
	// 3 the ledger<|endoftext|> | the ledger
	// "tokens" ":" " " "" "" "✓" ""
}
