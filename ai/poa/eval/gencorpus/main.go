// Command gencorpus extracts the PoA evaluation corpus from the doc
// comments of the Go standard library installed with the toolchain (no
// network needed). The output is committed under ai/poa/eval/testdata; this
// program documents, and can repeat, how it was made:
//
//	go run ./ai/poa/eval/gencorpus -out ai/poa/eval/testdata
//
// Every doc comment of at least -min-bytes bytes from the corpus packages
// becomes one contribution; the novel packages give held-out text that
// shares no 6-word sequence with the corpus. The Go sources are under the
// BSD-3-Clause licence (GOROOT/LICENSE).
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode"
)

var corpusPackages = []string{
	"bufio", "bytes", "context", "encoding/json", "errors", "fmt", "io", "io/fs", "net/http", "net/url",
	"os", "os/exec", "sort", "strconv", "strings", "sync", "sync/atomic", "time", "regexp", "text/template",
	"html/template", "database/sql", "compress/gzip", "archive/tar", "archive/zip", "crypto/tls", "crypto/x509",
	"encoding/xml", "encoding/csv", "math/big", "path/filepath", "reflect", "runtime", "net", "log",
}

var novelPackages = []string{
	"go/types", "go/ast", "go/parser", "image", "image/draw", "debug/elf", "mime/multipart", "net/mail",
	"testing", "flag", "log/slog", "container/heap", "container/list", "hash/crc32", "index/suffixarray",
	"expvar", "embed", "plugin", "unicode/utf8", "text/tabwriter", "net/smtp", "os/signal",
}

type record struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Source  string `json:"source"`
	Licence string `json:"licence"`
	SHA256  string `json:"sha256"`
}

func main() {
	out := flag.String("out", "ai/poa/eval/testdata", "output directory")
	minBytes := flag.Int("min-bytes", 240, "smallest doc comment kept")
	corpusLimit := flag.Int("corpus-bytes", 1_400_000, "stop adding contributions past this many text bytes")
	novelLimit := flag.Int("novel-bytes", 160_000, "stop adding novel passages past this many text bytes")
	flag.Parse()
	root, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		log.Fatalf("finding the Go toolchain: go env GOROOT: %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(root)), "src")

	corpus := collect(src, corpusPackages, *minBytes, *corpusLimit)
	corpusGrams := map[string]bool{}
	for _, r := range corpus {
		for _, g := range sixGrams(r.Text) {
			corpusGrams[g] = true
		}
	}
	var novel []record
	for _, r := range collect(src, novelPackages, *minBytes, 1<<40) {
		shared := false
		for _, g := range sixGrams(r.Text) {
			if corpusGrams[g] {
				shared = true
				break
			}
		}
		if !shared {
			novel = append(novel, r)
		}
	}
	novelBytes := 0
	for i, r := range novel {
		novelBytes += len(r.Text)
		if novelBytes > *novelLimit {
			novel = novel[:i]
			break
		}
	}
	write(filepath.Join(*out, "corpus.jsonl"), corpus)
	write(filepath.Join(*out, "novel.jsonl"), novel)
	fmt.Printf("corpus: %d contributions; novel: %d passages (Go %s)\n", len(corpus), len(novel), runtime.Version())
}

// collect returns the doc comments of pkgs, in package, file and
// declaration order.
func collect(src string, pkgs []string, minBytes, limit int) []record {
	var out []record
	total := 0
	for _, pkg := range pkgs {
		files, err := filepath.Glob(filepath.Join(src, pkg, "*.go"))
		if err != nil {
			log.Fatal(err)
		}
		slices.Sort(files)
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
			if err != nil {
				continue // files for other platforms or build tags may not parse alone
			}
			for _, d := range docComments(f) {
				text := strings.TrimSpace(d.text)
				if len(text) < minBytes || !mostlyProse(text) {
					continue
				}
				rel, _ := filepath.Rel(src, file)
				sum := sha256.Sum256([]byte(text))
				out = append(out, record{
					ID:      fmt.Sprintf("go/%s#%s", pkg, d.name),
					Text:    text,
					Source:  "GOROOT/src/" + filepath.ToSlash(rel) + " (" + runtime.Version() + ")",
					Licence: "BSD-3-Clause",
					SHA256:  hex.EncodeToString(sum[:]),
				})
				total += len(text)
				if total > limit {
					return dedupe(out)
				}
			}
		}
	}
	return dedupe(out)
}

type docComment struct{ name, text string }

func docComments(f *ast.File) []docComment {
	var out []docComment
	if f.Doc != nil {
		out = append(out, docComment{"package:" + filepath.Base(f.Name.Name), f.Doc.Text()})
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Doc == nil {
				continue
			}
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				name = recvName(d.Recv.List[0].Type) + "." + name
			}
			out = append(out, docComment{name, d.Doc.Text()})
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				var name string
				var doc *ast.CommentGroup
				switch s := spec.(type) {
				case *ast.TypeSpec:
					name, doc = s.Name.Name, s.Doc
				case *ast.ValueSpec:
					name, doc = s.Names[0].Name, s.Doc
				}
				if doc == nil && len(d.Specs) == 1 {
					doc = d.Doc
				}
				if doc != nil && name != "" {
					out = append(out, docComment{name, doc.Text()})
				}
			}
		}
	}
	return out
}

func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	}
	return "recv"
}

// mostlyProse keeps comments that are mostly letters and spaces (not code
// listings or tables).
func mostlyProse(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) || r == ' ' {
			letters++
		}
	}
	return letters*100 >= len(s)*85
}

// dedupe keeps the first of records with equal ids (the same symbol
// declared in files for several platforms).
func dedupe(in []record) []record {
	seen := map[string]bool{}
	var out []record
	for _, r := range in {
		if !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	return out
}

// sixGrams returns the lower-cased 6-word sequences of s (letters and
// digits only).
func sixGrams(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []string
	for i := 0; i+6 <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+6], " "))
	}
	return out
}

func write(path string, records []record) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range records {
		if err := enc.Encode(r); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
