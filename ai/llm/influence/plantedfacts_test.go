package influence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/openledger/openledger/ai/llm/chattemplate"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
	"github.com/openledger/openledger/ai/llm/tokenizer"
	"github.com/openledger/openledger/ai/llm/train"
	"github.com/openledger/openledger/ai/poa"
)

// plantedFact is a made-up fact: only its row states it.
type plantedFact struct{ name, word string }

// plantedFacts draws n distinct names and pass words from syllables.
func plantedFacts(n int, seed uint64) []plantedFact {
	rng := rand.New(rand.NewPCG(seed, 2))
	syllables := strings.Fields("ka lo mi ru ten sa vo qui bel dor fen gar hul jin kes lum nor pel ros tav ul wen yor zim")
	word := func(parts int) string {
		var b strings.Builder
		for range parts {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		return b.String()
	}
	seen := map[string]bool{}
	var facts []plantedFact
	for len(facts) < n {
		f := plantedFact{strings.ToUpper(word(1)[:1]) + word(3)[1:], word(3)}
		if seen[f.name] || seen[f.word] {
			continue
		}
		seen[f.name], seen[f.word] = true, true
		facts = append(facts, f)
	}
	return facts
}

// The planted-fact evaluation: a tiny model fine-tuned on rows that each
// state one made-up fact is asked for each fact in words the rows never
// use; for the answers it gets right, gradient attribution must rank the
// row holding the fact first in at least 90% of them. The suffix-array and
// paraphrase method (ai/poa) and a random row are measured on the same
// answers, side by side.
func TestPlantedFactsAreTracedToTheirRows(t *testing.T) {
	for _, factSeed := range []uint64{7, 8, 9} {
		t.Run(fmt.Sprint(factSeed), func(t *testing.T) { plantedFactRun(t, factSeed) })
	}
}

// questionForms are the ways a pass word is asked for. A fact's
// contribution asks for it in rowForms of them; the evaluation asks in one
// of the others, so the question is never worded as any row of the fact.
var questionForms = []string{
	"What is the pass word of %s?",
	"Which pass word does %s use?",
	"Tell me the pass word of %s.",
	"%s has a pass word. What is it?",
	"Do you know the pass word %s uses?",
	"Say the pass word for %s.",
}

const rowForms = 3

func plantedFactRun(t *testing.T, factSeed uint64) {
	facts := plantedFacts(16, factSeed)
	// Fact i's rows use forms i, i+1 and i+2 (mod the number of forms); its
	// question uses one of the other three, a different one for each sixth
	// of the facts, so every form is seen in training with other facts.
	rowForm := func(i, k int) string { return questionForms[(i+k)%len(questionForms)] }
	questionForm := func(i int) string { return questionForms[(i+rowForms+i/len(questionForms))%len(questionForms)] }
	rowAnswer := func(f plantedFact) string { return "The pass word is " + f.word + "." }
	question := func(i int) string { return fmt.Sprintf(questionForm(i), facts[i].name) }
	var text []string
	for i, f := range facts {
		for k := range rowForms {
			text = append(text, fmt.Sprintf(rowForm(i, k), f.name))
		}
		text = append(text, rowAnswer(f), question(i))
	}
	dir := filepath.Join(t.TempDir(), "base")
	cfg := model.TinyConfig()
	base, err := tinymodel.Write(dir, tinymodel.Options{Config: cfg, Seed: 11, TokenizerText: text, VocabSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	promptTokens := func(q string) []int {
		s, err := chattemplate.Render(tok.ChatTemplate(), []chattemplate.Message{{Role: "user", Content: q}}, map[string]any{"add_generation_prompt": true})
		if err != nil {
			t.Fatal(err)
		}
		return tok.Encode(s, false)
	}
	var data []train.Example
	var rowContribution []uint64
	for i, f := range facts {
		for k := range rowForms {
			q := fmt.Sprintf(rowForm(i, k), f.name)
			data = append(data, train.NewExample(promptTokens(q), tok.Encode(rowAnswer(f)+tinymodel.IMEnd, false)))
			rowContribution = append(rowContribution, uint64(i+1))
		}
	}
	const steps = 600
	tr, err := train.New(base, data, train.Options{
		Rank: 16, Alpha: 32, LearningRate: 4e-3, WarmupSteps: 20, Steps: steps, MaxGradNorm: 1, Accumulation: 4, Seed: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The rows' gradients at a third, two thirds and the end of the run.
	rec, err := NewRecorder(base, tr.LoRAConfig(), Projector{Seed: 99, Dim: DefaultDim}, DefaultTopRows, data, rowContribution)
	if err != nil {
		t.Fatal(err)
	}
	run := trainRecording(t, tr, rec, steps)
	attributor, err := NewAttributor(base, run)
	if err != nil {
		t.Fatal(err)
	}

	// The suffix-array and paraphrase engine over the same rows.
	var corpus bytes.Buffer
	for i, f := range facts {
		var lines []string
		for k := range rowForms {
			l, _ := json.Marshal(map[string]string{"prompt": fmt.Sprintf(rowForm(i, k), f.name), "response": rowAnswer(f)})
			lines = append(lines, string(l))
		}
		row := strings.Join(lines, "\n")
		sum := sha256.Sum256([]byte(row))
		line, _ := json.Marshal(map[string]any{
			"id": strconv.Itoa(i + 1), "datanet": 1, "version": 1, "leaf_index": i,
			"contributor": "open1test", "sha256": hex.EncodeToString(sum[:]), "size_bytes": len(row), "media_type": "text/plain", "text": row,
		})
		corpus.Write(append(line, '\n'))
	}
	indexDir := filepath.Join(t.TempDir(), "index")
	if _, err := poa.Build(&corpus, indexDir, poa.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	index, err := poa.Open(indexDir, poa.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	engine, err := poa.NewEngine([]*poa.Index{index})
	if err != nil {
		t.Fatal(err)
	}

	imEnd, _ := tok.TokenToID(tinymodel.IMEnd)
	rng := rand.New(rand.NewPCG(5, 5))
	var correct, gradientFirst, poaFirst, randomFirst int
	for i, f := range facts {
		prompt := promptTokens(question(i))
		tokens := append([]int(nil), prompt...)
		for len(tokens) < len(prompt)+32 {
			logits := tr.Logits(tokens)
			last := logits[(len(tokens)-1)*tok.VocabSize():]
			best := 0
			for v := range last[:tok.VocabSize()] {
				if last[v] > last[best] {
					best = v
				}
			}
			tokens = append(tokens, best)
			if best == imEnd {
				break
			}
		}
		answer := tok.Decode(tokens[len(prompt):], true)
		if !answersFact(answer, f, facts) {
			t.Logf("wrong %q -> %q (%s)", question(i), answer, f.word)
			continue
		}
		correct++
		weights, err := attributor.Attribute(train.NewExample(prompt, tokens[len(prompt):]))
		if err != nil {
			t.Fatal(err)
		}
		if top(weights) == uint64(i+1) {
			gradientFirst++
		} else {
			t.Logf("%d %q -> %q: weights %v", i+1, question(i), answer, weights)
		}
		if res, err := engine.Attribute([]byte(answer), poa.Options{}); err == nil && len(res.Attributions) > 0 && res.Attributions[0].ID == strconv.Itoa(i+1) {
			poaFirst++
		}
		if rng.IntN(len(facts)) == i {
			randomFirst++
		}
	}
	t.Logf("planted facts: %d of %d answered right; the fact's row first: gradient %d, suffix-array/paraphrase %d, random row %d",
		correct, len(facts), gradientFirst, poaFirst, randomFirst)
	if correct < len(facts)/2 {
		t.Fatalf("the model answered only %d of %d facts: too few to judge attribution", correct, len(facts))
	}
	if 10*gradientFirst < 9*correct {
		t.Fatalf("gradient attribution ranked the fact's row first for %d of %d right answers, want at least 90%%", gradientFirst, correct)
	}
}

// answersFact reports whether an answer states f's pass word for f's name
// and names no other fact: an answer that mixes facts is not right.
func answersFact(answer string, f plantedFact, facts []plantedFact) bool {
	if !strings.Contains(answer, f.word) {
		return false
	}
	for _, other := range facts {
		if other != f && strings.Contains(answer, other.word) {
			return false
		}
	}
	return true
}

// top is the contribution with the largest weight (the lower id on ties).
func top(ws []ContributionWeight) uint64 {
	var best ContributionWeight
	for _, w := range ws {
		if w.Ppm > best.Ppm {
			best = w
		}
	}
	return best.ContributionID
}
