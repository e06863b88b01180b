package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
)

func TestActorLookup(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Actor struct {
			ID, Name, Kind string
			Region         *string
			Sources        []string
			Confidence     string
			Projects       struct {
				TotalCount int
				Edges      []struct {
					Role    string
					Project struct{ ID, Name string }
				}
			}
		}
		Missing *struct{ ID string }
	}
	a.query(t, `{ actor(id: "unamur") { id name kind region sources confidence
		projects { totalCount edges { role project { id name } } } }
		missing: actor(id: "no-such-actor") { id } }`, &resp)
	got := resp.Actor
	if got.ID != "unamur" || got.Kind != "UNIVERSITY" || got.Region == nil || *got.Region != "WAL" {
		t.Fatalf("unamur = %+v", got)
	}
	if len(got.Sources) == 0 || got.Confidence != "SOURCED" {
		t.Errorf("unamur provenance = %v %s", got.Sources, got.Confidence)
	}
	var coordinates bool
	for _, e := range got.Projects.Edges {
		coordinates = coordinates || (e.Project.ID == "batfactory" && e.Role == "COORDINATOR")
	}
	if !coordinates || got.Projects.TotalCount != len(got.Projects.Edges) {
		t.Errorf("unamur projects = %+v", got.Projects)
	}
	if resp.Missing != nil {
		t.Errorf("unknown id gave %+v, want null", resp.Missing)
	}
}

// TestBatFactory checks the brochure's and the UNamur newsroom's facts through the API: the
// budget, the seven brochure partners plus ULiège from the newsroom only, and the funding.
func TestBatFactory(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Project struct {
			Name            string
			Type, Status    string
			TotalInvestment float64
			Currency        string
			StartDate       string
			Participants    struct {
				TotalCount int
				Edges      []struct {
					Role    string
					Sources []string
					Actor   struct{ ID string }
				}
			}
			Funders struct {
				Edges []struct {
					Amount    *float64
					Currency  *string
					FunderID  string
					Programme *struct{ ID, Name string }
					Actor     *struct{ ID string }
				}
			}
			Stages   []struct{ Code string }
			Contacts []struct{ Name, Email string }
		}
	}
	a.query(t, `{ project(id: "batfactory") { name type status totalInvestment currency startDate
		participants(role: [COORDINATOR, PARTNER], first: 20) { totalCount edges { role sources actor { id } } }
		funders { edges { amount currency funderId programme { id name } actor { id } } }
		stages { code } contacts { name email } } }`, &resp)
	p := resp.Project
	if p.TotalInvestment != 11.4e6 || p.Currency != "EUR" || p.Type != "RESEARCH_PORTFOLIO" || p.StartDate != "2024-01-01" {
		t.Errorf("batfactory = %+v", p)
	}
	brochure := map[string]bool{}
	var newsroomOnly []string
	for _, e := range p.Participants.Edges {
		joined := strings.Join(e.Sources, " ")
		if strings.Contains(joined, "brochure#") {
			brochure[e.Actor.ID] = true
		} else if strings.Contains(joined, "unamur-batfactory#") {
			newsroomOnly = append(newsroomOnly, e.Actor.ID)
		}
	}
	for _, id := range []string{"unamur", "umons", "uclouvain", "ulb", "materia-nova", "crm-group", "cenaero"} {
		if !brochure[id] {
			t.Errorf("%s is not a BatFactory partner from the brochure", id)
		}
	}
	if p.Participants.TotalCount != 8 || len(brochure) != 7 || strings.Join(newsroomOnly, ",") != "uliege" {
		t.Errorf("partners: total %d, brochure %v, newsroom only %v", p.Participants.TotalCount, brochure, newsroomOnly)
	}
	if len(p.Funders.Edges) != 1 || p.Funders.Edges[0].Amount == nil || *p.Funders.Edges[0].Amount != 11.4e6 ||
		p.Funders.Edges[0].Programme == nil || p.Funders.Edges[0].Actor != nil {
		t.Errorf("funders = %+v", p.Funders.Edges)
	}
	if len(p.Contacts) != 1 || p.Contacts[0].Email != "bao-lian.su@unamur.be" {
		t.Errorf("contacts = %+v", p.Contacts)
	}
}

