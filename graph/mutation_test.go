package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/seedtest"
	"github.com/batterykg/batterykg/internal/server"
)

// Keys of the test server's three API keys.
const (
	readerKey = "test-reader-key-0123456789"
	editorKey = "test-editor-key-0123456789"
	adminKey  = "test-admin-key-01234567890"
)

// writeServer serves the API with authentication over the seeded test Neo4j.
func writeServer(t *testing.T, anonymousRead bool) *httptest.Server {
	t.Helper()
	cfg := seedtest.Load(t)
	store, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	keys := fmt.Sprintf("reader reader %s\neditor editor %s\nadmin admin %s\n",
		auth.HashKey(readerKey), auth.HashKey(editorKey), auth.HashKey(adminKey))
	list, err := auth.LoadAPIKeys(strings.NewReader(keys))
	if err != nil {
		t.Fatal(err)
	}
	authn, err := auth.New(auth.Config{AnonymousRead: anonymousRead, APIKeys: list, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Auth: authn}, graph.NewSchema(store), store, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	return srv
}

type gqlResponse struct {
	status int
	Data   map[string]json.RawMessage `json:"data"`
	Errors []gqlError                 `json:"errors"`
}

func post(t *testing.T, srv *httptest.Server, key, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	out.status = resp.StatusCode
	return out
}

func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].code()
}

const upsertActorOp = `mutation($in: ActorInput!) { upsertActor(input: $in) { id name kind region sources confidence } }`

func mtActor(id string) map[string]any {
	return map[string]any{"in": map[string]any{"id": id, "name": "Mutation Test SA", "kind": "COMPANY", "region": "WAL",
		"country": "BE", "source": "brochure#ecosystem-walloon-stakeholders"}}
}

// cleanupMT removes every node the mutation tests created (ids start with "mt-").
func cleanupMT(t *testing.T) {
	neo4jtest.Run(t, "MATCH (n) WHERE n.id STARTS WITH 'mt-' DETACH DELETE n", nil)
}

func TestMutationRoles(t *testing.T) {
	srv := writeServer(t, true)
	t.Cleanup(func() { cleanupMT(t) })
	cases := []struct {
		name, key, code string
	}{
		{"anonymous", "", "UNAUTHENTICATED"},
		{"reader", readerKey, "FORBIDDEN"},
		{"editor", editorKey, ""},
		{"admin", adminKey, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.key, upsertActorOp, mtActor("mt-"+tc.name))
			if r.code() != tc.code {
				t.Fatalf("code %q, want %q: %+v", r.code(), tc.code, r.Errors)
			}
			exists := len(neo4jtest.Run(t, "MATCH (a:Actor {id: $id}) RETURN a", map[string]any{"id": "mt-" + tc.name})) == 1
			if exists != (tc.code == "") {
				t.Errorf("actor written = %v", exists)
			}
		})
	}
	// Deleting needs admin.
	del := `mutation($id: ID!) { deleteNode(id: $id) { deleted } }`
	if r := post(t, srv, editorKey, del, map[string]any{"id": "mt-editor"}); r.code() != "FORBIDDEN" {
		t.Errorf("editor delete: %+v", r.Errors)
	}
	if r := post(t, srv, adminKey, del, map[string]any{"id": "mt-editor"}); r.code() != "" || !strings.Contains(string(r.Data["deleteNode"]), `"deleted":true`) {
		t.Errorf("admin delete: %s %+v", r.Data["deleteNode"], r.Errors)
	}
	// A bad token is refused at the door; reads stay open to anonymous callers.
	if r := post(t, srv, "not-a-key-at-all-xxxxxx", `{ stages { code } }`, nil); r.status != 401 {
		t.Errorf("bad token: %d", r.status)
	}
	if r := post(t, srv, "", `{ stages { code } }`, nil); r.code() != "" {
		t.Errorf("anonymous read: %+v", r.Errors)
	}
}

func TestAnonymousReadsOff(t *testing.T) {
	srv := writeServer(t, false)
	if r := post(t, srv, "", `{ stages { code } }`, nil); r.status != 401 {
		t.Errorf("anonymous read with reads off: %d %+v", r.status, r.Errors)
	}
	if r := post(t, srv, readerKey, `{ stages { code } }`, nil); r.code() != "" {
		t.Errorf("reader: %+v", r.Errors)
	}
}

