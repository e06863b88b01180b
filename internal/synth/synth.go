// Package synth generates a synthetic battery ecosystem the size of a country or of Europe,
// deterministically: the same Config gives the same graph, and the same Cypher files.
//
// The graph follows docs/model.md: actors of every kind and region, projects, funding
// programmes nested with PART_OF, fundings with amounts and currencies, participations with
// roles, ACTIVE_IN and TARGETS to the ten value-chain stages of data/seed/002_stages.cypher,
// labs PART_OF universities and members of clusters. Every node has id, name, sources,
// confidence and updatedAt; every relationship sources and confidence.
//
// Degrees are skewed as in real project databases such as CORDIS: each actor draws a
// participation weight from a Pareto distribution (research centres and universities more),
// and projects pick their participants by weight, so a few hubs take part in thousands of
// projects while most actors have one to three. About 9.5 relationships per actor:
// 100,000 actors give about a million relationships.
//
// [Generate] builds the graph in memory; [Graph.Write] writes it as Cypher import files of a
// few large `UNWIND [...] AS row` statements, which `batterykg import --batch 1` loads at tens
// of thousands of relationships a second.
package synth

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// DefaultSeed is the seed when Config.Seed is zero.
const DefaultSeed = 20261122

// Version changes whenever the same Config would generate a different graph.
const Version = 1

// Config says what to generate.
type Config struct {
	// Actors is the number of actors (at least 10).
	Actors int
	// Seed of the random stream (DefaultSeed when zero).
	Seed uint64
}

func (c Config) seed() uint64 {
	if c.Seed == 0 {
		return DefaultSeed
	}
	return c.Seed
}

// Fingerprint names the generated graph: written as the name of the `synthetic` Source node,
// it tells a loader whether a database already holds this graph.
func (c Config) Fingerprint() string {
	return fmt.Sprintf("Synthetic battery ecosystem: %d actors, seed %d (internal/synth v%d)", c.Actors, c.seed(), Version)
}

// Actor kinds (the model's, kg.ActorKinds), with the label each is stored under.
var (
	Kinds, Labels = actorKinds()
	kindShare     = shares(Kinds, map[string]float64{"COMPANY": 0.60, "UNIVERSITY": 0.06, "LAB": 0.12,
		"RESEARCH_CENTRE": 0.08, "CLUSTER": 0.02, "PUBLIC_AGENCY": 0.07, "FUNDER": 0.05})
	kindWeight   = map[string]float64{"COMPANY": 1, "UNIVERSITY": 4, "LAB": 1.5, "RESEARCH_CENTRE": 4, "CLUSTER": 1, "PUBLIC_AGENCY": 0.5, "FUNDER": 0.3}
	activityType = map[string]string{"COMPANY": "PRC", "UNIVERSITY": "HES", "LAB": "HES", "RESEARCH_CENTRE": "REC", "CLUSTER": "OTH", "PUBLIC_AGENCY": "PUB", "FUNDER": "OTH"}
	// Regions and their shares: a Walloon graph grown to European scale.
	Regions     = kg.Regions
	regionShare = shares(Regions, map[string]float64{"WAL": 0.12, "BRU": 0.05, "VLG": 0.13, "FOREIGN": 0.70})
)

func actorKinds() ([]string, map[string]string) {
	labels := map[string]string{}
	var kinds []string
	for _, k := range kg.ActorKinds {
		kinds = append(kinds, k.Value)
		labels[k.Value] = k.Label
	}
	return kinds, labels
}

// shares lists the share of each of keys; a key without one is a programming error.
func shares(keys []string, of map[string]float64) []float64 {
	out := make([]float64, len(keys))
	for i, k := range keys {
		s, ok := of[k]
		if !ok {
			panic("synth: no share for " + k)
		}
		out[i] = s
	}
	return out
}

// Actor is an organisation.
type Actor struct {
	ID, Name, ShortName, Kind, Description   string
	City, Country, Region, Website, Activity string
	Confidence                               string
	// Weight is the actor's propensity to take part in projects.
	Weight float64
	// Stages are indexes into Stages, ascending.
	Stages []int
}