func TestActorFiltersAndSort(t *testing.T) {
	a := newAPI(t)
	type conn struct {
		Actors struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID, Kind string
					Region   *string
				}
			}
		}
	}
	cases := []struct {
		name, args string
		check      func(t *testing.T, c conn)
	}{
		{"kind", `filter: {kind: [UNIVERSITY]}`, func(t *testing.T, c conn) {
			for _, e := range c.Actors.Edges {
				if e.Node.Kind != "UNIVERSITY" {
					t.Errorf("%s is %s", e.Node.ID, e.Node.Kind)
				}
			}
			if c.Actors.TotalCount != 10 {
				t.Errorf("universities = %d, want 10", c.Actors.TotalCount)
			}
		}},
		{"region and kind", `filter: {region: [WAL], kind: [COMPANY]}`, func(t *testing.T, c conn) {
			for _, e := range c.Actors.Edges {
				if e.Node.Kind != "COMPANY" || e.Node.Region == nil || *e.Node.Region != "WAL" {
					t.Errorf("%+v does not match", e.Node)
				}
			}
		}},
		{"OR", `filter: {OR: [{ids: ["ulb"]}, {ids: ["umons"]}]}, orderBy: [{field: ID, direction: DESC}]`, func(t *testing.T, c conn) {
			if got := names(c.Actors.Edges, func(e struct {
				Node struct {
					ID, Kind string
					Region   *string
				}
			}) string {
				return e.Node.ID
			}); got != "umons,ulb" {
				t.Errorf("OR sorted by id desc = %s", got)
			}
		}},
		{"text", `filter: {text: "NAMUR", kind: [UNIVERSITY]}`, func(t *testing.T, c conn) {
			ids := names(c.Actors.Edges, func(e struct {
				Node struct {
					ID, Kind string
					Region   *string
				}
			}) string {
				return e.Node.ID
			})
			if !strings.Contains(ids, "unamur") || strings.Contains(ids, "umons") || c.Actors.TotalCount >= 10 {
				t.Errorf("text NAMUR among universities = %s", ids)
			}
		}},
		{"stage", `filter: {stage: [RECYCLING_RECOVERY]}`, func(t *testing.T, c conn) {
			ids := names(c.Actors.Edges, func(e struct {
				Node struct {
					ID, Kind string
					Region   *string
				}
			}) string {
				return e.Node.ID
			})
			if !strings.Contains(ids, "botree") || !strings.Contains(ids, "umicore") {
				t.Errorf("recycling actors = %s", ids)
			}
		}},
		{"project", `filter: {project: "batfactory", kind: [RESEARCH_CENTRE]}`, func(t *testing.T, c conn) {
			ids := names(c.Actors.Edges, func(e struct {
				Node struct {
					ID, Kind string
					Region   *string
				}
			}) string {
				return e.Node.ID
			})
			if ids != "cenaero,crm-group,materia-nova" {
				t.Errorf("batfactory research centres = %s", ids)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c conn
			a.query(t, fmt.Sprintf(`{ actors(%s, first: 100) { totalCount edges { node { id kind region } } } }`, tc.args), &c)
			tc.check(t, c)
		})
	}
}

