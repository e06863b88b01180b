package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"
)

// readBody reads a request's whole body before GraphQL sees it, within the request's
// deadline and at most max bytes: a body past max answers 413 whether or not it declared its
// length (a chunked body has none), one that trickles past the deadline answers 408. It
// returns the body and whether the request may go on.
func readBody(w http.ResponseWriter, r *http.Request, max int64, deadline time.Time) ([]byte, bool) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, true
	}
	if r.ContentLength > max {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	// The server's ReadTimeout bounds the connection; this bounds the body by the request.
	_ = http.NewResponseController(w).SetReadDeadline(deadline)
	defer http.NewResponseController(w).SetReadDeadline(time.Time{})
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	case errors.Is(err, os.ErrDeadlineExceeded):
		w.Header().Set("Connection", "close")
		http.Error(w, "request body not received in time", http.StatusRequestTimeout)
		return nil, false
	case err != nil:
		http.Error(w, "could not read the request body", http.StatusBadRequest)
		return nil, false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, true
}

// NewHTTPServer returns an http.Server for h with timeouts that fit cfg: headers within
// 5 s, a whole request read within the request timeout, its answer written within the
// request timeout plus 10 s, and idle keep-alive connections closed after 60 s.
func NewHTTPServer(h http.Handler, cfg Config) *http.Server {
	cfg.defaults()
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.RequestTimeout,
		WriteTimeout:      cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// jsonValues counts, without decoding, about how many values a JSON text holds: one per
// object or array and one per comma outside strings, plus one. Decoding 80,000 small objects
// costs a core a tenth of a second; this scan costs a millisecond per MiB.
func jsonValues(b []byte) int {
	n, inString, escaped := 1, false, false
	for _, c := range b {
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',' || c == '{' || c == '[':
			n++
		}
	}
	return n
}

// writeRequestError answers a request refused before GraphQL sees it with a GraphQL error
// body, the way gqlgen answers a validation failure: 400 with
// application/graphql-response+json, 200 with application/json (see protocolWriter).
func writeRequestError(w http.ResponseWriter, r *http.Request, code, msg string) {
	ct := "application/json"
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt, _, _ := mime.ParseMediaType(strings.TrimSpace(part))
		if mt == "application/graphql-response+json" {
			ct = mt
			break
		}
		if mt == "application/json" || mt == "*/*" || mt == "application/*" {
			break
		}
	}
	w.Header().Set("Content-Type", ct+"; charset=utf-8")
	if ct == "application/json" {
		w.WriteHeader(http.StatusOK)
	} else {
		w.WriteHeader(http.StatusBadRequest)
	}
	b, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
	w.Write(b)
}

// refuseValues answers a JSON body with far more values than maxValues allows (the query
// and the other parameters take a few) before it is decoded; it reports whether it did.
func refuseValues(w http.ResponseWriter, r *http.Request, body []byte, maxValues int) bool {
	if jsonValues(body) <= maxValues+16 {
		return false
	}
	writeRequestError(w, r, "GRAPHQL_VALIDATION_FAILED", fmt.Sprintf("the request holds more than %d values, the limit", maxValues))
	return true
}