// Project is a research, investment or strategic project.
type Project struct {
	ID, Name, Acronym, Title, Description, Type, Status string
	StartDate, EndDate                                  string // YYYY-MM-DD
	TotalInvestment                                     float64
	Currency                                            string // "" when TotalInvestment is not known
	Confidence                                          string
	Stages                                              []int
}

// Programme is a funding programme.
type Programme struct {
	ID, Name, Description, Level, Instrument, Currency string
	Budget                                             float64
	Confidence                                         string
	// Parent is the index of the programme this one is PART_OF, -1 for a root.
	Parent int
	// Managers are indexes of the actors that MANAGES it.
	Managers []int
}

// Participation is (actor)-[:PARTICIPATES_IN {role}]->(project).
type Participation struct {
	Actor, Project   int
	Role, Confidence string
}

// Funding is (programme or actor)-[:FUNDS]->(project).
type Funding struct {
	// Funder indexes Programmes, or Actors when ByActor.
	Funder  int
	ByActor bool
	Project int
	// Amount is the public amount; NaN when not public.
	Amount                           float64
	Currency, Instrument, Date, Conf string
}

// Link is a relationship between two actors (PART_OF, MEMBER_OF).
type Link struct{ From, To int }

// Graph is a generated ecosystem.
type Graph struct {
	Config         Config
	Actors         []Actor
	Projects       []Project
	Programmes     []Programme
	Participations []Participation
	Fundings       []Funding
	PartOf         []Link // lab or research centre -> university
	MemberOf       []Link // actor -> cluster
}

// Generate builds the ecosystem of cfg.
func Generate(cfg Config) (*Graph, error) {
	if cfg.Actors < 10 {
		return nil, fmt.Errorf("synth: at least 10 actors, not %d", cfg.Actors)
	}
	g := &Graph{Config: cfg}
	r := newRNG(cfg.seed(), uint64(cfg.Actors))
	g.actors(r)
	g.programmes(r)
	g.projects(r)
	g.fundings(r)
	g.actorLinks(r)
	return g, nil
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func brand(r *rng) string {
	n := 2
	if r.chance(0.4) {
		n = 3
	}
	var b strings.Builder
	for range n {
		b.WriteString(pick(r, syllables))
	}
	return capitalize(b.String())
}

// initials of the capitalised words of a name: "Voltar Research Centre" -> "VRC".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func confidence(r *rng) string {
	if r.chance(0.08) {
		return "INFERRED"
	}
	return "SOURCED"
}

