package cypherc

import (
	"fmt"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// Compile turns one root field into its Cypher statement.
func Compile(f kg.Field, lim Limits) (Statement, error) {
	c := newCompiler(lim)
	root, ok := roots[f.Name]
	if !ok {
		return Statement{}, kg.Errorf(kg.EINTERNAL, "root field %s has no Cypher mapping", f.Name)
	}
	expr, err := root(c, f)
	if err != nil {
		return Statement{}, err
	}
	return Statement{Cypher: "RETURN " + expr + " AS data", Params: c.params}, nil
}

type rootFunc func(c *compiler, f kg.Field) (string, error)

var roots map[string]rootFunc

func init() {
	roots = map[string]rootFunc{
		"actor":     lookup("Actor", "id"),
		"project":   lookup("Project", "id"),
		"programme": lookup("FundingProgramme", "id"),
		"stage":     lookup("ValueChainStage", "code"),
		"topic":     lookup("Topic", "id"),
		"event":     lookup("Event", "id"),
		"person":    lookup("Person", "id"),
		"source":    lookup("Source", "id"),
		"node":      nodeRoot,
		"search":    searchRoot,

		"actors": connection(connSpec{edge: "ActorEdge", vars: []string{"node"}, tie: "node", indexed: true, stored: storedActorCount,
			match: func(c *compiler, _ string, x vars, f kg.Field) (string, []string, error) {
				conds, err := c.actorFilter(x["node"], f.Args["filter"], 0)
				return "(" + x["node"] + ":Actor)", conds, err
			},
			order: func(c *compiler, x vars, f kg.Field) ([]string, error) {
				return orderBy("Actor", x["node"], f.Args["orderBy"])
			},
		}).root(),
		"projects": connection(connSpec{edge: "ProjectEdge", vars: []string{"node"}, tie: "node", indexed: true,
			match: func(c *compiler, _ string, x vars, f kg.Field) (string, []string, error) {
				conds, err := c.projectFilter(x["node"], f.Args["filter"], 0)
				return "(" + x["node"] + ":Project)", conds, err
			},
			order: func(c *compiler, x vars, f kg.Field) ([]string, error) {
				return orderBy("Project", x["node"], f.Args["orderBy"])
			},
		}).root(),

		"programmes": list(pattern{text: "({to}:FundingProgramme)", target: "FundingProgramme", order: "toLower({to}.name)"}, nil).root(),
		"stages":     list(pattern{text: "({to}:ValueChainStage)", target: "ValueChainStage", order: "{to}.order"}, nil).root(),
		"topics": list(pattern{text: "({to}:Topic)", target: "Topic", order: "toLower({to}.name)"},
			func(c *compiler, to string, f kg.Field) ([]string, error) {
				if f.Args["kind"] == nil {
					return nil, nil
				}
				k, err := enumList("kind", f.Args["kind"], topicKinds)
				if err != nil {
					return nil, err
				}
				return []string{to + ".kind = " + c.param(k[0])}, nil
			}).root(),
		"events":  list(pattern{text: "({to}:Event)", target: "Event", order: "{to}.date"}, nil).root(),
		"people":  list(pattern{text: "({to}:Person)", target: "Person", order: "toLower({to}.name)"}, nil).root(),
		"sources": list(pattern{text: "({to}:Source)", target: "Source", order: "{to}.id"}, nil).root(),

		"actorStats":    actorStats,
		"projectStats":  projectStats,
		"fundingTotals": fundingTotals,

		// Relationship queries for researchers (relations.go).
		"neighbourhood":  neighbourhoodRoot,
		"shortestPaths":  shortestPathsRoot,
		"pathSearch":     pathSearchRoot,
		"connection":     connectionRoot,
		"collaborators":  collaboratorsRoot,
		"fundingFlows":   fundingFlowsRoot,
		"stageCoverage":  stageCoverageRoot,
		"factors":        factorsRoot,
		"ecosystemStats": ecosystemStatsRoot,
	}
}

// root adapts a relation for use at the root, where there is no parent variable.
func (r relation) root() rootFunc {
	return func(c *compiler, f kg.Field) (string, error) { return r(c, vars{}, f) }
}

// lookup answers a root field that finds one node by a key property.
func lookup(typ, key string) rootFunc {
	return func(c *compiler, f kg.Field) (string, error) {
		n := c.newVar("n")
		proj, err := c.project(types[typ], vars{"n": n}, f.Fields, false)
		if err != nil {
			return "", err
		}
		arg := key
		if key == "code" {
			if _, err := enumList("code", f.Args["code"], stageCodes); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("head(COLLECT { MATCH (%s:%s {%s: %s}) RETURN %s LIMIT 1 })",
			n, types[typ].label, key, c.param(f.Args[arg]), proj), nil
	}
}

// nodeTypes are the Node types (`node` returns any of them), with their labels.
var nodeTypes = kg.NodeLabels()

// polymorphic projects the node in n as whichever node type it is, with __typename; with no
// allowed type, null.
func (c *compiler) polymorphic(n string, f kg.Field, allowed []string) (string, error) {
	if len(allowed) == 0 {
		return "null", nil // CASE needs a branch
	}
	var b strings.Builder
	b.WriteString("CASE")
	for _, t := range allowed {
		proj, err := c.project(types[t], vars{"n": n}, f.ByType[t], true)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, " WHEN %s:%s THEN %s", n, types[t].label, proj)
	}
	b.WriteString(" END")
	return b.String(), nil
}

// nodeRoot answers `node(id:)`: one index lookup per label, whichever finds it.
func nodeRoot(c *compiler, f kg.Field) (string, error) {
	n := c.newVar("n")
	id := c.param(f.Args["id"])
	var branches []string
	for _, t := range nodeTypes {
		branches = append(branches, fmt.Sprintf("MATCH (%s:%s {id: %s}) RETURN %s", n, types[t].label, id, n))
	}
	proj, err := c.polymorphic(n, f, nodeTypes)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { CALL () { %s } WITH %s LIMIT 1 RETURN %s })",
		strings.Join(branches, " UNION "), n, proj), nil
}
