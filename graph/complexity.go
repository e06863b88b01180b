package graph

import (
	"github.com/batterykg/batterykg/graph/model"
	"github.com/batterykg/batterykg/internal/kg"
)

// Costs for the complexity limit. A point is about one object returned, or scanRows rows
// Neo4j reads. A connection costs its page size times its children, so nesting big pages is
// what the limit stops; a plain list nested in an object costs listCost times its children.
// The relationship queries are priced by their bounds: their result lists by the most items
// they may return (kg's defaults and bounds, which the compiler builds into the statements),
// plus the work of the walk behind them, which no argument bounds when it passes through a
// hub (a stage, a big project) and is then priced as hubCost.
const (
	listCost = 10
	scanRows = 100
	// hubCost prices one pass over the hubs' relationships (every actor and project linked to
	// the ten stages, or every funding): about 500,000 rows at the 100k-actor scale.
	hubCost = 5000
	// hopCost prices one hop of a shortest-path search that keeps out of the stages.
	hopCost = 200
)

// work is the price of reading rows rows.
func work(rows int) int { return rows / scanRows }

// orDefault returns *v when it is given and positive, else def.
func orDefault(v *int, def int) int {
	if v != nil && *v > 0 {
		return *v
	}
	return def
}

// setComplexity fills in the cost of every list-returning field and of the relationship
// queries; defaultPage is the page size a connection without `first` returns. The other
// defaults and bounds are the model's (kg), which the compiler reads too.
func setComplexity(c *ComplexityRoot, defaultPage int) {
	page := func(first *int) int {
		if first != nil && *first >= 0 {
			return max(*first, 1)
		}
		return defaultPage
	}
	conn := func(child int, first *int) int { return 1 + page(first)*child }
	list := func(child int) int { return 1 + listCost*child }
	bounded := func(n int) func(int) int { return func(child int) int { return 1 + n*child } }

	c.Query.Actors = func(ch int, _ *model.ActorFilter, _ []*model.ActorOrder, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Projects = func(ch int, _ *model.ProjectFilter, _ []*model.ProjectOrder, first *int, _ *string) int {
		return conn(ch, first)
	}
	// search: a page of hits, and Lucene's scoring of every document that matches the words
	// (tens of thousands for a common word at 100k actors), read whole when the page ends
	// inside a run of tied scores or when `types` filters the hits: priced as a hub.
	c.Query.Search = func(ch int, _ string, _ []model.SearchType, first *int) int {
		hits := kg.SearchFirst
		if first != nil {
			hits = page(first)
		}
		return 1 + hits*ch + hubCost
	}

	// Relationship queries.
	// neighbourhood: up to limit nodes and edgesPerNode × limit edges; the walk reads limit
	// neighbours per level-1 node, limit × limit per deeper level, and up to the edge scan
	// per kept node.
	c.Query.Neighbourhood = func(ch int, _ string, depth *int, _ []model.RelationshipType, limit *int) int {
		l, d := orDefault(limit, kg.NeighbourhoodLimit), orDefault(depth, kg.NeighbourhoodDepth)
		return 1 + kg.NeighbourhoodEdgesPerNode*l*ch + work(l+(d-1)*l*l+l*kg.NeighbourhoodEdgeScan)
	}
	// shortestPaths: k paths of up to maxHops + 1 nodes; the search costs hopCost a hop,
	// and through the stages (viaStages) it walks the hubs at every hop.
	c.Query.ShortestPaths = func(ch int, _, _ string, hops *int, _ []model.RelationshipType, k *int, via *bool) int {
		n, h := orDefault(k, kg.PathsK), orDefault(hops, kg.PathsMaxHops)
		walk := h * hopCost
		if via != nil && *via {
			walk = (h + 1) / 2 * hubCost // a hub every other hop: actor, stage, actor, ...
		}
		return 1 + n*(h+1)*ch + walk
	}
	// connection: up to ConnectionExplanations paths of up to ConnectionHops hops; its
	// shared-stage template passes through the stages once, its SHORTEST search over
	// ConnectionHops hops keeps out of them.
	c.Query.Connection = func(ch int, _, _ string) int {
		return 1 + kg.ConnectionExplanations*(kg.ConnectionHops+1)*ch + hubCost + kg.ConnectionHops*hopCost
	}
	c.ConnectionExplanation.Explanations = func(ch int) int { return 1 + ch } // priced by the root
	// collaborators: a page of actors, found through every project of the actor (a hub).
	c.Query.Collaborators = func(ch int, _ string, first *int) int {
		return 1 + orDefault(first, kg.CollaboratorsFirst)*ch + hubCost
	}
	// fundingFlows: up to MaxPage flows and programmes, reading every funding reached. The
	// flows are priced at the most `first` allows, whatever it is: a field's price cannot see
	// its parent's arguments.
	c.Query.FundingFlows = func(ch int, _ *string, _ *model.StageCode, _ *int) int { return 1 + ch + hubCost }
	c.FundingFlows.Flows, c.FundingFlows.Programmes = bounded(kg.MaxPage), bounded(kg.MaxPage)
	c.FundingFlow.Via = bounded(kg.ProgrammeDepth + 1)
	c.FundingFlow.Recipients, c.FundingFlows.Totals = list, list
	// factors: up to MaxPage barriers and levers; each barrier is checked against its
	// topic's levers.
	c.Query.Factors = func(ch int, _ *string, _ *model.FactorCategory) int {
		return 1 + ch + work(kg.MaxPage*kg.MaxPage)
	}
	c.FactorReport.Barriers, c.FactorReport.Levers, c.FactorReport.BarriersWithoutLever =
		bounded(kg.MaxPage), bounded(kg.MaxPage), bounded(kg.MaxPage)
	// stageCoverage: one item per stage, each with up to MaxPage actors and projects; it
	// reads every actor of every stage, directly and through projects.
	c.Query.StageCoverage = func(ch int, _ *model.Region) int { return 1 + len(kg.StageCodes)*ch + hubCost }
	c.StageCoverage.Actors, c.StageCoverage.Projects = bounded(kg.MaxPage), bounded(kg.MaxPage)
	// through: the few projects by which one actor works in the stage, priced as one (its
	// LIMIT caps the worst case); at the bound, the published example could not run.
	c.StageActor.Through = func(child int) int { return 1 + child }
	c.Query.PathSearch = func(ch int, from, to string, hops *int, types []model.RelationshipType, k *int, via *bool, _ *int) int {
		return c.Query.ShortestPaths(ch, from, to, hops, types, k, via)
	}
	c.Query.Programmes, c.Query.Stages, c.Query.Events, c.Query.People, c.Query.Sources = list, list, list, list, list
	c.Query.Topics = func(ch int, _ *model.TopicKind) int { return list(ch) }

	c.Actor.Projects = func(ch int, _ []model.ParticipationRole, first *int, _ *string) int { return conn(ch, first) }
	c.Actor.Fundings = func(ch int, first *int, _ *string) int { return conn(ch, first) }
	c.Actor.Stages, c.Actor.Manages, c.Actor.PartOf, c.Actor.Parts, c.Actor.MemberOf, c.Actor.Contacts = list, list, list, list, list, list

	c.Project.Participants = func(ch int, _ []model.ParticipationRole, first *int, _ *string) int { return conn(ch, first) }
	c.Project.Funders = func(ch int, first *int, _ *string) int { return conn(ch, first) }
	c.Project.Stages, c.Project.Topics, c.Project.Events, c.Project.Contacts = list, list, list, list

	c.FundingProgramme.Fundings = func(ch int, first *int, _ *string) int { return conn(ch, first) }
	c.FundingProgramme.Managers, c.FundingProgramme.PartOf, c.FundingProgramme.Parts = list, list, list

	c.ValueChainStage.Actors = func(ch int, _ *model.ActorFilter, first *int, _ *string) int { return conn(ch, first) }
	c.ValueChainStage.Projects = func(ch int, first *int, _ *string) int { return conn(ch, first) }
	c.ValueChainStage.Next = list

	c.Topic.Factors = func(ch int, _ *model.FactorType, _ *model.FactorCategory) int { return list(ch) }
	c.Topic.Events = list
	c.Factor.Stages = list
	c.Event.Organisers, c.Event.Visited, c.Event.Projects, c.Event.Topics = list, list, list, list
	c.Person.WorksFor, c.Person.ContactForActors, c.Person.ContactForProjects = list, list, list
}
