package graph_test

// Tests of the relationship queries over the seed graph. The expected answers were worked out
// by hand from data/seed/*.cypher; the comments say from what.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

type graphNode struct {
	ID, Label, Name string
	ShortName       *string
	Kind, Region    *string
	Depth           *int
}

type property struct{ Key, Value string }

type graphEdge struct {
	ID, Type, From, To string
	Role, Currency     *string
	Instrument         *string
	Amount             *float64
	Confidence         string
	Sources            []string
	Properties         []property
}

type path struct {
	Length int
	Nodes  []graphNode
	Hops   []struct {
		Type, Direction, From, To string
		Properties                []property
		Edge                      graphEdge
	}
}

const pathFields = `length nodes { id label name } hops { type direction from to properties { key value }
	edge { id type from to role amount currency instrument confidence sources properties { key value } } }`

func nodeIDs(ns []graphNode) string {
	return names(ns, func(n graphNode) string { return n.ID })
}

// TestNeighbourhood: UNamur's only relationships are PARTICIPATES_IN BatFactory
// (004_projects_funding) and Bao-Lian Su's WORKS_FOR (005_people), who is also BatFactory's
// contact; BatFactory has nine participants.
func TestNeighbourhood(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		One struct {
			Nodes     []graphNode
			Edges     []graphEdge
			Truncated bool
		}
		Two struct {
			Nodes     []graphNode
			Edges     []graphEdge
			Truncated bool
		}
		Cut struct {
			Nodes     []graphNode
			Truncated bool
		}
		Funds struct {
			Nodes []graphNode
			Edges []graphEdge
		}
	}
	a.query(t, `{
		one: neighbourhood(id: "unamur") { nodes { id label name shortName kind region depth } edges { id type from to role } truncated }
		two: neighbourhood(id: "unamur", depth: 2, relationshipTypes: [PARTICIPATES_IN]) { nodes { id depth } edges { id type from to role } truncated }
		cut: neighbourhood(id: "unamur", depth: 2, relationshipTypes: [PARTICIPATES_IN], limit: 5) { nodes { id depth } truncated }
		funds: neighbourhood(id: "batfactory", relationshipTypes: [FUNDS, TARGETS]) { nodes { id label } edges { id type from to amount currency instrument confidence sources properties { key value } } }
	}`, &resp)

	one := resp.One
	if got := nodeIDs(one.Nodes); got != "unamur,bao-lian-su,batfactory" || one.Truncated {
		t.Errorf("depth 1 nodes = %s (truncated %v)", got, one.Truncated)
	}
	c := one.Nodes[0]
	if c.Label != "Actor" || c.Name != "Université de Namur" || *c.ShortName != "UNamur" || *c.Kind != "UNIVERSITY" || *c.Region != "WAL" || *c.Depth != 0 {
		t.Errorf("centre = %+v", c)
	}
	if one.Nodes[1].Label != "Person" || one.Nodes[1].Kind != nil || *one.Nodes[1].Depth != 1 {
		t.Errorf("bao-lian-su = %+v", one.Nodes[1])
	}
	edges := names(one.Edges, func(e graphEdge) string { return e.ID })
	if edges != "bao-lian-su|CONTACT_FOR|batfactory,bao-lian-su|WORKS_FOR|unamur,unamur|PARTICIPATES_IN|batfactory" {
		t.Errorf("depth 1 edges = %s", edges)
	}
	if e := one.Edges[2]; e.From != "unamur" || e.To != "batfactory" || e.Type != "PARTICIPATES_IN" || *e.Role != "COORDINATOR" {
		t.Errorf("participation edge = %+v", e)
	}

	// Depth 2 over PARTICIPATES_IN: BatFactory, then its eight other participants.
	two := resp.Two
	if len(two.Nodes) != 10 || len(two.Edges) != 9 || two.Truncated {
		t.Errorf("depth 2: %d nodes, %d edges, truncated %v: %s", len(two.Nodes), len(two.Edges), two.Truncated, nodeIDs(two.Nodes))
	}
	for i, n := range two.Nodes {
		want := 2
		switch i {
		case 0:
			want = 0
		case 1:
			want = 1
		}
		if *n.Depth != want {
			t.Errorf("%s at depth %d, want %d", n.ID, *n.Depth, want)
		}
	}
	if !strings.Contains(nodeIDs(two.Nodes), "mecatech") || !strings.HasPrefix(nodeIDs(two.Nodes), "unamur,batfactory,cenaero,crm-group") {
		t.Errorf("depth 2 nodes = %s", nodeIDs(two.Nodes))
	}
	if len(resp.Cut.Nodes) != 5 || !resp.Cut.Truncated {
		t.Errorf("limit 5: %d nodes, truncated %v", len(resp.Cut.Nodes), resp.Cut.Truncated)
	}

	// BatFactory's funding and stages: EUR 11.4 million from the Recovery Plan, three stages.
	if got := nodeIDs(resp.Funds.Nodes); got != "batfactory,stage-cell-manufacturing,stage-materials-components,stage-module-pack,walloon-recovery-plan" {
		t.Errorf("funds/targets nodes = %s", got)
	}
	var funds *graphEdge
	for i, e := range resp.Funds.Edges {
		if e.Type == "FUNDS" {
			funds = &resp.Funds.Edges[i]
		}
	}
	if funds == nil || funds.ID != "walloon-recovery-plan|FUNDS|batfactory" || *funds.Amount != 11.4e6 || *funds.Currency != "EUR" ||
		*funds.Instrument != "GRANT" || funds.Confidence != "SOURCED" || len(funds.Sources) != 2 {
		t.Fatalf("FUNDS edge = %+v", funds)
	}
	props := names(funds.Properties, func(p property) string { return p.Key + "=" + p.Value })
	if props != "amount=11400000,confidence=SOURCED,currency=EUR,instrument=GRANT" {
		t.Errorf("FUNDS properties = %s", props)
	}
}

