// Command genlexicon writes the lexicon the paraphrase signal uses
// (internal/textnorm/lexicon.txt.gz) from WordNet 3.0 (Debian package
// wordnet-base, /usr/share/wordnet; licence in
// internal/textnorm/LICENSE.wordnet):
//
//	go run ./ai/poa/internal/textnorm/genlexicon -wordnet /usr/share/wordnet -out ai/poa/internal/textnorm/lexicon.txt.gz
//
// Two sections. "lemma" lines map an irregular form to its base form, from
// WordNet's exception lists (went → go, children → child). "class" lines
// map a stem (textnorm's stemmer) to its synonym class: every single-word
// lemma is put in the synset of its most used sense (the first sense of
// the part of speech with the most sense-tagged uses), and all stems of one
// such synset share the smallest of them (begin, commence, start → begin).
// Only lines that change something are written, sorted, so the file is
// the same on every run.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/openledger/openledger/ai/poa/internal/textnorm"
)

var parts = []string{"noun", "verb", "adj", "adv"}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory")
	out := flag.String("out", "ai/poa/internal/textnorm/lexicon.txt.gz", "output file")
	flag.Parse()

	lemmas := map[string]string{}
	for _, pos := range parts {
		err := eachLine(filepath.Join(*dir, pos+".exc"), func(f []string) {
			if len(f) < 2 || !plain(f[0]) || !plain(f[1]) || f[0] == f[1] {
				return
			}
			if _, ok := lemmas[f[0]]; !ok { // the first part of speech wins
				lemmas[f[0]] = f[1]
			}
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	type sense struct {
		tagged int
		synset string
	}
	best := map[string]sense{} // lemma -> its most used sense
	for pi, pos := range parts {
		err := eachLine(filepath.Join(*dir, "index."+pos), func(f []string) {
			if len(f) < 6 || strings.HasPrefix(f[0], " ") || !plain(f[0]) {
				return
			}
			synsets, _ := strconv.Atoi(f[2])
			pointers, _ := strconv.Atoi(f[3])
			if 4+pointers+2+synsets > len(f) || synsets == 0 {
				return
			}
			tagged, _ := strconv.Atoi(f[4+pointers+1])
			first := fmt.Sprintf("%d:%s", pi, f[4+pointers+2])
			if cur, ok := best[f[0]]; !ok || tagged > cur.tagged {
				best[f[0]] = sense{tagged, first}
			}
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	// The stem of each lemma takes the sense of the smallest lemma with
	// that stem; each synset's stems share the smallest one.
	words := make([]string, 0, len(best))
	for w := range best {
		words = append(words, w)
	}
	slices.Sort(words)
	stemSynset := map[string]string{}
	for _, w := range words {
		s := textnorm.Stem(w)
		if _, ok := stemSynset[s]; !ok {
			stemSynset[s] = best[w].synset
		}
	}
	classRep := map[string]string{}
	for s, syn := range stemSynset {
		if r, ok := classRep[syn]; !ok || s < r {
			classRep[syn] = s
		}
	}
	var lines []string
	for l, base := range lemmas {
		lines = append(lines, "lemma "+l+" "+base)
	}
	for s, syn := range stemSynset {
		if r := classRep[syn]; r != s {
			lines = append(lines, "class "+s+" "+r)
		}
	}
	slices.Sort(lines)

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	for _, l := range lines {
		if _, err := w.WriteString(l + "\n"); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%d lemma and %d class lines written to %s\n", len(lemmas), len(lines)-len(lemmas), *out)
}

// plain reports whether w is one lower-case ASCII word of 3+ letters.
func plain(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (install WordNet: apt-get install wordnet-base)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		fn(strings.Fields(line))
	}
	return sc.Err()
}
