package server

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
)

// protocolWriter fixes two things gqlgen's transports answer against the GraphQL-over-HTTP
// specification's recommendations when a request fails before execution (a parse,
// validation or variable-coercion failure): with `Accept: application/json` it answers 200,
// not 422, and with `application/graphql-response+json` its 4xx body has no `data` entry
// (gqlgen writes `"data": null`). graphql-http's audit checks both (audit_test.go).
type protocolWriter struct {
	http.ResponseWriter
	held *bytes.Buffer // the body of a graphql-response+json error, until finish
}

func (p *protocolWriter) WriteHeader(code int) {
	mt, _, _ := mime.ParseMediaType(p.Header().Get("Content-Type"))
	switch {
	case code == http.StatusUnprocessableEntity && mt == "application/json":
		code = http.StatusOK
	case code >= 400 && code < 500 && mt == "application/graphql-response+json":
		p.held = &bytes.Buffer{}
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *protocolWriter) Write(b []byte) (int, error) {
	if p.held != nil {
		return p.held.Write(b)
	}
	return p.ResponseWriter.Write(b)
}

func (p *protocolWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }

// finish writes a held body without its null `data` entry.
func (p *protocolWriter) finish() {
	if p.held == nil {
		return
	}
	body := p.held.Bytes()
	var resp map[string]json.RawMessage
	if json.Unmarshal(body, &resp) == nil {
		if d, ok := resp["data"]; ok && string(d) == "null" {
			delete(resp, "data")
			if b, err := json.Marshal(resp); err == nil {
				body = b
			}
		}
	}
	p.ResponseWriter.Write(body)
}