// TestShortestPathULBToWallonieEntreprendre: ULB's one relationship is its BatFactory
// partnership; BatFactory is funded by the Walloon Recovery Plan, which the Wallonie
// Entreprendre call is part of, which Wallonie Entreprendre manages (004_projects_funding).
// No other path is four hops or shorter.
func TestShortestPathULBToWallonieEntreprendre(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Paths                []path
		Reverse              []path
		Longer, NoStages     []path
		Typed, TypedNoStages []path
		ToStage              []path
	}
	a.query(t, fmt.Sprintf(`{
		paths: shortestPaths(from: "ulb", to: "wallonie-entreprendre") { %[1]s }
		reverse: shortestPaths(from: "wallonie-entreprendre", to: "ulb") { length nodes { id } hops { type direction from to } }
		longer: shortestPaths(from: "ulb", to: "wallonie-entreprendre", maxHops: 5, k: 10, viaStages: true) { length nodes { id } }
		noStages: shortestPaths(from: "ulb", to: "wallonie-entreprendre", maxHops: 5, k: 10) { length nodes { id } }
		typed: shortestPaths(from: "ulb", to: "wallonie-entreprendre", relationshipTypes: [PARTICIPATES_IN, TARGETS, FUNDS, MANAGES], maxHops: 6, viaStages: true) { length nodes { id } }
		typedNoStages: shortestPaths(from: "ulb", to: "wallonie-entreprendre", relationshipTypes: [PARTICIPATES_IN, TARGETS, FUNDS, MANAGES], maxHops: 6) { length }
		toStage: shortestPaths(from: "ulb", to: "stage-materials-components") { length nodes { id } }
	}`, pathFields), &resp)
	if len(resp.Paths) != 1 {
		t.Fatalf("paths = %+v", resp.Paths)
	}
	p := resp.Paths[0]
	if p.Length != 4 || nodeIDs(p.Nodes) != "ulb,batfactory,walloon-recovery-plan,we-battery-call,wallonie-entreprendre" {
		t.Fatalf("path = %d %s", p.Length, nodeIDs(p.Nodes))
	}
	hops := names(p.Hops, func(h struct {
		Type, Direction, From, To string
		Properties                []property
		Edge                      graphEdge
	}) string {
		return h.From + " " + h.Type + ":" + h.Direction + " " + h.To
	})
	want := "ulb PARTICIPATES_IN:FORWARD batfactory,batfactory FUNDS:BACKWARD walloon-recovery-plan," +
		"walloon-recovery-plan PART_OF:BACKWARD we-battery-call,we-battery-call MANAGES:BACKWARD wallonie-entreprendre"
	if hops != want {
		t.Errorf("hops = %s\nwant   %s", hops, want)
	}
	if e := p.Hops[1].Edge; e.From != "walloon-recovery-plan" || e.To != "batfactory" || *e.Amount != 11.4e6 {
		t.Errorf("funding hop edge = %+v", e)
	}
	if r := p.Hops[0].Properties; len(r) != 2 || r[1] != (property{"role", "PARTNER"}) {
		t.Errorf("first hop properties = %+v", r)
	}
	if p.Nodes[2].Label != "FundingProgramme" || p.Nodes[0].Name != "Université libre de Bruxelles" {
		t.Errorf("path nodes = %+v", p.Nodes)
	}
	// Walking the other way flips the directions.
	if r := resp.Reverse; len(r) != 1 || nodeIDs(r[0].Nodes) != "wallonie-entreprendre,we-battery-call,walloon-recovery-plan,batfactory,ulb" ||
		r[0].Hops[0].Direction != "FORWARD" || r[0].Hops[3].Direction != "BACKWARD" {
		t.Errorf("reverse = %+v", r)
	}
	// Five hops: through a stage BatFactory shares with Nuode's and Prayon's projects, which
	// the call funds.
	var five []string
	for _, l := range resp.Longer {
		if l.Length == 5 {
			five = append(five, nodeIDs(l.Nodes))
		}
	}
	if len(resp.Longer) != 3 || resp.Longer[0].Length != 4 || strings.Join(five, " ") !=
		"ulb,batfactory,stage-materials-components,nuode-copper-foil,we-battery-call,wallonie-entreprendre "+
			"ulb,batfactory,stage-materials-components,prayon-polyphosphoric-acid,we-battery-call,wallonie-entreprendre" {
		t.Errorf("maxHops 5 = %+v", resp.Longer)
	}
	// Without PART_OF the Recovery Plan route is closed; the stage route remains.
	for _, l := range resp.Typed {
		if strings.Contains(nodeIDs(l.Nodes), "walloon-recovery-plan") || l.Length != 5 {
			t.Errorf("typed path = %d %s", l.Length, nodeIDs(l.Nodes))
		}
	}
	if len(resp.Typed) != 2 {
		t.Errorf("typed paths = %d", len(resp.Typed))
	}
	// By default no path passes through a stage: the two five-hop routes above are gone, and
	// without PART_OF no route is left at all.
	for _, l := range resp.NoStages {
		if strings.Contains(nodeIDs(l.Nodes), "stage-") {
			t.Errorf("path through a stage without viaStages: %s", nodeIDs(l.Nodes))
		}
	}
	if len(resp.NoStages) == 0 || resp.NoStages[0].Length != 4 || len(resp.TypedNoStages) != 0 {
		t.Errorf("without stages: %+v, typed %+v", resp.NoStages, resp.TypedNoStages)
	}
	// A stage is still a valid end.
	if len(resp.ToStage) == 0 || nodeIDs(resp.ToStage[0].Nodes) != "ulb,batfactory,stage-materials-components" {
		t.Errorf("ulb to a stage = %+v", resp.ToStage)
	}
}

