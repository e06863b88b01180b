package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// jsonPOST is gqlgen's POST transport (transport.POST: same content negotiation, status
// codes and error bodies) with one change: the response's data, which gqlgen's executor has
// already written as compact JSON, is copied into the body instead of being encoded a second
// time by json.Marshal (which parses it again to compact it). The bytes are the same:
// json.Marshal's escaping of <, >, & and U+2028/U+2029 is kept (writeData).
type jsonPOST struct{ transport.POST }

var _ graphql.Transport = jsonPOST{}

// Do runs the operation of a POST request, as transport.POST does.
func (h jsonPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	w.Header().Add("Content-Type", contentType)
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("the request body could not be read")}))
		return
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	err = dec.Decode(&params)
	if err == nil {
		if _, end := dec.Token(); end != io.EOF {
			err = errTrailing
		}
	}
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		gqlErr := gqlerror.Errorf("%s", bodyError(err))
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlErr}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, opErr := exec.CreateOperationContext(ctx, &params)
	if opErr != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == graphqlResponseJSON {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

const graphqlResponseJSON = "application/graphql-response+json"

// errTrailing is a body with more after its JSON object.
var errTrailing = errors.New("trailing data")

// bodyError says what is wrong with a POST body that is not a GraphQL-over-HTTP request,
// without Go's type names or the body itself (gqlgen's message repeats both).
func bodyError(err error) string {
	const want = `a JSON object {"query": "...", "operationName": "...", "variables": {...}, "extensions": {...}}`
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("the request body is not valid JSON (at byte %d): it must be %s", se.Offset, want)
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("the request body's %q has the wrong JSON type (%s): it must be %s", te.Field, te.Value, want)
	case errors.Is(err, errTrailing):
		return "the request body has more after its JSON object: it must be " + want
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the request body is empty or cut short: it must be " + want
	}
	return "the request body must be " + want
}

// responseContentType is transport.POST's choice of response type from the Accept header
// (without UseGrapQLResponseJsonByDefault, as the server configures it).
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return "application/json"
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", "application/json":
			return "application/json"
		case graphqlResponseJSON:
			return graphqlResponseJSON
		}
	}
	return graphqlResponseJSON
}

// writeResponse writes resp as json.Marshal would, its data copied rather than re-encoded.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp.Label != "" || len(resp.Path) > 0 || resp.HasNext != nil || (resp.Data != nil && len(resp.Data) == 0) {
		b, err := json.Marshal(resp) // incremental delivery, which POST does not use
		if err != nil {
			panic(err)
		}
		w.Write(b)
		return
	}
	var buf bytes.Buffer
	buf.Grow(len(resp.Data) + 64)
	buf.WriteByte('{')
	if len(resp.Errors) > 0 {
		b, err := json.Marshal(resp.Errors)
		if err != nil {
			panic(err)
		}
		buf.WriteString(`"errors":`)
		buf.Write(b)
		buf.WriteByte(',')
	}
	buf.WriteString(`"data":`)
	if resp.Data == nil {
		buf.WriteString("null")
	} else {
		writeData(&buf, resp.Data)
	}
	if len(resp.Extensions) > 0 {
		b, err := json.Marshal(resp.Extensions)
		if err != nil {
			panic(err)
		}
		buf.WriteString(`,"extensions":`)
		buf.Write(b)
	}
	buf.WriteByte('}')
	w.Write(buf.Bytes())
}

// writeData copies compact JSON, escaping <, >, & and the line and paragraph separators
// U+2028 and U+2029 as json.Marshal does (encoding/json's compact with HTML escaping).
func writeData(buf *bytes.Buffer, data []byte) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '<' || c == '>' || c == '&' {
			buf.Write(data[start:i])
			buf.WriteString(`\u00`)
			buf.WriteByte(hex[c>>4])
			buf.WriteByte(hex[c&0xF])
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && data[i+2]&^1 == 0xA8 {
			buf.Write(data[start:i])
			buf.WriteString(`\u202`)
			buf.WriteByte(hex[data[i+2]&0xF])
			start = i + 3
			i += 2
		}
	}
	buf.Write(data[start:])
}
