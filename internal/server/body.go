package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"time"
)

// readBody reads a request's whole body before GraphQL sees it, within the request's
// deadline and at most max bytes: a body past max answers 413 whether or not it declared its
// length (a chunked body has none), one that trickles past the deadline answers 408. It
// reports whether the request may go on.
func readBody(w http.ResponseWriter, r *http.Request, max int64, deadline time.Time) bool {
	if r.Body == nil || r.Body == http.NoBody {
		return true
	}
	if r.ContentLength > max {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return false
	}
	// The server's ReadTimeout bounds the connection; this bounds the body by the request.
	_ = http.NewResponseController(w).SetReadDeadline(deadline)
	defer http.NewResponseController(w).SetReadDeadline(time.Time{})
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return false
	case errors.Is(err, os.ErrDeadlineExceeded):
		w.Header().Set("Connection", "close")
		http.Error(w, "request body not received in time", http.StatusRequestTimeout)
		return false
	case err != nil:
		http.Error(w, "could not read the request body", http.StatusBadRequest)
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true
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