type explanation struct {
	Kind, Text string
	Path       struct {
		Length int
		Nodes  []graphNode
	}
}

// TestConnection checks the explanations of a few pairs, one of each kind.
func TestConnection(t *testing.T) {
	a := newAPI(t)
	type conn struct {
		From, To     graphNode
		Connected    bool
		Explanations []explanation
	}
	var resp struct{ Ulb, Pair, Partners, Labs, Organisers, Stage, Apart conn }
	q := `from { id name } to { id } connected explanations { kind text path { length nodes { id } } }`
	a.query(t, fmt.Sprintf(`{
		ulb: connection(from: "ulb", to: "wallonie-entreprendre") { %[1]s }
		pair: connection(from: "unamur", to: "crm-group") { %[1]s }
		partners: connection(from: "umons", to: "ulb") { %[1]s }
		labs: connection(from: "gemme", to: "greenmat") { %[1]s }
		organisers: connection(from: "team2", to: "mecatech") { %[1]s }
		stage: connection(from: "prayon", to: "nanocyl") { %[1]s }
		apart: connection(from: "abee", to: "stage-extraction") { %[1]s }
	}`, q), &resp)

	first := func(name string, c conn, kind, text string, length int) {
		t.Helper()
		if !c.Connected || len(c.Explanations) == 0 {
			t.Fatalf("%s: not connected", name)
		}
		e := c.Explanations[0]
		if e.Kind != kind || e.Text != text || e.Path.Length != length {
			t.Errorf("%s: first explanation = %s %q (%d hops)\nwant %s %q (%d hops)", name, e.Kind, e.Text, e.Path.Length, kind, text, length)
		}
		// Ranked: kinds never go back up the list, and within a kind shorter paths come first.
		rank := map[string]int{"DIRECT": 0, "SHARED_PROJECT": 1, "SHARED_ORGANISATION": 2, "SHARED_EVENT": 3, "SHARED_STAGE": 4, "FUNDING": 5, "OTHER": 6}
		for i := 1; i < len(c.Explanations); i++ {
			p, q := c.Explanations[i-1], c.Explanations[i]
			if rank[q.Kind] < rank[p.Kind] || (q.Kind == p.Kind && q.Path.Length < p.Path.Length) {
				t.Errorf("%s: %s (%d) ranked after %s (%d)", name, q.Kind, q.Path.Length, p.Kind, p.Path.Length)
			}
		}
	}
	// ULB takes part in BatFactory, funded by the Recovery Plan, which includes the call that
	// Wallonie Entreprendre manages.
	first("ulb", resp.Ulb, "FUNDING", "ULB is a partner in BatFactory, which is funded by Walloon Recovery Plan (Plan de Relance de la Wallonie), "+
		"which includes Wallonie Entreprendre battery value-chain call, which is managed by Wallonie Entreprendre.", 4)
	if nodeIDs(resp.Ulb.Explanations[0].Path.Nodes) != "ulb,batfactory,walloon-recovery-plan,we-battery-call,wallonie-entreprendre" {
		t.Errorf("ulb path = %s", nodeIDs(resp.Ulb.Explanations[0].Path.Nodes))
	}
	if resp.Ulb.From.Name != "Université libre de Bruxelles" || resp.Ulb.To.ID != "wallonie-entreprendre" {
		t.Errorf("ulb ends = %+v %+v", resp.Ulb.From, resp.Ulb.To)
	}
	// UNamur coordinates BatFactory, where CRM is a partner.
	first("pair", resp.Pair, "SHARED_PROJECT",
		"UNamur (coordinator) and CRM (partner) both take part in BatFactory, funded by Walloon Recovery Plan (Plan de Relance de la Wallonie).", 2)
	first("partners", resp.Partners, "SHARED_PROJECT",
		"UMons and ULB are both partners in BatFactory, funded by Walloon Recovery Plan (Plan de Relance de la Wallonie).", 2)
	// GeMMe and GREEnMat are both PART_OF ULiège (003_actors).
	first("labs", resp.Labs, "SHARED_ORGANISATION", "GeMMe and GREEnMat are both part of ULiège.", 2)
	// TEAM2 and MecaTech both ORGANISED the BATMASS workshop (007_events).
	first("organisers", resp.Organisers, "SHARED_EVENT", "TEAM2 and MecaTech both organised BATMASS co-creation workshop on the Circular Battery Valley.", 2)
	// Prayon and Nanocyl are both ACTIVE_IN materials and components; only the shortest path
	// per stage is kept, so Prayon's project route does not come again.
	first("stage", resp.Stage, "SHARED_STAGE", "Prayon and Nanocyl are both active in the materials and components stage.", 2)
	for _, e := range resp.Stage.Explanations[1:] {
		if e.Kind == "SHARED_STAGE" {
			t.Errorf("a second stage explanation: %q", e.Text)
		}
	}
	// ABEE (module/pack) has no path to the extraction stage that connection walks.
	if resp.Apart.Connected || len(resp.Apart.Explanations) != 0 || resp.Apart.From.ID != "abee" {
		t.Errorf("abee and extraction = %+v", resp.Apart)
	}
}