// actors draws the actors: kind, region, place, name, stages and participation weight.
func (g *Graph) actors(r *rng) {
	kinds, regions := newWeighted(kindShare), newWeighted(regionShare)
	countryW := make([]float64, len(foreignCountries))
	for i, c := range foreignCountries {
		countryW[i] = c.weight
	}
	countries := newWeighted(countryW)
	stageW := make([]float64, len(Stages))
	for i, s := range Stages {
		stageW[i] = s.popularity
	}
	stages := newWeighted(stageW)
	g.Actors = make([]Actor, g.Config.Actors)
	for i := range g.Actors {
		a := &g.Actors[i]
		a.ID = fmt.Sprintf("actor-%d", i+1)
		a.Kind = Kinds[kinds.draw(r)]
		if i < len(Kinds) { // every kind at least once
			a.Kind = Kinds[i]
		}
		a.Region = Regions[regions.draw(r)]
		var c country
		if a.Region == "FOREIGN" {
			c = foreignCountries[countries.draw(r)]
		} else {
			c = belgianRegions[a.Region]
		}
		a.Country, a.City = c.code, pick(r, c.cities)
		a.Activity = activityType[a.Kind]
		a.Confidence = confidence(r)
		b := brand(r)
		switch a.Kind {
		case "COMPANY":
			a.Name = b + " " + pick(r, companyWords) + " " + pick(r, c.legal)
		case "UNIVERSITY":
			if r.chance(0.5) {
				a.Name = "University of " + a.City + " " + b
			} else {
				a.Name = b + " University"
			}
		case "LAB":
			a.Name = b + " " + pick(r, labTopics) + " Laboratory"
		case "RESEARCH_CENTRE":
			a.Name = b + " " + pick(r, []string{"Research Centre", "Institute for Energy Research", "Technology Centre"})
		case "CLUSTER":
			a.Name = b + " " + pick(r, []string{"Battery Cluster", "Battery Alliance", "Energy Storage Network"})
		case "PUBLIC_AGENCY":
			a.Name = b + " " + pick(r, []string{"Innovation Agency", "Energy Agency", "Development Agency"})
		case "FUNDER":
			a.Name = b + " " + pick(r, []string{"Ventures", "Investment Fund", "Capital", "Climate Fund"})
		}
		if a.Kind != "COMPANY" && r.chance(0.6) {
			a.ShortName = initials(a.Name)
		}
		a.Website = "https://www." + strings.ToLower(b) + ".example"
		// Stages: one drawn by popularity, then neighbours along the chain.
		first := stages.draw(r)
		set := map[int]bool{first: true}
		for extra := int(r.exp(2.3)); extra > 0 && len(set) < len(Stages); extra-- {
			s := first + r.intn(5) - 2
			if r.chance(0.3) || s < 0 || s >= len(Stages) {
				s = stages.draw(r)
			}
			set[s] = true
		}
		for s := range len(Stages) {
			if set[s] {
				a.Stages = append(a.Stages, s)
			}
		}
		p1 := pick(r, Stages[first].phrases)
		p2 := pick(r, Stages[a.Stages[r.intn(len(a.Stages))]].phrases)
		what := map[string]string{"COMPANY": "Company", "UNIVERSITY": "University", "LAB": "Laboratory",
			"RESEARCH_CENTRE": "Research centre", "CLUSTER": "Cluster of companies and researchers",
			"PUBLIC_AGENCY": "Public agency", "FUNDER": "Investor"}[a.Kind]
		if p1 == p2 {
			a.Description = fmt.Sprintf("%s based in %s, working on %s.", what, a.City, p1)
		} else {
			a.Description = fmt.Sprintf("%s based in %s, working on %s and %s.", what, a.City, p1, p2)
		}
		a.Weight = kindWeight[a.Kind] * r.pareto(1.6)
	}
}

// programmes draws a forest of funding programmes, at most three levels deep.
func (g *Graph) programmes(r *rng) {
	n := max(20, g.Config.Actors/150)
	roots := max(5, n/8)
	var managers []int
	for i, a := range g.Actors {
		if a.Kind == "PUBLIC_AGENCY" || a.Kind == "FUNDER" {
			managers = append(managers, i)
		}
	}
	depth := make([]int, n)
	g.Programmes = make([]Programme, n)
	for i := range g.Programmes {
		p := &g.Programmes[i]
		p.ID = fmt.Sprintf("programme-%d", i+1)
		p.Parent = -1
		p.Confidence = confidence(r)
		p.Currency = "EUR"
		if i < roots {
			switch {
			case i < len(euProgrammes) && (i%2 == 0 || i < 4):
				p.Level, p.Name = "EU", euProgrammes[i]
			case r.chance(0.5):
				c := pick(r, foreignCountries)
				p.Level, p.Name = "FEDERAL", c.code+" "+brand(r)+" Battery Programme"
				if c.currency != "" && r.chance(0.5) {
					p.Currency = c.currency
				}
			default:
				p.Level, p.Name = "REGIONAL", pick(r, []string{"Wallonia", "Flanders", "Brussels", "Bavaria", "Hauts-de-France", "Lombardy", "Catalonia"})+" "+brand(r)+" Call"
			}
			p.Instrument = pick(r, []string{"GRANT", "GRANT", "MIXED", "EQUITY", "LOAN"})
			p.Budget = math.Round(r.lognormal(2e8, 1.0)/1e6) * 1e6
			if len(managers) > 0 {
				p.Managers = []int{managers[r.intn(len(managers))]}
			}
		} else {
			parent := r.intn(i)
			for depth[parent] >= 2 {
				parent = g.Programmes[parent].Parent
			}
			pp := g.Programmes[parent]
			p.Parent, depth[i] = parent, depth[parent]+1
			p.Level, p.Currency = pp.Level, pp.Currency
			p.Name = fmt.Sprintf("%s: %s %d", pp.Name, pick(r, programmeParts), 2015+r.intn(12))
			p.Instrument = pp.Instrument
			if r.chance(0.3) {
				p.Instrument = pick(r, []string{"GRANT", "EQUITY", "LOAN"})
			}
			p.Budget = math.Round(pp.Budget*(0.05+0.3*r.float())/1e5) * 1e5
			if len(managers) > 0 && r.chance(0.3) {
				p.Managers = []int{managers[r.intn(len(managers))]}
			}
		}
		p.Description = fmt.Sprintf("Funds %s projects on %s.", strings.ToLower(map[string]string{
			"EU": "European", "FEDERAL": "national", "REGIONAL": "regional"}[p.Level]), pick(r, pick(r, Stages).phrases))
	}
}

