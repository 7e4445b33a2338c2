package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/services/openlora"
)

// ReceiptCost is what an answer's receipt costs, by part.
type ReceiptCost struct {
	Contributions           int
	Attribute, Sign, Commit time.Duration // medians
	Total                   time.Duration
}

// words is the vocabulary of the generated corpus.
var words = strings.Fields("rotate the storage keys every ninety days keep previous key readable for one extra week so that delayed jobs " +
	"can still decrypt their inputs when a replica lags more than thirty seconds behind primary stop routing reads to it until " +
	"replication stream has caught up again cold caches make first request after deploy slow warm hot paths with scripted replay " +
	"of yesterday busiest hundred queries backups restore verify checksum nightly rollout canary alert page owner runbook")

// Receipts indexes n generated contributions of about 60 words with the
// PoA engine, then for answers that each reuse a passage of one of them
// measures the receipt path the node runs per answer: attribution, the
// receipt signature and the synced store write.
func Receipts(dir string, n, answers int) (ReceiptCost, error) {
	rng := rand.New(rand.NewPCG(11, 12))
	sentence := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(w, " ")
	}
	texts := make([]string, n)
	var jsonl bytes.Buffer
	for i := range texts {
		texts[i] = sentence(60)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i + 1), "text": texts[i]})
		jsonl.Write(append(line, '\n'))
	}
	indexDir := filepath.Join(dir, "index")
	if _, err := poa.Build(&jsonl, indexDir, poa.BuildOptions{}); err != nil {
		return ReceiptCost{}, err
	}
	ix, err := poa.Open(indexDir, poa.OpenOptions{})
	if err != nil {
		return ReceiptCost{}, err
	}
	defer ix.Close()
	engine, err := poa.NewEngine([]*poa.Index{ix})
	if err != nil {
		return ReceiptCost{}, err
	}
	store, err := openlora.OpenStore(filepath.Join(dir, "store"))
	if err != nil {
		return ReceiptCost{}, err
	}
	defer store.Close()
	key, err := ethsecp256k1.GenerateKey()
	if err != nil {
		return ReceiptCost{}, err
	}
	var attr, sign, commit, total []time.Duration
	for i := range answers {
		src := strings.Fields(texts[rng.IntN(n)])
		answer := "In short: " + strings.Join(src[10:35], " ") + " and " + sentence(10)
		start := time.Now()
		res, err := engine.Attribute([]byte(answer), poa.Options{})
		if err != nil {
			return ReceiptCost{}, err
		}
		t1 := time.Now()
		r := openlora.Receipt{Version: openlora.ReceiptVersion, ID: fmt.Sprintf("bench-%d", i), User: "open1bench", Fee: "1", Method: poa.Method}
		for _, a := range res.Attributions {
			id, err := strconv.ParseUint(a.ID, 10, 64)
			if err != nil {
				return ReceiptCost{}, err
			}
			r.Weights = append(r.Weights, openlora.ReceiptWeight{ContributionID: id, Ppm: uint32(a.WeightPPM)})
		}
		signed, err := openlora.SignReceipt(key, r)
		if err != nil {
			return ReceiptCost{}, err
		}
		t2 := time.Now()
		if _, err := store.CommitReceipt(r.User, answer, func(uint64, *openlora.ChannelState) (*openlora.SignedReceipt, error) { return signed, nil }); err != nil {
			return ReceiptCost{}, err
		}
		t3 := time.Now()
		attr, sign, commit, total = append(attr, t1.Sub(start)), append(sign, t2.Sub(t1)), append(commit, t3.Sub(t2)), append(total, t3.Sub(start))
	}
	for _, d := range [][]time.Duration{attr, sign, commit, total} {
		slices.Sort(d)
	}
	return ReceiptCost{Contributions: n, Attribute: percentile(attr, 50), Sign: percentile(sign, 50), Commit: percentile(commit, 50), Total: percentile(total, 50)}, nil
}