// TestCollaborators: UNamur's only project is BatFactory, with eight other participants;
// all of them share its three stages and nothing else with UNamur (UNamur has no ACTIVE_IN).
func TestCollaborators(t *testing.T) {
	a := newAPI(t)
	type collab struct {
		Actor          struct{ ID, Name, Kind string }
		SharedProjects []struct{ ID string }
		SharedStages   []struct{ Code string }
		Weight         float64
	}
	var resp struct {
		All   []collab
		Three []collab
		Crm   []struct {
			Actor  struct{ ID string }
			Weight float64
		}
	}
	a.query(t, `{
		all: collaborators(id: "unamur") { actor { id name kind } sharedProjects { id } sharedStages { code } weight }
		three: collaborators(id: "unamur", first: 3) { actor { id } weight }
		crm: collaborators(id: "crm-group", first: 100) { actor { id } weight }
	}`, &resp)
	ids := names(resp.All, func(c collab) string { return c.Actor.ID })
	if ids != "cenaero,crm-group,materia-nova,mecatech,uclouvain,uliege,umons,ulb" {
		t.Errorf("collaborators = %s", ids)
	}
	for _, c := range resp.All {
		projects := names(c.SharedProjects, func(p struct{ ID string }) string { return p.ID })
		stages := names(c.SharedStages, func(s struct{ Code string }) string { return s.Code })
		if projects != "batfactory" || stages != "MATERIALS_COMPONENTS,CELL_MANUFACTURING,MODULE_PACK" || c.Weight != 2.5 {
			t.Errorf("%s: projects %s, stages %s, weight %v", c.Actor.ID, projects, stages, c.Weight)
		}
	}
	if len(resp.Three) != 3 || resp.Three[2].Actor.ID != "materia-nova" {
		t.Errorf("first 3 = %+v", resp.Three)
	}
	// CRM Group is also in WIN4C, which no one else takes part in.
	if len(resp.Crm) != 8 || strings.Contains(names(resp.Crm, func(c struct {
		Actor  struct{ ID string }
		Weight float64
	}) string {
		return c.Actor.ID
	}), "crm-group") {
		t.Errorf("crm collaborators = %+v", resp.Crm)
	}
}

type fundingFlows struct {
	From       *graphNode
	Programmes []struct{ ID string }
	Flows      []struct {
		Funder     graphNode
		Via        []graphNode
		Project    struct{ ID, Name string }
		Amount     *float64
		Currency   *string
		Instrument *string
		Recipients []struct {
			Actor struct{ ID string }
			Role  *string
		}
	}
	Totals []struct {
		Currency              string
		Amount                float64
		Fundings, Undisclosed int
	}
	Undisclosed, ProjectCount, ActorCount, FlowCount int
}

// asJSON is v in JSON, to compare values holding pointers.
func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestFundingFlows: the Recovery Plan funds BatFactory (EUR 11.4 million) and, through the
// Wallonie Entreprendre call that is part of it, six investment projects with no public
// amount each (004_projects_funding).
func TestFundingFlows(t *testing.T) {
	a := newAPI(t)
	var resp struct{ Plan, Spw, Recycling, Top2, None fundingFlows }
	q := `from { id label } programmes { id } flows { funder { id } via { id } project { id name } amount currency instrument
		recipients { actor { id } role } } totals { currency amount fundings undisclosed } undisclosed projectCount actorCount flowCount`
	a.query(t, fmt.Sprintf(`{
		plan: fundingFlows(from: "walloon-recovery-plan") { %[1]s }
		spw: fundingFlows(from: "spw") { %[1]s }
		recycling: fundingFlows(from: "walloon-recovery-plan", stage: RECYCLING_RECOVERY) { %[1]s }
		top2: fundingFlows(from: "walloon-recovery-plan", first: 2) { %[1]s }
		none: fundingFlows(from: "walloon-recovery-plan", first: 0) { %[1]s }
	}`, q), &resp)

	p := resp.Plan
	if p.From == nil || p.From.ID != "walloon-recovery-plan" || p.From.Label != "FundingProgramme" {
		t.Errorf("from = %+v", p.From)
	}
	if got := names(p.Programmes, func(x struct{ ID string }) string { return x.ID }); got != "we-battery-call,walloon-recovery-plan" {
		t.Errorf("programmes = %s", got)
	}
	if len(p.Flows) != 7 {
		t.Fatalf("flows = %d", len(p.Flows))
	}
	bf := p.Flows[0] // the one public amount comes first
	if bf.Project.ID != "batfactory" || *bf.Amount != 11.4e6 || *bf.Currency != "EUR" || *bf.Instrument != "GRANT" ||
		nodeIDs(bf.Via) != "walloon-recovery-plan" || len(bf.Recipients) != 9 || bf.Recipients[0].Actor.ID != "unamur" ||
		*bf.Recipients[0].Role != "COORDINATOR" || *bf.Recipients[8].Role != "SUPPORT" {
		t.Errorf("batfactory flow = %+v", bf)
	}
	var investments []string
	for _, f := range p.Flows[1:] {
		if f.Funder.ID != "we-battery-call" || f.Amount != nil || *f.Currency != "EUR" || *f.Instrument != "MIXED" ||
			nodeIDs(f.Via) != "walloon-recovery-plan,we-battery-call" {
			t.Errorf("call flow = %+v", f)
		}
		investments = append(investments, f.Project.ID)
	}
	if strings.Join(investments, ",") != "botree-ncm-recycling,envirobelgium-lead-acid-recycling,nuode-copper-foil,"+
		"octave-watt4ever-second-life-storage,prayon-polyphosphoric-acid,revatech-portable-battery-recycling" {
		t.Errorf("investment projects = %v", investments)
	}
	if len(p.Totals) != 1 || p.Totals[0].Currency != "EUR" || p.Totals[0].Amount != 11.4e6 || p.Totals[0].Fundings != 7 || p.Totals[0].Undisclosed != 6 {
		t.Errorf("totals = %+v", p.Totals)
	}
	// 9 BatFactory participants, 7 companies in the six investment projects.
	if p.Undisclosed != 6 || p.ProjectCount != 7 || p.ActorCount != 16 || p.FlowCount != 7 {
		t.Errorf("undisclosed %d, projects %d, actors %d, flowCount %d", p.Undisclosed, p.ProjectCount, p.ActorCount, p.FlowCount)
	}
	// first cuts the list, not the totals and counts: the same first flows, the same figures.
	for name, cut := range map[string]struct {
		got  fundingFlows
		want int
	}{"first: 2": {resp.Top2, 2}, "first: 0": {resp.None, 0}} {
		g := cut.got
		if len(g.Flows) != cut.want || asJSON(g.Flows) != asJSON(p.Flows[:cut.want]) || g.FlowCount != 7 ||
			fmt.Sprint(g.Totals) != fmt.Sprint(p.Totals) || g.Undisclosed != 6 || g.ProjectCount != 7 || g.ActorCount != 16 {
			t.Errorf("%s: %d flows (want the first %d), flowCount %d, totals %+v, undisclosed %d, projects %d, actors %d",
				name, len(g.Flows), cut.want, g.FlowCount, g.Totals, g.Undisclosed, g.ProjectCount, g.ActorCount)
		}
	}

	// The SPW manages the Recovery Plan and the S3, whose WIN4C funding records no currency:
	// it is counted under XXX, never added to the euros.
	s := resp.Spw
	if got := names(s.Programmes, func(x struct{ ID string }) string { return x.ID }); got != "wallonia-s3,we-battery-call,walloon-recovery-plan" {
		t.Errorf("spw programmes = %s", got)
	}
	if len(s.Totals) != 2 || s.Totals[0] != p.Totals[0] || s.Totals[1].Currency != "XXX" || s.Totals[1].Fundings != 1 || s.Totals[1].Undisclosed != 1 || s.Totals[1].Amount != 0 {
		t.Errorf("spw totals = %+v", s.Totals)
	}
	if len(s.Flows) != 8 || nodeIDs(s.Flows[1].Via) != "spw,walloon-recovery-plan,we-battery-call" || s.ProjectCount != 8 || s.FlowCount != 8 {
		t.Errorf("spw flows = %d, via %s", len(s.Flows), nodeIDs(s.Flows[1].Via))
	}

	// Recycling: Botree, EnviroBelgium and Revatech target RECYCLING_RECOVERY.
	r := resp.Recycling
	if len(r.Flows) != 3 || len(r.Totals) != 1 || r.Totals[0].Amount != 0 || r.Totals[0].Undisclosed != 3 || r.ActorCount != 3 || r.FlowCount != 3 {
		t.Errorf("recycling = %+v", r)
	}
}