var projectTypes = []string{"EU_GRANT", "RESEARCH_PORTFOLIO", "INDUSTRIAL_INVESTMENT", "STRATEGIC_INITIATIVE"}

// participants: minimum, mean extra (exponential) and maximum participants by project type.
var participants = map[string][3]float64{
	"EU_GRANT": {3, 12, 60}, "RESEARCH_PORTFOLIO": {2, 6, 30}, "INDUSTRIAL_INVESTMENT": {1, 1.5, 6}, "STRATEGIC_INITIATIVE": {4, 14, 80},
}

var investment = map[string][2]float64{ // median, sigma
	"EU_GRANT": {4e6, 0.8}, "RESEARCH_PORTFOLIO": {1.5e6, 0.9}, "INDUSTRIAL_INVESTMENT": {2.5e7, 1.2}, "STRATEGIC_INITIATIVE": {1e7, 1.0},
}

// projects draws half as many projects as actors, each with participants drawn by weight:
// the first drawn coordinates.
func (g *Graph) projects(r *rng) {
	w := make([]float64, len(g.Actors))
	for i, a := range g.Actors {
		w[i] = a.Weight
	}
	byWeight := newWeighted(w)
	types := newWeighted([]float64{0.55, 0.20, 0.20, 0.05})
	n := g.Config.Actors / 2
	g.Projects = make([]Project, n)
	for i := range g.Projects {
		p := &g.Projects[i]
		p.ID = fmt.Sprintf("project-%d", i+1)
		p.Type = projectTypes[types.draw(r)]
		p.Confidence = confidence(r)
		spec := participants[p.Type]
		k := int(math.Min(spec[0]+math.Floor(r.exp(spec[1])), spec[2]))
		k = max(1, min(k, g.Config.Actors/4))
		who := byWeight.distinct(r, k)
		coord := g.Actors[who[0]]
		for j, a := range who {
			role := "COORDINATOR"
			if j > 0 {
				role = pick(r, []string{"PARTNER", "PARTNER", "PARTNER", "PARTNER", "PARTNER", "PARTNER", "ASSOCIATED", "ASSOCIATED", "SUPPORT"})
			}
			g.Participations = append(g.Participations, Participation{Actor: a, Project: i, Role: role, Confidence: confidence(r)})
		}
		// Stages: the coordinator's, plus a neighbour now and then.
		set := map[int]bool{}
		for _, s := range coord.Stages {
			if len(set) < 2 || r.chance(0.2) {
				set[s] = true
			}
		}
		if r.chance(0.3) {
			s := coord.Stages[0] + 1 - 2*r.intn(2)
			if s >= 0 && s < len(Stages) {
				set[s] = true
			}
		}
		for s := range len(Stages) {
			if set[s] {
				p.Stages = append(p.Stages, s)
			}
		}
		main := Stages[p.Stages[r.intn(len(p.Stages))]]
		phrase := pick(r, main.phrases)
		acronym := strings.ToUpper(pick(r, syllables) + pick(r, syllables) + pick(r, syllables))
		switch p.Type {
		case "INDUSTRIAL_INVESTMENT":
			p.Name = fmt.Sprintf("%s %s plant", strings.Fields(coord.Name)[0], phrase)
		case "STRATEGIC_INITIATIVE":
			p.Name = fmt.Sprintf("%s battery initiative", acronym)
			p.Acronym = acronym
		default:
			p.Name, p.Acronym = acronym, acronym
		}
		app := pick(r, applications)
		p.Title = fmt.Sprintf("%s %s for %s", pick(r, adjectives), phrase, app)
		p.Description = fmt.Sprintf("The project works on %s for %s, coordinated from %s.", phrase, app, coord.City)
		y, m := 2015+r.intn(13), 1+r.intn(12)
		p.StartDate = fmt.Sprintf("%04d-%02d-01", y, m)
		p.EndDate = fmt.Sprintf("%04d-%02d-%02d", y+2+r.intn(5), m, 28)
		switch {
		case p.StartDate > "2026-11-22":
			p.Status = "ANNOUNCED"
		case p.EndDate < "2026-11-22":
			p.Status = "CLOSED"
		case r.chance(0.04):
			p.Status = "SUSPENDED"
		default:
			p.Status = "ONGOING"
		}
		if r.chance(0.9) {
			inv := investment[p.Type]
			p.TotalInvestment = math.Round(r.lognormal(inv[0], inv[1])/1e3) * 1e3
			p.Currency = "EUR"
			for _, c := range foreignCountries {
				if c.code == coord.Country && c.currency != "" && r.chance(0.5) {
					p.Currency = c.currency
				}
			}
		}
	}
}

