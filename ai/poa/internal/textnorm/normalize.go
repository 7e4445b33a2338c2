package textnorm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// linearRun marks an anchor whose run maps byte for byte onto the original
// text (see Anchor).
const linearRun = ^uint32(0)

// Anchor is one entry of an offset map from normalised bytes back to the
// original bytes. An anchor covers normalised offsets from Norm up to the next
// anchor's Norm. In a linear run (OrigEnd == linearRun) normalised offset n
// comes from original offset Orig+(n-Norm); otherwise every byte of the run
// comes from the whole original range [Orig, OrigEnd) (a collapsed white-space
// run, a ligature, a composed character...).
type Anchor struct {
	Norm    uint32
	Orig    uint32
	OrigEnd uint32
}

func (a Anchor) Linear() bool { return a.OrigEnd == linearRun }

// OffsetMap maps normalised offsets back to original offsets. The last anchor
// is a terminal one at (normalised length, original end of the last kept byte).
type OffsetMap []Anchor

// find returns the index of the anchor covering normalised offset n.
func (m OffsetMap) find(n int) int {
	lo, hi := 0, len(m)
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(m[mid].Norm) <= n {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// Start maps the normalised offset of a span start to the original offset.
func (m OffsetMap) Start(n int) int {
	if len(m) == 0 {
		return 0
	}
	a := m[m.find(n)]
	if a.Linear() {
		return int(a.Orig) + n - int(a.Norm)
	}
	return int(a.Orig)
}

// End maps the normalised offset of a span end (exclusive) to the original
// offset just past the original bytes that produced byte e-1.
func (m OffsetMap) End(e int) int {
	if len(m) == 0 || e <= 0 {
		return m.Start(0)
	}
	a := m[m.find(e-1)]
	if a.Linear() {
		return int(a.Orig) + e - int(a.Norm)
	}
	return int(a.OrigEnd)
}

// Normalized is text after Unicode NFKC, case folding and white-space
// collapsing (every run of white space becomes one U+0020; leading and
// trailing white space is dropped), with the map back to the original bytes.
type Normalized struct {
	Text    []byte
	Offsets OffsetMap
}

// OriginalSpan maps a normalised span [s, e) to the original byte span.
func (n *Normalized) OriginalSpan(s, e int) (int, int) {
	return n.Offsets.Start(s), n.Offsets.End(e)
}

// Normalizer holds the reusable state of the normalisation; it is not safe
// for concurrent use (the case folder is stateful).
type Normalizer struct {
	folder  cases.Caser
	scratch []byte
	folded  []byte
	final   []byte

	out     []byte
	base    int // len(out) when this call started: offsets are relative to it
	anchors OffsetMap
	first   int // len(anchors) when this call started

	pendingSpace             bool
	pendingStart, pendingEnd int
	lastEnd                  int
}

// NewNormalizer returns a Normalizer.
func NewNormalizer() *Normalizer {
	return &Normalizer{folder: cases.Fold()}
}

// Normalize normalises src, which must be valid UTF-8 (callers validate so
// they can report where the input is broken). The result does not alias the
// Normalizer's buffers.
func Normalize(src []byte) *Normalized {
	z := NewNormalizer()
	text, offsets := z.Append(nil, nil, src)
	return &Normalized{Text: text, Offsets: offsets}
}

// Append normalises src, appending the bytes to dst and the anchors to
// anchors, and returns both. Anchor offsets are relative to the start of this
// call's output and to src.
func (z *Normalizer) Append(dst []byte, anchors OffsetMap, src []byte) ([]byte, OffsetMap) {
	z.out, z.base = dst, len(dst)
	z.anchors, z.first = anchors, len(anchors)
	z.pendingSpace = false
	z.lastEnd = 0
	for i := 0; i < len(src); {
		c := src[i]
		// Fast path: an ASCII byte followed by ASCII (or the end) is a
		// normalisation segment on its own, and NFKC leaves it unchanged.
		if c < utf8.RuneSelf && (i+1 == len(src) || src[i+1] < utf8.RuneSelf) {
			if asciiSpace[c] {
				z.space(i, i+1)
			} else {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				z.byteLinear(c, i)
			}
			i++
			continue
		}
		k := norm.NFKC.NextBoundary(src[i:], true)
		if k <= 0 {
			k = len(src) - i
		}
		z.segment(src[i:i+k], i, i+k)
		i += k
	}
	// A trailing space is dropped; close with the terminal anchor.
	z.anchors = append(z.anchors, Anchor{Norm: uint32(z.n()), Orig: uint32(z.lastEnd), OrigEnd: linearRun})
	out, offsets := z.out, z.anchors
	z.out, z.anchors = nil, nil
	return out, offsets
}

// n is the length of this call's output so far.
func (z *Normalizer) n() int { return len(z.out) - z.base }

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// IsSpaceRune reports white space as the normalisation sees it.
func IsSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// segment normalises one NFKC segment (original bytes [a, b)).
func (z *Normalizer) segment(seg []byte, a, b int) {
	z.scratch = norm.NFKC.Append(z.scratch[:0], seg...)
	z.folder.Reset()
	z.folded = append(z.folded[:0], z.folder.Bytes(z.scratch)...)
	// Folding can produce decomposed sequences; normalise again so that the
	// result is stable (normalising normalised text changes nothing).
	z.final = norm.NFKC.Append(z.final[:0], z.folded...)
	r, size := utf8.DecodeRune(z.final)
	if size == len(z.final) && size == len(seg) && !IsSpaceRune(r) {
		// One rune in, one rune of the same width out: offsets stay linear.
		z.flushSpace()
		z.pushLinear(z.n(), a)
		z.out = append(z.out, z.final...)
		z.lastEnd = b
		return
	}
	start := -1
	for j := 0; j < len(z.final); {
		r, size := utf8.DecodeRune(z.final[j:])
		if IsSpaceRune(r) {
			if start >= 0 {
				z.pieceNonLinear(z.final[start:j], a, b)
				start = -1
			}
			z.space(a, b)
		} else if start < 0 {
			start = j
		}
		j += size
	}
	if start >= 0 {
		z.pieceNonLinear(z.final[start:], a, b)
	}
}

// space records white space from the original range [a, b).
func (z *Normalizer) space(a, b int) {
	if !z.pendingSpace {
		z.pendingSpace = true
		z.pendingStart = a
	}
	z.pendingEnd = b
}

// flushSpace emits the pending white-space run as one space, unless it is
// leading white space.
func (z *Normalizer) flushSpace() {
	if !z.pendingSpace {
		return
	}
	z.pendingSpace = false
	if z.n() == 0 {
		return
	}
	if z.pendingEnd-z.pendingStart == 1 {
		z.pushLinear(z.n(), z.pendingStart)
	} else {
		z.anchors = append(z.anchors, Anchor{Norm: uint32(z.n()), Orig: uint32(z.pendingStart), OrigEnd: uint32(z.pendingEnd)})
	}
	z.out = append(z.out, ' ')
	z.lastEnd = z.pendingEnd
}

func (z *Normalizer) byteLinear(c byte, orig int) {
	if z.pendingSpace {
		z.flushSpace()
	}
	z.pushLinear(z.n(), orig)
	z.out = append(z.out, c)
	z.lastEnd = orig + 1
}

// pushLinear starts a linear run at (n, o) unless the current linear run
// already continues there.
func (z *Normalizer) pushLinear(n, o int) {
	if k := len(z.anchors); k > z.first {
		last := z.anchors[k-1]
		if last.Linear() && int(last.Orig)-int(last.Norm) == o-n {
			return
		}
	}
	z.anchors = append(z.anchors, Anchor{Norm: uint32(n), Orig: uint32(o), OrigEnd: linearRun})
}

func (z *Normalizer) pieceNonLinear(piece []byte, a, b int) {
	z.flushSpace()
	z.anchors = append(z.anchors, Anchor{Norm: uint32(z.n()), Orig: uint32(a), OrigEnd: uint32(b)})
	z.out = append(z.out, piece...)
	z.lastEnd = b
}