// TestStageCoverage: Walloon ACTIVE_IN edges (003_actors) are Prayon, Nanocyl and GREEnMat in
// materials and components, Revatech in collection and recycling, EnviroBelgium in
// recycling, GeMMe in dismantling and recycling. Walloon participants of projects
// (004_projects_funding): BatFactory's eight (materials, cells, packs), CRM Group in WIN4C
// (collection, recycling), Prayon, Revatech and EnviroBelgium in their own.
func TestStageCoverage(t *testing.T) {
	a := newAPI(t)
	type coverage struct {
		Stage                                   struct{ Code string }
		DirectActors, ProjectActors, ActorCount int
		ProjectCount                            int
		Gap                                     bool
		Actors                                  []struct {
			Actor   struct{ ID string }
			Direct  bool
			Through []struct{ ID string }
		}
		Projects []struct{ ID string }
	}
	var resp struct{ Wal, All []coverage }
	q := `stage { code } directActors projectActors actorCount projectCount gap actors { actor { id } direct through { id } } projects { id }`
	a.query(t, fmt.Sprintf(`{ wal: stageCoverage(region: WAL) { %[1]s } all: stageCoverage { %[1]s } }`, q), &resp)
	want := map[string][5]int{ // direct, via projects, distinct, projects, gap
		"EXTRACTION":               {0, 0, 0, 0, 1},
		"REFINING":                 {0, 0, 0, 0, 1},
		"MATERIALS_COMPONENTS":     {3, 9, 11, 3, 0},
		"CELL_MANUFACTURING":       {0, 8, 8, 1, 0},
		"MODULE_PACK":              {0, 8, 8, 1, 0},
		"INTEGRATION_USE":          {0, 0, 0, 0, 1},
		"COLLECTION_LOGISTICS":     {1, 2, 2, 2, 0},
		"SECOND_LIFE":              {0, 0, 0, 2, 1},
		"DISMANTLING_PRETREATMENT": {1, 0, 1, 1, 0},
		"RECYCLING_RECOVERY":       {3, 3, 4, 5, 0},
	}
	order := []string{"EXTRACTION", "REFINING", "MATERIALS_COMPONENTS", "CELL_MANUFACTURING", "MODULE_PACK", "INTEGRATION_USE",
		"COLLECTION_LOGISTICS", "SECOND_LIFE", "DISMANTLING_PRETREATMENT", "RECYCLING_RECOVERY"}
	if len(resp.Wal) != 10 {
		t.Fatalf("%d stages", len(resp.Wal))
	}
	var gaps []string
	for i, s := range resp.Wal {
		if s.Stage.Code != order[i] {
			t.Errorf("stage %d = %s, want %s", i, s.Stage.Code, order[i])
		}
		w := want[s.Stage.Code]
		got := [5]int{s.DirectActors, s.ProjectActors, s.ActorCount, s.ProjectCount, 0}
		if s.Gap {
			got[4] = 1
			gaps = append(gaps, s.Stage.Code)
		}
		if got != w || len(s.Actors) != s.ActorCount || len(s.Projects) != s.ProjectCount {
			t.Errorf("%s = %v (%d actors listed), want %v", s.Stage.Code, got, len(s.Actors), w)
		}
	}
	// The value-chain stages with no Walloon actor.
	if strings.Join(gaps, ",") != "EXTRACTION,REFINING,INTEGRATION_USE,SECOND_LIFE" {
		t.Errorf("Walloon gaps = %v", gaps)
	}
	rec := resp.Wal[9]
	var listed []string
	for _, x := range rec.Actors {
		listed = append(listed, fmt.Sprintf("%s:%v:%s", x.Actor.ID, x.Direct, names(x.Through, func(p struct{ ID string }) string { return p.ID })))
	}
	if strings.Join(listed, " ") != "crm-group:false:win4c envirobelgium:true:envirobelgium-lead-acid-recycling gemme:true: revatech:true:revatech-portable-battery-recycling" {
		t.Errorf("recycling actors = %v", listed)
	}
	// Over every region: Umicore refines, Octave and Watt4Ever do second life; nobody extracts
	// or integrates.
	var allGaps []string
	for _, s := range resp.All {
		if s.Gap {
			allGaps = append(allGaps, s.Stage.Code)
		}
	}
	if strings.Join(allGaps, ",") != "EXTRACTION,INTEGRATION_USE" {
		t.Errorf("gaps over every region = %v", allGaps)
	}
}

