package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

type ctxKey int

const requestIDKey ctxKey = iota

// RequestID returns the id of the request ctx belongs to ("" outside a request).
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// withRequestID gives every request an id (the client's X-Request-Id when it sends a sane
// one), echoes it in the response and puts it in the context for the logs.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if len(id) == 0 || len(id) > 64 || strings.ContainsFunc(id, func(c rune) bool { return c < '!' || c > '~' }) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// logHandler adds the request id to every record logged with a request's context.
type logHandler struct{ slog.Handler }

func (h logHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h logHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return logHandler{h.Handler.WithAttrs(as)}
}
func (h logHandler) WithGroup(g string) slog.Handler { return logHandler{h.Handler.WithGroup(g)} }

// WithRequestIDs returns a logger that tags records with the request id of their context.
func WithRequestIDs(log *slog.Logger) *slog.Logger { return slog.New(logHandler{log.Handler()}) }

// graphqlOverHTTP enforces the parts of the GraphQL-over-HTTP specification that gqlgen's
// transports leave to the server: only GET and POST (405 with Allow otherwise), and no
// mutation over GET (405 with `Allow: POST`), and the status codes and bodies of failed
// requests (see protocolWriter).
func graphqlOverHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost, http.MethodOptions:
		case http.MethodGet:
			if isMutation(r.URL.Query().Get("query"), r.URL.Query().Get("operationName")) {
				w.Header().Set("Allow", "POST")
				http.Error(w, "mutations must be sent with POST", http.StatusMethodNotAllowed)
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST")
			http.Error(w, "use GET or POST", http.StatusMethodNotAllowed)
			return
		}
		pw := &protocolWriter{ResponseWriter: w}
		next.ServeHTTP(pw, r)
		pw.finish()
	})
}

// isMutation reports whether the operation a GET request would run is not a query. A query
// that does not parse is left to the GraphQL handler, which explains the syntax error.
func isMutation(query, operation string) bool {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return false
	}
	for _, op := range doc.Operations {
		if (operation == "" || op.Name == operation) && op.Operation != ast.Query {
			return true
		}
	}
	return false
}

// cacheGET makes successful anonymous GET queries cacheable: a strong ETag over the body,
// `Cache-Control: public, max-age=N`, and 304 for a matching If-None-Match. A response with
// errors, or a request with credentials, is not cached.
func cacheGET(maxAge int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || maxAge <= 0 {
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedWriter{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		body := rec.body.Bytes()
		anonymous := r.Header.Get("Authorization") == "" && r.Header.Get("Cookie") == ""
		if rec.status != http.StatusOK || !anonymous || bytes.Contains(body, []byte(`"errors":`)) {
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(rec.status)
			w.Write(body)
			return
		}
		sum := sha256.Sum256(body)
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(maxAge))
		w.Header().Add("Vary", "Accept")
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.WriteHeader(http.StatusOK)
		w.Write(body)
	})
}

// bufferedWriter holds a response until its ETag is known.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.header }
func (b *bufferedWriter) WriteHeader(status int)      { b.status = status }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.body.Write(p) }
