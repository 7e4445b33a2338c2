package modelfactory

import "sync"

// Event is what a job's live page receives: "job" when the job changes,
// "step" after every training step (with the new loss point).
type Event struct {
	Type  string     `json:"type"`
	Job   *Job       `json:"job"`
	Point *LossPoint `json:"point,omitempty"`
}

// broker fans a job's events out to its subscribers. A subscriber that
// falls behind loses events rather than slowing training; the page
// recovers the whole curve by reloading it.
type broker struct {
	mu   sync.Mutex
	subs map[string]map[chan Event]struct{}
}

func newBroker() *broker { return &broker{subs: map[string]map[chan Event]struct{}{}} }

func (b *broker) subscribe(job string) (chan Event, func()) {
	ch := make(chan Event, 256)
	b.mu.Lock()
	if b.subs[job] == nil {
		b.subs[job] = map[chan Event]struct{}{}
	}
	b.subs[job][ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs[job], ch)
		if len(b.subs[job]) == 0 {
			delete(b.subs, job)
		}
		b.mu.Unlock()
	}
}

// publish sends a copy of the job with the event, so subscribers never
// see it change under them.
func (b *broker) publish(job string, e Event) {
	if e.Job != nil {
		copied := *e.Job
		e.Job = &copied
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs[job] {
		select {
		case ch <- e:
		default:
		}
	}
}