// TestFactors: per topic (006_topics_factors), the barriers whose categories no lever of the
// topic shares. Smart battery disassembly: levers TECHNOLOGICAL ×2 and POLITICAL, so all three
// barriers (ECONOMICAL ×2, ENVIRONMENTAL); recycling quest: one LEGAL lever, so all three
// barriers; electrode materials: the ECONOMICAL investment-risk barrier; second life and
// massification: none.
func TestFactors(t *testing.T) {
	a := newAPI(t)
	type factor struct {
		ID, Type   string
		Categories []string
		Topic      struct{ ID string }
	}
	type report struct {
		Barriers, Levers, BarriersWithoutLever []factor
		Rule                                   string
	}
	var resp struct{ All, Economical, Electrode report }
	q := `barriers { id type } levers { id type } barriersWithoutLever { id categories topic { id } } rule`
	a.query(t, fmt.Sprintf(`{ all: factors { %[1]s } economical: factors(category: ECONOMICAL) { %[1]s }
		electrode: factors(topic: "topic-electrode-materials") { %[1]s } }`, q), &resp)
	ids := func(fs []factor) string { return names(fs, func(f factor) string { return f.ID }) }
	if len(resp.All.Barriers) != 15 || len(resp.All.Levers) != 13 {
		t.Errorf("%d barriers, %d levers, want 15 and 13", len(resp.All.Barriers), len(resp.All.Levers))
	}
	for _, f := range resp.All.Levers {
		if f.Type != "LEVER" {
			t.Errorf("%s is a %s", f.ID, f.Type)
		}
	}
	want := "barrier-recycling-diverse-chemistry,barrier-recycling-recycled-cost,barrier-recycling-timeline-sync," +
		"barrier-electrode-investment-risk," +
		"barrier-disassembly-competitiveness-china,barrier-disassembly-high-capex,barrier-disassembly-battery-ownership"
	if got := ids(resp.All.BarriersWithoutLever); got != want {
		t.Errorf("barriers without lever = %s\nwant %s", got, want)
	}
	if !strings.Contains(resp.All.Rule, "no lever of the same topic") {
		t.Errorf("rule = %q", resp.All.Rule)
	}
	// ECONOMICAL: massification has an ECONOMICAL lever (cross-border funding); the others not.
	if got := ids(resp.Economical.BarriersWithoutLever); got != "barrier-recycling-recycled-cost,barrier-electrode-investment-risk,"+
		"barrier-disassembly-competitiveness-china,barrier-disassembly-high-capex" {
		t.Errorf("economical barriers without lever = %s", got)
	}
	if ids(resp.Economical.Levers) != "lever-massification-cross-border-funding" || len(resp.Economical.Barriers) != 6 {
		t.Errorf("economical = %d barriers, levers %s", len(resp.Economical.Barriers), ids(resp.Economical.Levers))
	}
	e := resp.Electrode
	if len(e.Barriers) != 3 || len(e.Levers) != 3 || ids(e.BarriersWithoutLever) != "barrier-electrode-investment-risk" ||
		e.BarriersWithoutLever[0].Topic.ID != "topic-electrode-materials" {
		t.Errorf("electrode = %+v", e)
	}
}