// fundings: EU grants from EU programmes, the others from national and regional ones;
// investors fund industrial investments directly. Big programmes fund more projects.
func (g *Graph) fundings(r *rng) {
	var eu, local []int
	var euW, localW []float64
	for i, p := range g.Programmes {
		w := r.pareto(1.2)
		if p.Level == "EU" {
			eu, euW = append(eu, i), append(euW, w)
		} else {
			local, localW = append(local, i), append(localW, w)
		}
	}
	if len(local) == 0 {
		local, localW = eu, euW
	}
	euPick, localPick := newWeighted(euW), newWeighted(localW)
	var investors []int
	for i, a := range g.Actors {
		if a.Kind == "FUNDER" {
			investors = append(investors, i)
		}
	}
	for i, p := range g.Projects {
		var from []int
		switch p.Type {
		case "EU_GRANT":
			from = append(from, eu[euPick.draw(r)])
			if r.chance(0.25) {
				from = append(from, local[localPick.draw(r)])
			}
		case "INDUSTRIAL_INVESTMENT":
			if r.chance(0.7) {
				from = append(from, local[localPick.draw(r)])
			}
		case "RESEARCH_PORTFOLIO":
			from = append(from, local[localPick.draw(r)])
		default:
			from = append(from, local[localPick.draw(r)])
			if r.chance(0.5) {
				from = append(from, eu[euPick.draw(r)])
			}
		}
		if len(from) == 2 && from[0] == from[1] {
			from = from[:1]
		}
		amount := func(share float64) float64 {
			if p.Currency == "" || r.chance(0.25) {
				return math.NaN()
			}
			return math.Round(p.TotalInvestment*share/1e3) * 1e3
		}
		currency := p.Currency
		if currency == "" {
			currency = "EUR"
		}
		for _, f := range from {
			g.Fundings = append(g.Fundings, Funding{Funder: f, Project: i, Amount: amount(0.2 + 0.6*r.float()),
				Currency: currency, Instrument: g.Programmes[f].Instrument, Date: p.StartDate, Conf: confidence(r)})
		}
		if p.Type == "INDUSTRIAL_INVESTMENT" && len(investors) > 0 && (len(from) == 0 || r.chance(0.4)) {
			g.Fundings = append(g.Fundings, Funding{Funder: investors[r.intn(len(investors))], ByActor: true, Project: i,
				Amount: amount(0.1 + 0.3*r.float()), Currency: currency, Instrument: "EQUITY", Date: p.StartDate, Conf: confidence(r)})
		}
	}
}

