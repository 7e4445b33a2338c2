// Command genpairs writes passage pairs for the real-paraphrase evaluation:
// the same passages of the Bible in two independent English renderings,
// the King James Version (1611; Debian package bible-kjv-text, read
// through the bible program of bible-kjv) and the World English Bible
// (2020 edition; Debian package sword-text-web, read through diatheke).
// Both texts are in the public domain. No network is needed once the
// packages are installed (scripts/test-deps.sh poa-texts):
//
//	go run ./ai/poa/eval/paired/genpairs -out pairs.jsonl            # every passage
//	go run ./ai/poa/eval/paired/genpairs -out slice.jsonl -every 29  # the committed slice
//
// Consecutive verses of one chapter are joined into passages of at least
// -min-words words of the King James text. Each output line is
// {"ref", "source", "rendering"}: the reference, the King James text and
// the World English text of the same verses, stripped of markup.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// kjvBooks are the bible program's book abbreviations, and webBooks the
// names diatheke prints, for the same 66 books in the same order.
var kjvBooks = strings.Fields(`Ge Exo Lev Num Deu Josh Jdgs Ruth 1Sm 2Sm 1Ki 2Ki 1Chr 2Chr Ezra Neh Est Job Psa Prv Eccl SSol
Isa Jer Lam Eze Dan Hos Joel Amos Obad Jonah Mic Nahum Hab Zep Hag Zec Mal Mat Mark Luke John Acts Rom 1Cor 2Cor Gal Eph Phi
Col 1Th 2Th 1Tim 2Tim Titus Phmn Heb Jas 1Pet 2Pet 1Jn 2Jn 3Jn Jude Rev`)

var webBooks = []string{
	"Genesis", "Exodus", "Leviticus", "Numbers", "Deuteronomy", "Joshua", "Judges", "Ruth",
	"I Samuel", "II Samuel", "I Kings", "II Kings", "I Chronicles", "II Chronicles", "Ezra", "Nehemiah", "Esther",
	"Job", "Psalms", "Proverbs", "Ecclesiastes", "Song of Solomon", "Isaiah", "Jeremiah", "Lamentations", "Ezekiel",
	"Daniel", "Hosea", "Joel", "Amos", "Obadiah", "Jonah", "Micah", "Nahum", "Habakkuk", "Zephaniah", "Haggai",
	"Zechariah", "Malachi", "Matthew", "Mark", "Luke", "John", "Acts", "Romans", "I Corinthians", "II Corinthians",
	"Galatians", "Ephesians", "Philippians", "Colossians", "I Thessalonians", "II Thessalonians", "I Timothy",
	"II Timothy", "Titus", "Philemon", "Hebrews", "James", "I Peter", "II Peter", "I John", "II John", "III John",
	"Jude", "Revelation of John",
}

type verseKey struct {
	book, chapter, verse int
}

type pair struct {
	Ref       string `json:"ref"`
	Source    string `json:"source"`
	Rendering string `json:"rendering"`
}

func main() {
	out := flag.String("out", "pairs.jsonl", "output file")
	every := flag.Int("every", 1, "keep every n-th passage (1: all)")
	minWords := flag.Int("min-words", 25, "least King James words in a passage")
	flag.Parse()
	if len(kjvBooks) != len(webBooks) {
		log.Fatalf("book tables differ: %d and %d", len(kjvBooks), len(webBooks))
	}
	kjv, err := readKJV()
	if err != nil {
		log.Fatal(err)
	}
	web, err := readWEB()
	if err != nil {
		log.Fatal(err)
	}
	pairs := passages(kjv, web, *minWords)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	kept, bytesKept := 0, 0
	for i, p := range pairs {
		if i%*every != 0 {
			continue
		}
		if err := enc.Encode(p); err != nil {
			log.Fatal(err)
		}
		kept++
		bytesKept += len(p.Source) + len(p.Rendering)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%d verses (King James), %d (World English); %d passages, %d written (%d text bytes) to %s\n",
		len(kjv.text), len(web.text), len(pairs), kept, bytesKept, *out)
}

// verses holds one rendering, verse by verse, in reading order.
type verses struct {
	order []verseKey
	text  map[verseKey]string
}

func (v *verses) add(k verseKey, text string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	if _, ok := v.text[k]; !ok {
		v.order = append(v.order, k)
	}
	v.text[k] = text
}

func run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w (%s); install the texts with scripts/test-deps.sh poa-texts", name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// atoi converts the digits a pattern matched.
func atoi(digits string) int {
	n, err := strconv.Atoi(digits)
	if err != nil {
		panic(err) // the pattern admits digits only
	}
	return n
}