// TestEcosystemStats compares the graph's counts with the brochure's 40 / 20 / 7 / 1
// (008_figures): 21 Walloon actors in 003_actors; 7 of them coordinate or are partners in
// BatFactory or WIN4C (MecaTech only supports BatFactory, ULB is in Brussels); the call funds
// six investment projects (the sources name six); WIN4C is the one strategic initiative.
func TestEcosystemStats(t *testing.T) {
	a := newAPI(t)
	type headline struct {
		Label, Definition string
		GraphCount        int
		Stated            *float64
		FigureID          string
		FigureSources     []string
		Note              *string
		IDs               []string `json:"ids"`
	}
	var resp struct {
		EcosystemStats struct{ WalloonActors, WalloonActorsInRdProjects, InvestmentProjects, StrategicInitiatives headline }
	}
	a.query(t, `{ ecosystemStats {
		walloonActors { label definition graphCount stated figureId figureSources note ids }
		walloonActorsInRdProjects { label definition graphCount stated figureId figureSources note ids }
		investmentProjects { label definition graphCount stated figureId figureSources note ids }
		strategicInitiatives { label definition graphCount stated figureId figureSources note ids } } }`, &resp)
	s := resp.EcosystemStats
	for _, c := range []struct {
		name   string
		h      headline
		count  int
		stated float64
		figure string
		ids    string
	}{
		{"walloonActors", s.WalloonActors, 21, 40, "figure-walloon-players-value-chain", ""},
		{"walloonActorsInRdProjects", s.WalloonActorsInRdProjects, 7, 20, "figure-walloon-players-rd-projects",
			"cenaero,crm-group,materia-nova,uclouvain,uliege,umons,unamur"},
		{"investmentProjects", s.InvestmentProjects, 6, 7, "figure-selected-investment-projects",
			"botree-ncm-recycling,envirobelgium-lead-acid-recycling,nuode-copper-foil,octave-watt4ever-second-life-storage,prayon-polyphosphoric-acid,revatech-portable-battery-recycling"},
		{"strategicInitiatives", s.StrategicInitiatives, 1, 1, "figure-strategic-innovation-initiatives", "win4c"},
	} {
		h := c.h
		if h.GraphCount != c.count || h.Stated == nil || *h.Stated != c.stated || h.FigureID != c.figure || len(h.IDs) != h.GraphCount ||
			h.Label == "" || h.Definition == "" || len(h.FigureSources) == 0 {
			t.Errorf("%s = %+v", c.name, h)
		}
		if c.ids != "" && strings.Join(h.IDs, ",") != c.ids {
			t.Errorf("%s ids = %v", c.name, h.IDs)
		}
	}
	if n := s.InvestmentProjects.Note; n == nil || !strings.Contains(*n, "six project items") {
		t.Errorf("the note on 7 vs 6 = %v", n)
	}
}