// actorLinks: labs (and some research centres) are part of a university, preferably of the
// same country; a third of the companies and research centres are members of a cluster.
func (g *Graph) actorLinks(r *rng) {
	byCountry := map[string]map[string][]int{} // kind -> country -> actors
	all := map[string][]int{}
	for i, a := range g.Actors {
		if a.Kind == "UNIVERSITY" || a.Kind == "CLUSTER" {
			if byCountry[a.Kind] == nil {
				byCountry[a.Kind] = map[string][]int{}
			}
			byCountry[a.Kind][a.Country] = append(byCountry[a.Kind][a.Country], i)
			all[a.Kind] = append(all[a.Kind], i)
		}
	}
	near := func(kind string, a Actor) int {
		if l := byCountry[kind][a.Country]; len(l) > 0 && r.chance(0.85) {
			return l[r.intn(len(l))]
		}
		return all[kind][r.intn(len(all[kind]))]
	}
	for i, a := range g.Actors {
		switch {
		case a.Kind == "LAB" || (a.Kind == "RESEARCH_CENTRE" && r.chance(0.15)):
			g.PartOf = append(g.PartOf, Link{i, near("UNIVERSITY", a)})
		}
		if (a.Kind == "COMPANY" || a.Kind == "RESEARCH_CENTRE") && r.chance(0.33) {
			c := near("CLUSTER", a)
			g.MemberOf = append(g.MemberOf, Link{i, c})
			if r.chance(0.2) {
				if d := near("CLUSTER", a); d != c {
					g.MemberOf = append(g.MemberOf, Link{i, d})
				}
			}
		}
	}
}

// Stats counts what a graph holds.
type Stats struct {
	Actors, Projects, Programmes int
	// Relationships by type.
	Relationships map[string]int
	// Participation degree of actors: the largest, the median, the 99th percentile, and the
	// share of all participations held by the top 1% of actors.
	MaxDegree, MedianDegree, P99Degree int
	Top1PercentShare                   float64
}

// Nodes counts the nodes the graph's files create (the stages and sources of the seed files
// not included; the synthetic Source is).
func (s Stats) Nodes() int { return s.Actors + s.Projects + s.Programmes + 1 }

// TotalRelationships sums Relationships.
func (s Stats) TotalRelationships() int {
	n := 0
	for _, c := range s.Relationships {
		n += c
	}
	return n
}

// Stats counts the graph's nodes and relationships and measures the skew of participations.
func (g *Graph) Stats() Stats {
	s := Stats{Actors: len(g.Actors), Projects: len(g.Projects), Programmes: len(g.Programmes), Relationships: map[string]int{}}
	for _, a := range g.Actors {
		s.Relationships["ACTIVE_IN"] += len(a.Stages)
	}
	for _, p := range g.Projects {
		s.Relationships["TARGETS"] += len(p.Stages)
	}
	for _, p := range g.Programmes {
		if p.Parent >= 0 {
			s.Relationships["PART_OF"]++
		}
		s.Relationships["MANAGES"] += len(p.Managers)
	}
	s.Relationships["PART_OF"] += len(g.PartOf)
	s.Relationships["MEMBER_OF"] = len(g.MemberOf)
	s.Relationships["PARTICIPATES_IN"] = len(g.Participations)
	s.Relationships["FUNDS"] = len(g.Fundings)
	deg := g.Degrees()
	sort.Sort(sort.Reverse(sort.IntSlice(deg)))
	s.MaxDegree, s.MedianDegree, s.P99Degree = deg[0], deg[len(deg)/2], deg[len(deg)/100]
	top := 0
	for _, d := range deg[:max(1, len(deg)/100)] {
		top += d
	}
	s.Top1PercentShare = float64(top) / float64(max(1, len(g.Participations)))
	return s
}

// Degrees returns the number of projects each actor takes part in, by actor index.
func (g *Graph) Degrees() []int {
	deg := make([]int, len(g.Actors))
	for _, p := range g.Participations {
		deg[p.Actor]++
	}
	return deg
}

// Hubs returns the indexes of the n actors with the most participations, most first.
func (g *Graph) Hubs(n int) []int {
	deg := g.Degrees()
	idx := make([]int, len(deg))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return deg[idx[a]] > deg[idx[b]] })
	return idx[:min(n, len(idx))]
}