// TestPaging walks all actors two at a time and checks that pages neither overlap nor
// miss anything, and that pageInfo is right at both ends.
func TestPaging(t *testing.T) {
	a := newAPI(t)
	type page struct {
		Actors struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage, HasPreviousPage bool
				EndCursor                    *string
			}
		}
	}
	var all page
	a.query(t, `{ actors(first: 500) { totalCount edges { node { id } } } }`, &all)
	seen := map[string]bool{}
	var order []string
	after := ""
	for i := 0; ; i++ {
		var p page
		a.query(t, `query($after: String) { actors(first: 7, after: $after) { totalCount edges { cursor node { id } }
			pageInfo { hasNextPage hasPreviousPage endCursor } } }`, &p, client.Var("after", nilIfEmpty(after)))
		if p.Actors.PageInfo.HasPreviousPage != (i > 0) {
			t.Fatalf("page %d hasPreviousPage = %v", i, p.Actors.PageInfo.HasPreviousPage)
		}
		for _, e := range p.Actors.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("%s on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
			order = append(order, e.Node.ID)
		}
		if !p.Actors.PageInfo.HasNextPage {
			break
		}
		after = *p.Actors.PageInfo.EndCursor
		if i > 100 {
			t.Fatal("paging does not end")
		}
	}
	if len(order) != all.Actors.TotalCount || len(all.Actors.Edges) != all.Actors.TotalCount {
		t.Fatalf("paged %d actors, total %d, one page of 500 gave %d", len(order), all.Actors.TotalCount, len(all.Actors.Edges))
	}
	for i, e := range all.Actors.Edges {
		if order[i] != e.Node.ID {
			t.Fatalf("paged order differs at %d: %s vs %s", i, order[i], e.Node.ID)
		}
	}
	var empty page
	a.query(t, `{ actors(first: 0) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, &empty)
	if len(empty.Actors.Edges) != 0 || !empty.Actors.PageInfo.HasNextPage || empty.Actors.PageInfo.EndCursor != nil {
		t.Errorf("first: 0 = %+v", empty.Actors)
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func TestProjectsFilterSort(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Invest struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID              string
					TotalInvestment float64
				}
			}
		}
		Suspended struct {
			Edges []struct{ Node struct{ ID string } }
		}
		Funded struct{ TotalCount int }
	}
	a.query(t, `{
		invest: projects(filter: {type: [INDUSTRIAL_INVESTMENT]}, orderBy: [{field: TOTAL_INVESTMENT, direction: DESC}]) {
			totalCount edges { node { id totalInvestment } } }
		suspended: projects(filter: {status: [SUSPENDED]}) { edges { node { id } } }
		funded: projects(filter: {funder: "we-battery-call"}) { totalCount } }`, &resp)
	if resp.Invest.TotalCount != 6 {
		t.Errorf("investment projects = %d, want 6", resp.Invest.TotalCount)
	}
	for i := 1; i < len(resp.Invest.Edges); i++ {
		if resp.Invest.Edges[i-1].Node.TotalInvestment < resp.Invest.Edges[i].Node.TotalInvestment {
			t.Errorf("not sorted by investment: %+v", resp.Invest.Edges)
		}
	}
	if len(resp.Invest.Edges) == 0 || resp.Invest.Edges[0].Node.ID != "nuode-copper-foil" {
		t.Errorf("largest investment = %+v", resp.Invest.Edges)
	}
	if len(resp.Suspended.Edges) != 1 || resp.Suspended.Edges[0].Node.ID != "nuode-copper-foil" {
		t.Errorf("suspended = %+v", resp.Suspended)
	}
	if resp.Funded.TotalCount != 6 {
		t.Errorf("projects funded by the Wallonie Entreprendre call = %d, want 6", resp.Funded.TotalCount)
	}
}

// TestWallonieEntreprendreCall: EUR 25.5 million from the Recovery Plan, managed by
// Wallonie Entreprendre, funding the selected projects (the brochure says seven).
func TestWallonieEntreprendreCall(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Programme struct {
			Budget   float64
			Currency string
			Managers []struct{ ID string }
			PartOf   []struct{ ID string }
			Fundings struct {
				TotalCount int
				Edges      []struct {
					Amount  *float64
					Project struct{ ID string }
				}
			}
		}
	}
	a.query(t, `{ programme(id: "we-battery-call") { budget currency managers { id } partOf { id }
		fundings { totalCount edges { amount project { id } } } } }`, &resp)
	p := resp.Programme
	if p.Budget != 25.5e6 || p.Currency != "EUR" || len(p.Managers) != 1 || p.Managers[0].ID != "wallonie-entreprendre" ||
		len(p.PartOf) != 1 || p.PartOf[0].ID != "walloon-recovery-plan" {
		t.Errorf("call = %+v", p)
	}
	if p.Fundings.TotalCount != 6 {
		t.Errorf("funded projects = %d", p.Fundings.TotalCount)
	}
	for _, e := range p.Fundings.Edges {
		if e.Amount != nil {
			t.Errorf("%s has a per-project amount, but none is public", e.Project.ID)
		}
	}
}

// TestTopicsFactors checks each workshop topic's barriers and levers against the brochure.
func TestTopicsFactors(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Topics []struct {
			ID       string
			Barriers []struct {
				Text       string
				Categories []string
			}
			Levers []struct {
				Text       string
				Categories []string
			}
			Tech []struct{ ID string }
		}
	}
	a.query(t, `{ topics(kind: WORKSHOP_TOPIC) { id
		barriers: factors(type: BARRIER) { text categories }
		levers: factors(type: LEVER) { text categories }
		tech: factors(category: TECHNOLOGICAL) { id } } }`, &resp)
	want := map[string][2]int{
		"topic-smart-battery-disassembly":  {3, 3},
		"topic-battery-recycling-quest":    {3, 1},
		"topic-electrode-materials":        {3, 3},
		"topic-batteries-second-life":      {3, 3},
		"topic-massification-cross-border": {3, 3},
	}
	if len(resp.Topics) != 5 {
		t.Fatalf("workshop topics = %d, want 5", len(resp.Topics))
	}
	for _, tp := range resp.Topics {
		if w := want[tp.ID]; len(tp.Barriers) != w[0] || len(tp.Levers) != w[1] {
			t.Errorf("%s: %d barriers, %d levers, want %v", tp.ID, len(tp.Barriers), len(tp.Levers), w)
		}
	}
	for _, tp := range resp.Topics {
		if tp.ID != "topic-batteries-second-life" {
			continue
		}
		var legalTech bool
		for _, l := range tp.Levers {
			legalTech = legalTech || strings.Join(l.Categories, "/") == "LEGAL/TECHNOLOGICAL"
		}
		if !legalTech || len(tp.Tech) != 3 {
			t.Errorf("second life: levers %+v, technological %d", tp.Levers, len(tp.Tech))
		}
	}
}

func TestNodeAndSearch(t *testing.T) {
	a := newAPI(t)
	var resp struct {
		Node struct {
			Typename string `json:"__typename"`
			ID       string
			Acronym  *string
			Name     string
		}
		Search []struct {
			Score float64
			Node  struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
		Only []struct {
			Node struct {
				Typename string `json:"__typename"`
			}
		}
	}
	a.query(t, `{ node(id: "batmass") { __typename id ... on Project { name acronym } }
		search(text: "recycling") { score node { __typename id } }
		only: search(text: "recycling", types: [FACTOR]) { node { __typename } } }`, &resp)
	if resp.Node.Typename != "Project" || resp.Node.ID != "batmass" || resp.Node.Name == "" {
		t.Errorf("node = %+v", resp.Node)
	}
	if len(resp.Search) == 0 {
		t.Fatal("search for recycling found nothing")
	}
	for i := 1; i < len(resp.Search); i++ {
		if resp.Search[i].Score > resp.Search[i-1].Score {
			t.Errorf("hits not best first")
		}
	}
	for _, h := range resp.Only {
		if h.Node.Typename != "Factor" {
			t.Errorf("types: [FACTOR] returned a %s", h.Node.Typename)
		}
	}
	if len(resp.Only) == 0 {
		t.Error("no recycling factor found")
	}
	var odd struct{ Search []struct{ Score float64 } }
	a.query(t, `{ search(text: "AND (( \"Li\" OR* ~") { score } }`, &odd) // Lucene syntax is escaped
}

func TestAggregates(t *testing.T) {
	a := newAPI(t)
	type bucket struct {
		Key   string
		Count int
	}
	type money struct {
		Key, Currency string
		Amount        float64
		Fundings      int
		Undisclosed   int
	}
	var resp struct {
		ActorStats struct {
			Total                     int
			ByKind, ByRegion, ByStage []bucket
		}
		Walloon      struct{ Total int }
		ProjectStats struct {
			Total   int
			ByType  []bucket
			ByStage []bucket
		}
		FundingTotals struct {
			Total, ByProgramme, ByProject, ByStage []money
		}
	}
	a.query(t, `{ actorStats { total byKind { key count } byRegion { key count } byStage { key count } }
		walloon: actorStats(filter: {region: [WAL]}) { total }
		projectStats { total byType { key count } byStage { key count } }
		fundingTotals { total { key currency amount fundings undisclosed } byProgramme { key currency amount fundings undisclosed }
			byProject { key amount } byStage { key amount } } }`, &resp)
	s := resp.ActorStats
	sum := 0
	for _, b := range s.ByKind {
		sum += b.Count
	}
	if sum != s.Total || s.Total != 52 {
		t.Errorf("actor total %d, by kind sums to %d", s.Total, sum)
	}
	if len(s.ByStage) != 10 || s.ByStage[0].Key != "EXTRACTION" || s.ByStage[9].Key != "RECYCLING_RECOVERY" {
		t.Errorf("byStage not the ten stages in order: %+v", s.ByStage)
	}
	if resp.Walloon.Total == 0 || resp.Walloon.Total >= s.Total {
		t.Errorf("walloon actors = %d of %d", resp.Walloon.Total, s.Total)
	}
	if resp.ProjectStats.Total != 9 {
		t.Errorf("projects = %d", resp.ProjectStats.Total)
	}
	var we *money
	for i, b := range resp.FundingTotals.ByProgramme {
		if b.Key == "we-battery-call" {
			we = &resp.FundingTotals.ByProgramme[i]
		}
	}
	if we == nil || we.Fundings != 6 || we.Undisclosed != 6 || we.Amount != 0 {
		t.Errorf("we-battery-call totals = %+v", we)
	}
	if len(resp.FundingTotals.Total) == 0 || resp.FundingTotals.Total[0].Currency != "EUR" || resp.FundingTotals.Total[0].Amount < 11.4e6 {
		t.Errorf("total = %+v", resp.FundingTotals.Total)
	}
}

func TestBadInput(t *testing.T) {
	a := newAPI(t)
	cases := []struct{ name, query, code, message string }{
		{"negative first", `{ actors(first: -1) { totalCount } }`, "BAD_USER_INPUT", "first must be between 0 and 500"},
		{"oversized first", `{ actors(first: 501) { totalCount } }`, "BAD_USER_INPUT", "first must be between 0 and 500"},
		{"bad cursor", `{ actors(after: "bm9wZQ==") { totalCount } }`, "BAD_USER_INPUT", "invalid cursor"},
		{"nested bad first", `{ actor(id: "unamur") { projects(first: 9999) { totalCount } } }`, "BAD_USER_INPUT", "first must be between"},
		{"unknown sort field", `{ actors(orderBy: [{field: SALARY}]) { totalCount } }`, "BAD_USER_INPUT", "SALARY"},
		{"empty search", `{ search(text: "  ") { score } }`, "BAD_USER_INPUT", "text must not be empty"},
		{"unknown sort field in a variable", `query { actors(orderBy: [{field: NAME, direction: SIDEWAYS}]) { totalCount } }`, "BAD_USER_INPUT", "SIDEWAYS"},
		{"deep filter", `{ actors(filter: {AND: [{AND: [{AND: [{AND: [{AND: [{AND: [{ids: ["x"]}]}]}]}]}]}]}) { totalCount } }`, "BAD_USER_INPUT", "deeper than"},
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