// TestRelationBounds: bounds and unknown ids.
func TestRelationBounds(t *testing.T) {
	a := newAPI(t)
	cases := []struct{ name, query, code, message string }{
		{"depth 0", `{ neighbourhood(id: "ulb", depth: 0) { truncated } }`, "BAD_USER_INPUT", "depth must be between 1 and 3"},
		{"depth 4", `{ neighbourhood(id: "ulb", depth: 4) { truncated } }`, "BAD_USER_INPUT", "depth must be between 1 and 3"},
		{"limit 501", `{ neighbourhood(id: "ulb", limit: 501) { truncated } }`, "BAD_USER_INPUT", "limit must be between 1 and 500"},
		{"no types", `{ neighbourhood(id: "ulb", relationshipTypes: []) { truncated } }`, "BAD_USER_INPUT", "relationshipTypes must name at least one type"},
		{"unknown type", `{ neighbourhood(id: "ulb", relationshipTypes: [KNOWS]) { truncated } }`, "BAD_USER_INPUT", "KNOWS"},
		{"maxHops 7", `{ shortestPaths(from: "ulb", to: "umons", maxHops: 7) { length } }`, "BAD_USER_INPUT", "maxHops must be between 1 and 6"},
		{"k 11", `{ shortestPaths(from: "ulb", to: "umons", k: 11) { length } }`, "BAD_USER_INPUT", "k must be between 1 and 10"},
		{"k 0", `{ shortestPaths(from: "ulb", to: "umons", k: 0) { length } }`, "BAD_USER_INPUT", "k must be between 1 and 10"},
		{"same ends", `{ shortestPaths(from: "ulb", to: "ulb") { length } }`, "BAD_USER_INPUT", "from and to must be different nodes"},
		{"same actors", `{ connection(from: "ulb", to: "ulb") { connected } }`, "BAD_USER_INPUT", "from and to must be different nodes"},
		{"first 501", `{ collaborators(id: "ulb", first: 501) { weight } }`, "BAD_USER_INPUT", "first must be between 0 and 500"},
		{"flows first 501", `{ fundingFlows(first: 501) { flowCount } }`, "BAD_USER_INPUT", "first must be between 0 and 500"},
		{"flows first -1", `{ fundingFlows(first: -1) { flowCount } }`, "BAD_USER_INPUT", "first must be between 0 and 500"},
		{"unknown centre", `{ neighbourhood(id: "no-such-node") { truncated } }`, "NOT_FOUND", `no node with id "no-such-node"`},
		{"unknown path end", `{ shortestPaths(from: "ulb", to: "no-such-node") { length } }`, "NOT_FOUND", `"no-such-node" is not the id of a node`},
		{"unknown path start", `{ shortestPaths(from: "no-such-node", to: "ulb") { length } }`, "NOT_FOUND", `"no-such-node"`},
		{"unknown connection end", `{ connection(from: "ulb", to: "no-such-node") { connected } }`, "NOT_FOUND", `"no-such-node" is not the id of a node`},
		{"unknown actor", `{ collaborators(id: "no-such-actor") { weight } }`, "NOT_FOUND", `no actor with id "no-such-actor"`},
		{"collaborators of a project", `{ collaborators(id: "batfactory") { weight } }`, "NOT_FOUND", `no actor with id "batfactory"`},
		{"unknown funder", `{ fundingFlows(from: "no-such-programme") { undisclosed } }`, "NOT_FOUND", "no funding programme or actor"},
		{"unknown topic", `{ factors(topic: "no-such-topic") { rule } }`, "NOT_FOUND", `no topic with id "no-such-topic"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := a.gqlErrors(t, tc.query)
			if len(errs) == 0 {
				t.Fatalf("no error")
			}
			if errs[0].code() != tc.code || !strings.Contains(errs[0].Message, tc.message) {
				t.Errorf("got %s %q, want %s %q", errs[0].code(), errs[0].Message, tc.code, tc.message)
			}
		})
	}
}

// hubSize is how many actors the synthetic hub project has.
const hubSize = 5000

// TestHub adds a project with 5,000 actors (ids hubtest-*, valid nodes of the model, deleted
// at the end) that targets the recycling stage, and checks that no relationship query returns
// more than its bounds or times out around it.
func TestHub(t *testing.T) {
	a := newAPI(t)
	// The hub is written with plain Cypher, as a steward's cypher-shell would: the stored
	// stage coverage counts are recounted after it, as `batterykg migrate` does.
	recount := func() {
		if err := a.store.RecountCoverage(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	cleanup := func() {
		neo4jtest.Run(t, "MATCH (n:Actor|Project) WHERE n.id STARTS WITH 'hubtest-' DETACH DELETE n", nil)
		recount()
	}
	cleanup()
	t.Cleanup(cleanup)
	neo4jtest.Run(t, `WITH {sources: ['brochure#hub-test'], confidence: 'INFERRED', updatedAt: datetime('2026-01-01T00:00:00Z')} AS prov
		CREATE (h:Project {id: 'hubtest-project', name: 'Hub test project', type: 'RESEARCH_PORTFOLIO'}) SET h += prov
		WITH h, prov MATCH (s:ValueChainStage {code: 'RECYCLING_RECOVERY'}) CREATE (h)-[:TARGETS {sources: prov.sources, confidence: prov.confidence}]->(s)
		WITH h, prov UNWIND range(1, $n) AS i
		CREATE (x:Actor:Company {id: 'hubtest-actor-' + i, name: 'Hub test actor ' + i}) SET x += prov
		CREATE (x)-[:PARTICIPATES_IN {role: 'PARTNER', sources: prov.sources, confidence: prov.confidence}]->(h)`,
		map[string]any{"n": hubSize})
	recount()

	timed := func(name, q string, out any) {
		t.Helper()
		start := time.Now()
		a.query(t, q, out)
		t.Logf("%s: %v", name, time.Since(start))
	}
	type subgraph struct {
		Nodes     []struct{ ID string }
		Edges     []struct{ ID string }
		Truncated bool
	}
	var hub struct{ Neighbourhood subgraph }
	timed("hub neighbourhood", `{ neighbourhood(id: "hubtest-project", limit: 100) { nodes { id } edges { id } truncated } }`, &hub)
	if n := hub.Neighbourhood; len(n.Nodes) != 100 || !n.Truncated || len(n.Edges) > 300 || n.Nodes[0].ID != "hubtest-project" {
		t.Errorf("hub neighbourhood: %d nodes, %d edges, truncated %v", len(n.Nodes), len(n.Edges), n.Truncated)
	}
	var deep struct{ Neighbourhood subgraph }
	timed("deep neighbourhood", `{ neighbourhood(id: "hubtest-actor-1", depth: 3, limit: 500) { nodes { id } edges { id } truncated } }`, &deep)
	if n := deep.Neighbourhood; len(n.Nodes) != 500 || !n.Truncated || len(n.Edges) > 1500 {
		t.Errorf("deep neighbourhood: %d nodes, %d edges, truncated %v", len(n.Nodes), len(n.Edges), n.Truncated)
	}
	var stage struct{ Neighbourhood subgraph }
	timed("stage neighbourhood", `{ neighbourhood(id: "stage-recycling-recovery", depth: 2, limit: 50) { nodes { id } edges { id } truncated } }`, &stage)
	if n := stage.Neighbourhood; len(n.Nodes) != 50 || !n.Truncated {
		t.Errorf("stage neighbourhood: %d nodes, truncated %v", len(n.Nodes), n.Truncated)
	}

	var paths struct {
		ShortestPaths []struct {
			Length int
			Nodes  []struct{ ID string }
		}
	}
	timed("paths", `{ shortestPaths(from: "hubtest-actor-1", to: "hubtest-actor-4999", k: 10, maxHops: 6) { length nodes { id } } }`, &paths)
	if p := paths.ShortestPaths; len(p) != 1 || p[0].Length != 2 || p[0].Nodes[1].ID != "hubtest-project" {
		t.Errorf("paths through the hub = %+v", p)
	}

	var collab struct {
		Collaborators []struct {
			Actor  struct{ ID string }
			Weight float64
		}
	}
	timed("collaborators", `{ collaborators(id: "hubtest-actor-1", first: 20) { actor { id } weight } }`, &collab)
	if c := collab.Collaborators; len(c) != 20 || c[0].Weight != 1.5 {
		t.Errorf("hub collaborators: %d, first %+v", len(c), c)
	}

	var conn struct {
		Connection struct {
			Explanations []struct{ Kind, Text string }
		}
	}
	timed("connection", `{ connection(from: "botree", to: "hubtest-actor-7") { explanations { kind text } } }`, &conn)
	if e := conn.Connection.Explanations; len(e) == 0 || e[0].Kind != "SHARED_STAGE" ||
		e[0].Text != "Botree and Hub test actor 7 both work in the recycling and recovery stage (Botree directly, Hub test actor 7 through Hub test project)." {
		t.Errorf("botree and a hub actor = %+v", e)
	}

	var cov struct {
		StageCoverage []struct {
			Stage         struct{ Code string }
			ProjectActors int
			Actors        []struct{ Actor struct{ ID string } }
		}
	}
	timed("coverage", `{ stageCoverage { stage { code } projectActors actors { actor { id } } } }`, &cov)
	rec := cov.StageCoverage[9]
	if rec.Stage.Code != "RECYCLING_RECOVERY" || rec.ProjectActors != hubSize+4 || len(rec.Actors) != 500 {
		t.Errorf("recycling with the hub: %d project actors, %d listed", rec.ProjectActors, len(rec.Actors))
	}
}
