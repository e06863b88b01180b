package graph

import (
	"github.com/batterykg/batterykg/graph/model"
	"github.com/batterykg/batterykg/internal/kg"
)

// Costs for the complexity limit: a connection costs its page size times its children, so
// nesting big pages is what the limit stops; a plain list costs listCost times its children.
const listCost = 10

// setComplexity fills in the cost of every list-returning field; defaultPage is the page size
// a connection without `first` returns. The other defaults are the model's (kg), which the
// compiler reads too.
func setComplexity(c *ComplexityRoot, defaultPage int) {
	page := func(first *int) int {
		if first != nil && *first >= 0 {
			return max(*first, 1)
		}
		return defaultPage
	}
	conn := func(child int, first *int) int { return 1 + page(first)*child }
	list := func(child int) int { return 1 + listCost*child }

	c.Query.Actors = func(ch int, _ *model.ActorFilter, _ []*model.ActorOrder, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Projects = func(ch int, _ *model.ProjectFilter, _ []*model.ProjectOrder, first *int, _ *string) int {
		return conn(ch, first)
	}
	c.Query.Search = func(ch int, _ string, _ []model.SearchType, first *int) int {
		if first == nil {
			return 1 + kg.SearchFirst*ch
		}
		return conn(ch, first)
	}
	// Relationship queries: a subgraph costs its node limit, paths their number times hops.
	c.Query.Neighbourhood = func(ch int, _ string, _ *int, _ []model.RelationshipType, limit *int) int {
		if limit == nil {
			return 1 + kg.NeighbourhoodLimit*ch
		}
		return conn(ch, limit)
	}
	c.Query.ShortestPaths = func(ch int, _, _ string, hops *int, _ []model.RelationshipType, k *int, _ *bool) int {
		n, h := kg.PathsK, kg.PathsMaxHops
		if k != nil && *k > 0 {
			n = *k
		}
		if hops != nil && *hops > 0 {
			h = *hops
		}
		return 1 + n*h*ch
	}
	c.Query.PathSearch = func(ch int, from, to string, hops *int, types []model.RelationshipType, k *int, via *bool, _ *int) int {
		return c.Query.ShortestPaths(ch, from, to, hops, types, k, via)
	}
	c.Query.Collaborators = func(ch int, _ string, first *int) int { return conn(ch, first) }
	c.Query.Connection = func(ch int, _, _ string) int { return list(ch) }
	c.Query.FundingFlows = func(ch int, _ *string, _ *model.StageCode) int { return list(ch) }
	c.Query.Factors = func(ch int, _ *string, _ *model.FactorCategory) int { return list(ch) }
	c.Query.StageCoverage = func(ch int, _ *model.Region) int { return list(ch) }
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