var kjvLine = regexp.MustCompile(`^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$`)

func readKJV() (*verses, error) {
	out, err := run("bible", "-f", "Ge1:1-Re22:21")
	if err != nil {
		return nil, err
	}
	books := map[string]int{}
	for i, b := range kjvBooks {
		books[b] = i
	}
	v := &verses{text: map[verseKey]string{}}
	for _, line := range strings.Split(string(out), "\n") {
		m := kjvLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		b, ok := books[m[1]]
		if !ok {
			return nil, fmt.Errorf("unknown King James book %q", m[1])
		}
		v.add(verseKey{b, atoi(m[2]), atoi(m[3])}, m[4])
	}
	return v, nil
}

var (
	webMarker = func() *regexp.Regexp {
		names := make([]string, len(webBooks))
		for i, b := range webBooks {
			names[i] = regexp.QuoteMeta(b)
		}
		return regexp.MustCompile(`(` + strings.Join(names, "|") + `) (\d+):(\d+): `)
	}()
	// The module tags every word; adjacent tags without a space between
	// them are two words.
	adjacentWords = regexp.MustCompile(`</w>\s*<w[ >]`)
	notes         = regexp.MustCompile(`(?s)<note\b.*?</note>`)
	tags          = regexp.MustCompile(`<[^>]*>`)
)

func readWEB() (*verses, error) {
	out, err := run("diatheke", "-b", "engWEB2015eb", "-f", "OSIS", "-k", "Genesis 1:1-Revelation 22:21")
	if err != nil {
		return nil, err
	}
	books := map[string]int{}
	for i, b := range webBooks {
		books[b] = i
	}
	v := &verses{text: map[verseKey]string{}}
	for _, line := range strings.Split(string(out), "\n") {
		// A heading may stand before the marker; the verse is what
		// follows the last marker on its line.
		all := webMarker.FindAllStringSubmatchIndex(line, -1)
		if all == nil {
			continue
		}
		m := all[len(all)-1]
		b := books[line[m[2]:m[3]]]
		c, n := atoi(line[m[4]:m[5]]), atoi(line[m[6]:m[7]])
		text := line[m[1]:]
		text = adjacentWords.ReplaceAllStringFunc(text, func(s string) string { return "</w> <w" + s[len(s)-1:] })
		text = notes.ReplaceAllString(text, "")
		text = tags.ReplaceAllString(text, "")
		v.add(verseKey{b, c, n}, text)
	}
	return v, nil
}

// passages joins consecutive verses held by both renderings, within one
// chapter, until the King James side has minWords words; a short rest at
// the end of a chapter joins the passage before it.
func passages(kjv, web *verses, minWords int) []pair {
	var out []pair
	var cur []verseKey
	words := 0
	flush := func(force bool) {
		if len(cur) == 0 {
			return
		}
		if words < minWords && !force {
			return
		}
		var src, rend []string
		for _, k := range cur {
			src = append(src, kjv.text[k])
			rend = append(rend, web.text[k])
		}
		first, last := cur[0], cur[len(cur)-1]
		ref := fmt.Sprintf("%s%d:%d", kjvBooks[first.book], first.chapter, first.verse)
		if last != first {
			ref += fmt.Sprintf("-%d", last.verse)
		}
		p := pair{Ref: ref, Source: strings.Join(src, " "), Rendering: strings.Join(rend, " ")}
		if words < minWords/2 && len(out) > 0 && strings.HasPrefix(out[len(out)-1].Ref, fmt.Sprintf("%s%d:", kjvBooks[first.book], first.chapter)) {
			prev := &out[len(out)-1]
			prev.Ref = prev.Ref[:strings.IndexByte(prev.Ref, ':')+1] + strings.SplitN(prev.Ref[strings.IndexByte(prev.Ref, ':')+1:], "-", 2)[0] + fmt.Sprintf("-%d", last.verse)
			prev.Source += " " + p.Source
			prev.Rendering += " " + p.Rendering
		} else {
			out = append(out, p)
		}
		cur, words = cur[:0], 0
	}
	for _, k := range kjv.order {
		if _, ok := web.text[k]; !ok {
			continue
		}
		if len(cur) > 0 && (cur[0].book != k.book || cur[0].chapter != k.chapter || cur[len(cur)-1].verse+1 != k.verse) {
			flush(true)
		}
		cur = append(cur, k)
		words += len(strings.Fields(kjv.text[k]))
		flush(false)
	}
	flush(true)
	return out
}
