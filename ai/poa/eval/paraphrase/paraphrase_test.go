package paraphrase

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestRewriteIsDeterministicAndChangesWording(t *testing.T) {
	text := "Read returns the number of bytes read and an error, if any. If the buffer is empty, the caller must wait."
	a := Rewrite(text, rand.New(rand.NewPCG(1, 2)), Heavy)
	b := Rewrite(text, rand.New(rand.NewPCG(1, 2)), Heavy)
	if a != b {
		t.Fatalf("not deterministic:\n%s\n%s", a, b)
	}
	if a == text {
		t.Fatal("nothing changed")
	}
	t.Log(a)
}

func TestRewriteParts(t *testing.T) {
	if got := rotateClauses("If the file is empty, Read returns EOF."); got != "Read returns EOF, if the file is empty." {
		t.Errorf("rotate: %q", got)
	}
	all := Options{SynonymRate: 100}
	got := Rewrite("The caller reads (the value).", rand.New(rand.NewPCG(1, 1)), all)
	if got != "The invoker consumes (the quantity)." {
		t.Errorf("substitute: %q", got)
	}
	none := Rewrite("Plain  text\nstays.", rand.New(rand.NewPCG(1, 1)), Options{})
	if none != "Plain text stays." {
		t.Errorf("no-op rewrite: %q", none)
	}
	inserted := Rewrite("Zebras run.", rand.New(rand.NewPCG(1, 1)), Options{InsertRate: 100})
	if !strings.HasSuffix(inserted, " zebras run.") || len(inserted) == len("Zebras run.") {
		t.Errorf("insertion: %q", inserted)
	}
}