func TestMutationsWriteWithProvenance(t *testing.T) {
	srv := writeServer(t, true)
	t.Cleanup(func() { cleanupMT(t) })
	ed := func(q string, vars map[string]any) gqlResponse {
		t.Helper()
		r := post(t, srv, editorKey, q, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", q, r.Errors)
		}
		return r
	}
	ed(upsertActorOp, mtActor("mt-acme"))
	// Upserting again with another kind moves the kind label and keeps one node.
	in := mtActor("mt-acme")
	in["in"].(map[string]any)["kind"] = "RESEARCH_CENTRE"
	in["in"].(map[string]any)["region"] = nil // null removes the property
	r := ed(upsertActorOp, in)
	var actor struct {
		Kind    string
		Region  *string
		Sources []string
	}
	json.Unmarshal(r.Data["upsertActor"], &actor)
	if actor.Kind != "RESEARCH_CENTRE" || actor.Region != nil || len(actor.Sources) != 1 {
		t.Errorf("after second upsert: %+v", actor)
	}
	rows := neo4jtest.Run(t, "MATCH (a:Actor {id: 'mt-acme'}) RETURN labels(a) AS l, a.updatedBy AS by, a.updatedAt IS NOT NULL AS at", nil)
	if l, _ := rows[0].Get("l"); fmt.Sprint(l) != "[Actor ResearchCentre]" {
		t.Errorf("labels %v", l)
	}
	if by, _ := rows[0].Get("by"); by != "api-key:editor" {
		t.Errorf("updatedBy %v", by)
	}

	ed(`mutation { upsertProject(input: {id: "mt-proj", name: "MT project", type: RESEARCH_PORTFOLIO, startDate: "2025-01-01",
		totalInvestment: 1000000, currency: "EUR", source: "brochure#partners-batfactory"}) { id startDate totalInvestment } }`, nil)
	ed(`mutation { upsertProgramme(input: {id: "mt-prog", name: "MT programme", level: REGIONAL, budget: 5e6, currency: "EUR", source: "brochure#key-figures"}) { id } }`, nil)
	ed(`mutation { setParticipation(input: {actor: "mt-acme", project: "mt-proj", role: COORDINATOR, source: "brochure#partners-batfactory"}) { id } }`, nil)
	r = ed(`mutation { setFunding(input: {funder: "mt-prog", project: "mt-proj", amount: 250000, currency: "EUR", instrument: GRANT, date: "2025-02-01", source: "brochure#key-figures"}) {
		id participants { edges { role actor { id } } } funders { edges { amount currency date programme { id } } } } }`, nil)
	got := string(r.Data["setFunding"])
	for _, want := range []string{`"role":"COORDINATOR"`, `"amount":250000`, `"date":"2025-02-01"`, `"id":"mt-prog"`} {
		if !strings.Contains(got, want) {
			t.Errorf("setFunding result lacks %s: %s", want, got)
		}
	}
	r = ed(`mutation { link(input: {from: "mt-acme", type: ACTIVE_IN, to: "stage-recycling-recovery", source: "brochure#key-figures"}) { created } }`, nil)
	again := ed(`mutation { link(input: {from: "mt-acme", type: ACTIVE_IN, to: "stage-recycling-recovery", source: "brochure#key-figures"}) { created } }`, nil)
	if !strings.Contains(string(r.Data["link"]), "true") || !strings.Contains(string(again.Data["link"]), "false") {
		t.Errorf("link twice: %s then %s", r.Data["link"], again.Data["link"])
	}
	if n := len(neo4jtest.Run(t, "MATCH (:Actor {id: 'mt-acme'})-[r:ACTIVE_IN]->() RETURN r", nil)); n != 1 {
		t.Errorf("%d ACTIVE_IN edges after linking twice", n)
	}
	r = ed(`mutation { unlink(input: {from: "mt-acme", type: ACTIVE_IN, to: "stage-recycling-recovery", source: "brochure#key-figures"}) { removed } }`, nil)
	if !strings.Contains(string(r.Data["unlink"]), `"removed":1`) {
		t.Errorf("unlink: %s", r.Data["unlink"])
	}
	// Delete without cascade refuses while relationships remain; with cascade it removes them.
	if r := post(t, srv, adminKey, `mutation { deleteNode(id: "mt-proj") { deleted } }`, nil); r.code() != "CONFLICT" {
		t.Errorf("delete without cascade: %+v", r.Errors)
	}
	r = post(t, srv, adminKey, `mutation { deleteNode(id: "mt-proj", cascade: true) { deleted relationshipsRemoved } }`, nil)
	if !strings.Contains(string(r.Data["deleteNode"]), `"relationshipsRemoved":2`) {
		t.Errorf("cascade delete: %s %+v", r.Data["deleteNode"], r.Errors)
	}
	if n := len(neo4jtest.Run(t, "MATCH (a:Actor {id: 'mt-acme'}) RETURN a", nil)); n != 1 {
		t.Error("cascade deleted another node")
	}
}

