package kernels

import (
	"sync"
	"sync/atomic"
)

// A decode step is a few hundred matrix products of tens to hundreds of
// microseconds each. Handing each product's second half to a new goroutine
// gains nothing: the idle CPU takes longer to wake and pick it up than the
// half takes to run, so the caller ends up running both. The crew keeps one
// resident goroutine per extra CPU that spins briefly after each task, so in
// a run of products the next half is picked up within a microsecond, and
// parks when no work comes.

// spinChecks is how many times a crew member (or the caller waiting for it)
// checks for its signal before parking: some tens of microseconds, longer
// than the gaps between the products of one step, short enough that an idle
// engine gives its CPUs back at once.
const spinChecks = 1 << 16

// crew is the resident workers; one caller at a time uses it.
type crew struct {
	busy    atomic.Bool
	mu      sync.Mutex // guards members while the crew grows
	members []*member
}

var resident crew

// run calls fn on the parts ranges of per indices of [0, n), the first on
// the calling goroutine and the others on crew members. It reports false,
// having run nothing, when the crew is in use by another caller.
func (c *crew) run(n, per, parts int, fn func(lo, hi int)) bool {
	if !c.busy.CompareAndSwap(false, true) {
		return false
	}
	members := c.atLeast(parts - 1)
	// Wait for every member even when fn panics on this goroutine, so the
	// crew is never handed on while a member still runs a task.
	defer func() {
		for _, m := range members {
			m.wait()
		}
		c.busy.Store(false)
	}()
	for i, m := range members {
		lo := (i + 1) * per
		m.post(fn, lo, min(lo+per, n))
	}
	fn(0, per)
	return true
}

// atLeast returns the first k members, starting new ones as needed.
func (c *crew) atLeast(k int) []*member {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.members) < k {
		m := &member{wake: make(chan struct{}, 1), done: make(chan struct{}, 1)}
		c.members = append(c.members, m)
		go m.serve()
	}
	return c.members[:k]
}

// member is one resident worker. The poster writes the task, then counts it
// in posted; the member runs it, then counts it in finished. Each side that
// is about to park says so first (asleep, waiting) and checks the counter
// once more, so a signal is never missed: the atomics are sequentially
// consistent, so of a side that parks and the other side that counts, at
// least one sees the other's store.
type member struct {
	posted   atomic.Uint64
	finished atomic.Uint64
	asleep   atomic.Bool   // the member is parked on wake
	waiting  atomic.Bool   // the poster is parked on done
	wake     chan struct{} // a task was posted
	done     chan struct{} // a task finished

	fn     func(lo, hi int)
	lo, hi int
}

func (m *member) serve() {
	for task := uint64(1); ; task++ {
		await(&m.posted, task, &m.asleep, m.wake)
		m.fn(m.lo, m.hi)
		m.fn = nil
		m.finished.Store(task)
		if m.waiting.Load() {
			signal(m.done)
		}
	}
}

func (m *member) post(fn func(lo, hi int), lo, hi int) {
	m.fn, m.lo, m.hi = fn, lo, hi
	m.posted.Add(1)
	if m.asleep.Load() {
		signal(m.wake)
	}
}

func (m *member) wait() {
	await(&m.finished, m.posted.Load(), &m.waiting, m.done)
}

// await returns once counter reaches want: it spins first, then parks on ch,
// having set parked. A stale signal left in ch only costs one more check.
func await(counter *atomic.Uint64, want uint64, parked *atomic.Bool, ch chan struct{}) {
	for range spinChecks {
		if counter.Load() >= want {
			return
		}
	}
	for {
		parked.Store(true)
		if counter.Load() >= want {
			parked.Store(false)
			return
		}
		<-ch
		parked.Store(false)
		if counter.Load() >= want {
			return
		}
	}
}

// signal wakes the goroutine parked on ch, if any; a signal already pending
// is enough.
func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
