package server

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// writeResponse must write what json.Marshal does (gqlgen's transports), without encoding
// the data a second time.
func TestWriteResponseIsJSONMarshal(t *testing.T) {
	path := ast.Path{ast.PathName("actors"), ast.PathIndex(0)}
	cases := []*graphql.Response{
		{Data: json.RawMessage(`{"a":"x<y>&z","b":[1,2.5,null,true],"c":"\u2028 \u2029 \u2027 \u202a é \\\" <"}`)},
		{Data: json.RawMessage("{\"s\":\"line\u2028sep\u2029end & <b>\"}")},
		{Data: nil, Errors: gqlerror.List{{Message: "bad <input> & more", Path: path, Extensions: map[string]any{"code": "INVALID"}}}},
		{Data: json.RawMessage(`{"a":null}`), Errors: gqlerror.List{{Message: "one"}, {Message: "two", Locations: []gqlerror.Location{{Line: 1, Column: 3}}}}},
		{Data: json.RawMessage(`{}`), Extensions: map[string]any{"z": 1, "a": "<x>"}},
		{Data: json.RawMessage(`"\u00e9\ud83d\ude00 \u0026"`)},
	}
	for _, resp := range cases {
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeResponse(&got, resp)
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("writeResponse:\n got %s\nwant %s", got.Bytes(), want)
		}
	}
}