func TestMutationInputErrors(t *testing.T) {
	srv := writeServer(t, true)
	t.Cleanup(func() { cleanupMT(t) })
	cases := []struct{ name, query, code, field string }{
		{"bad id", `mutation { upsertActor(input: {id: "Bad Id", name: "x", kind: COMPANY, source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.id"},
		{"bad source", `mutation { upsertActor(input: {id: "mt-x", name: "x", kind: COMPANY, source: "nowhere"}) { id } }`, "BAD_USER_INPUT", "input.source"},
		{"unknown source", `mutation { upsertActor(input: {id: "mt-x", name: "x", kind: COMPANY, source: "no-such-doc#x"}) { id } }`, "BAD_USER_INPUT", ""},
		{"negative amount", `mutation { setFunding(input: {funder: "we-battery-call", project: "batfactory", amount: -1, currency: "EUR", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.amount"},
		{"bad currency", `mutation { upsertProject(input: {id: "mt-p", name: "p", type: EU_GRANT, totalInvestment: 5, currency: "EURO", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.currency"},
		{"bad date", `mutation { upsertProject(input: {id: "mt-p", name: "p", type: EU_GRANT, startDate: "2025-13-01", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.startDate"},
		{"end before start", `mutation { upsertProject(input: {id: "mt-p", name: "p", type: EU_GRANT, startDate: "2025-02-01", endDate: "2025-01-01", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.endDate"},
		{"unknown enum", `mutation { upsertActor(input: {id: "mt-x", name: "x", kind: SPACESHIP, source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", ""},
		{"id of another type", `mutation { upsertActor(input: {id: "batfactory", name: "x", kind: COMPANY, source: "brochure#x"}) { id } }`, "CONFLICT", ""},
		{"missing endpoint", `mutation { setParticipation(input: {actor: "mt-nobody", project: "batfactory", role: PARTNER, source: "brochure#x"}) { id } }`, "NOT_FOUND", ""},
		{"link outside the model", `mutation { link(input: {from: "batfactory", type: ACTIVE_IN, to: "stage-refining", source: "brochure#x"}) { created } }`, "NOT_FOUND", ""},
		{"delete unknown", `mutation { deleteNode(id: "mt-nothing") { deleted } }`, "NOT_FOUND", ""},
		// Two amounts near the float maximum summed to infinity and broke every reader's totals.
		{"amount past the maximum", `mutation { setFunding(input: {funder: "we-battery-call", project: "batfactory", amount: 1.7e308, currency: "EUR", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.amount"},
		{"investment past the maximum", `mutation { upsertProject(input: {id: "mt-p", name: "p", type: EU_GRANT, totalInvestment: 2e15, currency: "EUR", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.totalInvestment"},
		{"link to itself", `mutation { link(input: {from: "ulb", type: PART_OF, to: "ulb", source: "brochure#x"}) { created } }`, "BAD_USER_INPUT", "input.to"},
		{"link from a non-slug", `mutation { link(input: {from: "Not A Slug!", type: PART_OF, to: "ulb", source: "brochure#x"}) { created } }`, "BAD_USER_INPUT", "input.from"},
		{"funding from a non-slug", `mutation { setFunding(input: {funder: "We Battery", project: "batfactory", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.funder"},
		{"delete a stage", `mutation { deleteNode(id: "stage-refining", cascade: true) { deleted } }`, "CONFLICT", ""},
		// A currency alone turned 1000 EUR into 1000 USD.
		{"currency without investment", `mutation { upsertProject(input: {id: "batfactory", name: "BatFactory", type: EU_GRANT, currency: "USD", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.totalInvestment"},
		{"currency without amount", `mutation { setFunding(input: {funder: "we-battery-call", project: "batfactory", currency: "USD", source: "brochure#x"}) { id } }`, "BAD_USER_INPUT", "input.amount"},
		{"delete a cited source", `mutation { deleteNode(id: "brochure", cascade: true) { deleted } }`, "CONFLICT", ""},
	}
	before := neo4jtest.Run(t, "MATCH (n) RETURN count(n) AS n", nil)[0].Values[0]
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, adminKey, tc.query, nil)
			if r.code() != tc.code {
				t.Fatalf("code %q, want %q: %+v", r.code(), tc.code, r.Errors)
			}
			if tc.field != "" && r.Errors[0].Extensions["field"] != tc.field {
				t.Errorf("field %v, want %s (%s)", r.Errors[0].Extensions["field"], tc.field, r.Errors[0].Message)
			}
		})
	}
	// A long id is quoted in part, not echoed whole.
	long := strings.Repeat("z", 100000)
	for _, q := range []string{
		`mutation($id: ID!) { link(input: {from: $id, type: PART_OF, to: "ulb", source: "brochure#x"}) { created } }`,
		`mutation($id: ID!) { upsertActor(input: {id: $id, name: "x", kind: COMPANY, source: "brochure#x"}) { id } }`,
		`mutation($id: ID!) { deleteNode(id: $id) { deleted } }`,
	} {
		r := post(t, srv, adminKey, q, map[string]any{"id": long})
		if r.code() != "BAD_USER_INPUT" || len(r.Errors[0].Message) > 300 || !strings.Contains(r.Errors[0].Message, "(100000 bytes) is longer than the 100 characters") {
			t.Errorf("%s: %s %.400s", q, r.code(), r.Errors)
		}
	}
	if after := neo4jtest.Run(t, "MATCH (n) RETURN count(n) AS n", nil)[0].Values[0]; after != before {
		t.Errorf("refused mutations changed the graph: %v nodes, then %v", before, after)
	}
}

// A date given alone is checked against the other one stored: a later upsert could set a
// start after the end.
func TestMutationDatesAgainstStored(t *testing.T) {
	srv := writeServer(t, true)
	t.Cleanup(func() { cleanupMT(t) })
	const op = `mutation($in: ProjectInput!) { upsertProject(input: $in) { id startDate endDate } }`
	in := func(dates map[string]any) map[string]any {
		m := map[string]any{"id": "mt-dates", "name": "Dates", "type": "EU_GRANT", "source": "brochure#introduction"}
		for k, v := range dates {
			m[k] = v
		}
		return map[string]any{"in": m}
	}
	if r := post(t, srv, adminKey, op, in(map[string]any{"startDate": "2024-01-01", "endDate": "2025-01-01"})); len(r.Errors) > 0 {
		t.Fatalf("create: %+v", r.Errors)
	}
	for _, tc := range []struct {
		dates map[string]any
		code  string
	}{
		{map[string]any{"startDate": "2026-01-01"}, "BAD_USER_INPUT"},
		{map[string]any{"endDate": "2020-01-01"}, "BAD_USER_INPUT"},
		{map[string]any{"startDate": "2024-06-01"}, ""},
		{map[string]any{"endDate": "2024-06-01"}, ""}, // the same day as the start
	} {
		if r := post(t, srv, adminKey, op, in(tc.dates)); r.code() != tc.code {
			t.Errorf("%v: code %q, want %q (%+v)", tc.dates, r.code(), tc.code, r.Errors)
		}
	}
	recs := neo4jtest.Run(t, "MATCH (p:Project {id: 'mt-dates'}) RETURN toString(p.startDate), toString(p.endDate)", nil)
	if got := recs[0].Values; got[0] != "2024-06-01" || got[1] != "2024-06-01" {
		t.Errorf("stored dates %v", got)
	}
}
