package modelfactory

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
)

//go:embed web
var webFiles embed.FS

// maxBody bounds a request body.
const maxBody = 1 << 20

// Handler is the web page, the JSON API it uses, the content-addressed
// store and the metrics.
func (f *Factory) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(webFiles, "web")
	mux.Handle("GET /", http.FileServerFS(static))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(f.metrics.registry, promhttp.HandlerOpts{}))
	mux.Handle("GET /cas/{sha256}", f.cas)

	mux.HandleFunc("GET /api/status", f.handleStatus)
	mux.HandleFunc("GET /api/base-models", func(w http.ResponseWriter, r *http.Request) {
		models, err := f.BaseModels(r.Context())
		reply(w, map[string]any{"base_models": nonNil(models)}, err)
	})
	mux.HandleFunc("GET /api/datanets", func(w http.ResponseWriter, r *http.Request) {
		datanets, err := f.Datanets(r.Context())
		reply(w, map[string]any{"datanets": nonNil(datanets)}, err)
	})
	mux.HandleFunc("GET /api/datanets/{id}/versions/{version}/preview", f.handlePreview)
	mux.HandleFunc("GET /api/hyperparameters", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"defaults": DefaultHyperparameters(), "help": Help})
	})
	mux.HandleFunc("GET /api/jobs", func(w http.ResponseWriter, _ *http.Request) {
		jobs, err := f.Jobs()
		reply(w, map[string]any{"jobs": nonNil(jobs)}, err)
	})
	mux.HandleFunc("POST /api/jobs", func(w http.ResponseWriter, r *http.Request) {
		// Settings the request leaves out keep their defaults.
		spec := JobSpec{Hyperparameters: DefaultHyperparameters()}
		if err := decode(w, r, &spec); err != nil {
			writeError(w, err)
			return
		}
		j, err := f.CreateJob(r.Context(), spec)
		if err != nil {
			writeError(w, err)
			return
		}
		writeJSON(w, http.StatusCreated, j)
	})
	mux.HandleFunc("GET /api/jobs/{id}", func(w http.ResponseWriter, r *http.Request) {
		j, err := f.Job(r.PathValue("id"))
		reply(w, j, err)
	})
	mux.HandleFunc("GET /api/jobs/{id}/losses", func(w http.ResponseWriter, r *http.Request) {
		points, err := f.Losses(r.PathValue("id"))
		reply(w, map[string]any{"losses": nonNil(points)}, err)
	})
	mux.HandleFunc("GET /api/jobs/{id}/events", f.handleEvents)
	mux.HandleFunc("GET /api/jobs/{id}/manifest", f.handleManifest)
	mux.HandleFunc("POST /api/jobs/{id}/cancel", func(w http.ResponseWriter, r *http.Request) {
		j, err := f.Cancel(r.PathValue("id"))
		reply(w, j, err)
	})
	mux.HandleFunc("POST /api/jobs/{id}/resume", func(w http.ResponseWriter, r *http.Request) {
		j, err := f.Resume(r.PathValue("id"))
		reply(w, j, err)
	})
	mux.HandleFunc("POST /api/jobs/{id}/chat", func(w http.ResponseWriter, r *http.Request) {
		var req ChatRequest
		if err := decode(w, r, &req); err != nil {
			writeError(w, err)
			return
		}
		res, err := f.Chat(r.Context(), r.PathValue("id"), req)
		reply(w, res, err)
	})
	mux.HandleFunc("POST /api/jobs/{id}/publish", func(w http.ResponseWriter, r *http.Request) {
		var req PublishRequest
		if err := decode(w, r, &req); err != nil {
			writeError(w, err)
			return
		}
		j, err := f.Publish(r.Context(), r.PathValue("id"), req)
		reply(w, j, err)
	})
	return recoverPanics(mux, f)
}

func (f *Factory) handleStatus(w http.ResponseWriter, r *http.Request) {
	status := map[string]any{"engine": EngineVersion, "publisher": ""}
	if f.opts.Signer != nil {
		status["publisher"] = f.opts.Signer.Address().String()
	}
	block, err := cmtservice.NewServiceClient(f.opts.Conn).GetLatestBlock(r.Context(), &cmtservice.GetLatestBlockRequest{})
	if err != nil {
		status["chain"] = map[string]any{"connected": false, "error": err.Error()}
	} else {
		status["chain"] = map[string]any{"connected": true, "chain_id": block.SdkBlock.Header.ChainID, "height": block.SdkBlock.Header.Height}
	}
	writeJSON(w, http.StatusOK, status)
}

func (f *Factory) handlePreview(w http.ResponseWriter, r *http.Request) {
	id, err1 := strconv.ParseUint(r.PathValue("id"), 10, 64)
	version, err2 := strconv.ParseUint(r.PathValue("version"), 10, 64)
	if err1 != nil || err2 != nil || id == 0 || version == 0 {
		writeError(w, badRequest("invalid_dataset", "datasets", "a Datanet and a version are numbers from 1"))
		return
	}
	q := r.URL.Query()
	limit := 20
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 500 {
			writeError(w, badRequest("invalid_limit", "limit", "limit %q: from 1 to 500", s))
			return
		}
		limit = n
	}
	m := Mapping{Format: q.Get("format"), PromptField: q.Get("prompt_field"), ResponseField: q.Get("response_field"), TextField: q.Get("text_field")}
	p, err := f.PreviewVersion(r.Context(), DatasetRef{DatanetID: id, Version: version}, m, limit)
	reply(w, p, err)
}

// handleEvents streams a job's events over SSE: first the job as it is,
// then every change and step.
func (f *Factory) handleEvents(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	j, err := f.Job(id)
	if err != nil {
		writeError(w, err)
		return
	}
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, errors.New("streaming is not supported here"))
		return
	}
	events, unsubscribe := f.events.subscribe(id)
	defer unsubscribe()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	send := func(e Event) bool {
		bz, _ := json.Marshal(e)
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Type, bz)
		flusher.Flush()
		return err == nil
	}
	if !send(Event{Type: "job", Job: j}) {
		return
	}
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-events:
			if !send(e) {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

func (f *Factory) handleManifest(w http.ResponseWriter, r *http.Request) {
	j, err := f.Job(r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	if j.Status != StatusSucceeded {
		writeError(w, conflict("not_trained", "job %s is %s; the manifest is written when it succeeds", j.ID, j.Status))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	http.ServeFile(w, r, f.jobs.jobDir(j.ID)+"/manifest.json")
}

// decode reads a JSON body strictly: unknown fields are refused, so a
// misspelt setting is an error rather than silently a default.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("invalid_json", "", "the request body: %v", err)
	}
	return nil
}

func reply(w http.ResponseWriter, v any, err error) {
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeError answers {"error": {...}}: an *Error as it is, anything else
// as an internal error.
func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Status: http.StatusInternalServerError, Code: "internal", Message: err.Error()}
	}
	writeJSON(w, e.Status, map[string]any{"error": e})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// recoverPanics answers a handler's panic with a 500 and logs it.
func recoverPanics(next http.Handler, f *Factory) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				f.log.Error("handler panicked", "path", r.URL.Path, "panic", v)
				writeError(w, fmt.Errorf("internal error"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
