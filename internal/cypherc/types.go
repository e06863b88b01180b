package cypherc

import (
	"fmt"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// Whitelists: the only labels and enum values that reach Cypher text, read from the model
// (kg/model.go). Each maps an enum value to the label or value stored.
var (
	actorKinds       = pairs(kg.ActorKinds)
	factorTypes      = pairs(kg.FactorTypes)
	regions          = identity(kg.Regions...)
	projectTypes     = identity(kg.ProjectTypes...)
	projectStatuses  = identity(kg.ProjectStatuses...)
	roles            = identity(kg.RoleValues()...)
	stageCodes       = identity(kg.StageCodes...)
	confidences      = identity(kg.Confidences...)
	topicKinds       = identity(kg.TopicKinds...)
	factorCategories = identity(kg.FactorCategories...)
)

func identity(values ...string) map[string]string {
	m := make(map[string]string, len(values))
	for _, v := range values {
		m[v] = v
	}
	return m
}

func pairs(ps []kg.Pair) map[string]string {
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.Value] = p.Label
	}
	return m
}

// kindExpr is the ActorKind of the actor in variable n, read from its kind label.
func kindExpr(n string) string { return fmt.Sprintf(kindCase, n) }

// kindCase is kindExpr's text, %[1]s standing for the variable.
var kindCase = func() string {
	var b strings.Builder
	b.WriteString("CASE")
	for _, k := range kg.ActorKinds {
		fmt.Fprintf(&b, " WHEN %%[1]s:%s THEN '%s'", k.Label, k.Value)
	}
	return b.String() + " END"
}()

// roleRank ranks the participation role in the expression r, most involved first (kg.Roles).
func roleRank(r string) string { return fmt.Sprintf(roleCase, r) }

// roleCase is roleRank's text, %[1]s standing for the role.
var roleCase = func() string {
	var b strings.Builder
	b.WriteString("CASE %[1]s")
	last := len(kg.Roles) - 1
	for i, role := range kg.Roles[:last] {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", role.Value, i)
	}
	fmt.Fprintf(&b, " ELSE %d END", last)
	return b.String()
}()

// provenance are the expressions of the Sourced fields, defaulted so they are never null.
func provenance(role string) map[string]func(v vars) string {
	return map[string]func(v vars) string{
		"sources":    func(v vars) string { return "coalesce(" + v[role] + ".sources, [])" },
		"confidence": func(v vars) string { return "coalesce(" + v[role] + ".confidence, 'INFERRED')" },
	}
}

// withExpr merges expression tables.
func withExpr(ms ...map[string]func(v vars) string) map[string]func(v vars) string {
	out := map[string]func(v vars) string{}
	for _, m := range ms {
		for k, f := range m {
			out[k] = f
		}
	}
	return out
}

// asString renders temporal properties as ISO strings.
func asString(prop string) func(v vars) string {
	return func(v vars) string { return "toString(" + v["n"] + "." + prop + ")" }
}

// embedNode projects the node in variable role as an embedded object of type target.
func embedNode(role, target string) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		return c.project(types[target], vars{"n": v[role]}, f.Fields, false)
	}
}

// embedIf projects the node in role only when it has the label.
func embedIf(role, label, target string) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		p, err := c.project(types[target], vars{"n": v[role]}, f.Fields, false)
		return "CASE WHEN " + v[role] + ":" + label + " THEN " + p + " END", err
	}
}

// embedFarEnd projects an edge's far end (its Relay `node`, see connection) as whichever of
// the node types it is.
func embedFarEnd(allowed ...string) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		return c.polymorphic(v[farEnd], f, allowed)
	}
}

// types maps every GraphQL object type the store answers to its Cypher projection.
var types map[string]*objType

func init() {
	participation := connSpec{edge: "Participation", vars: []string{"r", "actor", "project"},
		order: func(c *compiler, x vars, f kg.Field) ([]string, error) {
			return []string{roleRank(x["r"] + ".role")}, nil
		}}
	actorProjects, projectParticipants := participation, participation
	actorProjects.tie, projectParticipants.tie = "project", "actor"
	actorProjects.parent, projectParticipants.parent = "actor", "project"
	actorProjects.match = func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
		conds, err := roleFilter(c, x["r"], f)
		return fmt.Sprintf("(%s)-[%s:PARTICIPATES_IN]->(%s:Project)", from, x["r"], x["project"]), conds, err
	}
	actorProjects.order = func(c *compiler, x vars, f kg.Field) ([]string, error) {
		return []string{"toLower(" + x["project"] + ".name)"}, nil
	}
	projectParticipants.match = func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
		conds, err := roleFilter(c, x["r"], f)
		return fmt.Sprintf("(%s)<-[%s:PARTICIPATES_IN]-(%s:Actor)", from, x["r"], x["actor"]), conds, err
	}
	projectParticipants.order = func(c *compiler, x vars, f kg.Field) ([]string, error) {
		o, _ := participation.order(c, x, f)
		return append(o, "toLower("+x["actor"]+".name)"), nil
	}

	funding := connSpec{edge: "Funding", vars: []string{"r", "funder", "project"}}
	funderFundings := funding
	funderFundings.tie, funderFundings.parent = "project", "funder"
	funderFundings.match = func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
		return fmt.Sprintf("(%s)-[%s:FUNDS]->(%s:Project)", from, x["r"], x["project"]), nil, nil
	}
	funderFundings.order = func(c *compiler, x vars, f kg.Field) ([]string, error) {
		return []string{"toLower(" + x["project"] + ".name)"}, nil
	}
	projectFunders := funding
	projectFunders.tie, projectFunders.parent = "funder", "project"
	projectFunders.match = func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
		return fmt.Sprintf("(%s)<-[%s:FUNDS]-(%s:FundingProgramme|Actor)", from, x["r"], x["funder"]), nil, nil
	}
	projectFunders.order = func(c *compiler, x vars, f kg.Field) ([]string, error) {
		return []string{"coalesce(" + x["r"] + ".amount, -1) DESC", "toLower(" + x["funder"] + ".name)"}, nil
	}

	stageActors := connSpec{edge: "ActorEdge", vars: []string{"node"}, tie: "node",
		match: func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
			conds, err := c.actorFilter(x["node"], f.Args["filter"], 0)
			return fmt.Sprintf("(%s)<-[:ACTIVE_IN]-(%s:Actor)", from, x["node"]), conds, err
		},
		order: func(c *compiler, x vars, f kg.Field) ([]string, error) {
			return []string{"toLower(" + x["node"] + ".name)"}, nil
		}}
	stageProjects := connSpec{edge: "ProjectEdge", vars: []string{"node"}, tie: "node",
		match: func(c *compiler, from string, x vars, f kg.Field) (string, []string, error) {
			return fmt.Sprintf("(%s)<-[:TARGETS]-(%s:Project)", from, x["node"]), nil, nil
		},
		order: func(c *compiler, x vars, f kg.Field) ([]string, error) {
			return []string{"toLower(" + x["node"] + ".name)"}, nil
		}}

	byName := func(text, target string) pattern {
		return pattern{text: text, target: target, order: "toLower({to}.name)"}
	}
	stagesOf := func(text string) pattern { return pattern{text: text, target: "ValueChainStage", order: "{to}.order"} }

	types = map[string]*objType{
		"Source": {name: "Source", label: "Source",
			plain: []string{"id", "name", "publisher", "url", "file"},
			expr:  map[string]func(v vars) string{"published": asString("published")}},
		"Actor": {name: "Actor", label: "Actor",
			plain: []string{"id", "name", "shortName", "nameAsPrinted", "description", "city", "country", "region", "website", "activityType", "email"},
			expr: withExpr(provenance("n"), map[string]func(v vars) string{
				"kind":      func(v vars) string { return kindExpr(v["n"]) },
				"updatedAt": asString("updatedAt"),
			}),
			rels: map[string]relation{
				"projects": connection(actorProjects),
				"stages":   list(stagesOf("({from})-[:ACTIVE_IN]->({to}:ValueChainStage)"), nil),
				"fundings": connection(funderFundings),
				"manages":  list(byName("({from})-[:MANAGES]->({to}:FundingProgramme)", "FundingProgramme"), nil),
				"partOf":   list(byName("({from})-[:PART_OF]->({to}:Actor)", "Actor"), nil),
				"parts":    list(byName("({from})<-[:PART_OF]-({to}:Actor)", "Actor"), nil),
				"memberOf": list(byName("({from})-[:MEMBER_OF]->({to}:Actor)", "Actor"), nil),
				"contacts": list(byName("({from})<-[:CONTACT_FOR]-({to}:Person)", "Person"), nil),
			}},
		"Project": {name: "Project", label: "Project",
			plain: []string{"id", "name", "acronym", "title", "description", "type", "status", "totalInvestment", "currency", "email"},
			expr: withExpr(provenance("n"), map[string]func(v vars) string{
				"startDate": asString("startDate"), "endDate": asString("endDate"), "updatedAt": asString("updatedAt"),
			}),
			rels: map[string]relation{
				"participants": connection(projectParticipants),
				"funders":      connection(projectFunders),
				"stages":       list(stagesOf("({from})-[:TARGETS]->({to}:ValueChainStage)"), nil),
				"topics":       list(byName("({from})-[:ADDRESSES]->({to}:Topic)", "Topic"), nil),
				"events":       list(pattern{text: "({from})<-[:PART_OF]-({to}:Event)", target: "Event", order: "{to}.date"}, nil),
				"contacts":     list(byName("({from})<-[:CONTACT_FOR]-({to}:Person)", "Person"), nil),
			}},
		"FundingProgramme": {name: "FundingProgramme", label: "FundingProgramme",
			plain: []string{"id", "name", "description", "level", "instrument", "budget", "currency"},
			expr:  withExpr(provenance("n"), map[string]func(v vars) string{"updatedAt": asString("updatedAt")}),
			rels: map[string]relation{
				"managers": list(byName("({from})<-[:MANAGES]-({to}:Actor)", "Actor"), nil),
				"partOf":   list(byName("({from})-[:PART_OF]->({to}:FundingProgramme)", "FundingProgramme"), nil),
				"parts":    list(byName("({from})<-[:PART_OF]-({to}:FundingProgramme)", "FundingProgramme"), nil),
				"fundings": connection(funderFundings),
			}},
		"ValueChainStage": {name: "ValueChainStage", label: "ValueChainStage",
			plain: []string{"id", "code", "order", "name", "definition"},
			expr:  provenance("n"),
			rels: map[string]relation{
				"next":     stageLinks,
				"actors":   connection(stageActors),
				"projects": connection(stageProjects),
			}},
		"StageLink": {name: "StageLink",
			expr:  map[string]func(v vars) string{"flow": func(v vars) string { return v["r"] + ".flow" }},
			embed: map[string]relation{"stage": embedNode("n", "ValueChainStage")}},
		"Topic": {name: "Topic", label: "Topic",
			plain: []string{"id", "name", "description", "kind"},
			expr:  provenance("n"),
			rels: map[string]relation{
				"factors": list(pattern{text: "({from})-[:HAS_FACTOR]->({to}:Factor)", target: "Factor",
					order: "CASE WHEN {to}:Barrier THEN 0 ELSE 1 END, {to}.text"}, factorFilter),
				"events": list(pattern{text: "({from})<-[:ADDRESSES]-({to}:Event)", target: "Event", order: "{to}.date"}, nil),
			}},
		"Factor": {name: "Factor", label: "Factor",
			plain: []string{"id", "text"},
			expr: withExpr(provenance("n"), map[string]func(v vars) string{
				"type":       func(v vars) string { return "CASE WHEN " + v["n"] + ":Barrier THEN 'BARRIER' ELSE 'LEVER' END" },
				"categories": func(v vars) string { return "coalesce(" + v["n"] + ".categories, [])" },
			}),
			rels: map[string]relation{
				"topic":  single(byName("({from})<-[:HAS_FACTOR]-({to}:Topic)", "Topic")),
				"stages": list(stagesOf("({from})-[:CONCERNS]->({to}:ValueChainStage)"), nil),
			}},
		"Event": {name: "Event", label: "Event",
			plain: []string{"id", "name", "description", "place", "participants"},
			expr: withExpr(provenance("n"), map[string]func(v vars) string{
				"date": asString("date"), "endDate": asString("endDate"),
			}),
			rels: map[string]relation{
				"organisers": list(byName("({from})<-[:ORGANISED]-({to}:Actor)", "Actor"), nil),
				"visited":    list(byName("({from})<-[:VISITED]-({to}:Actor)", "Actor"), nil),
				"projects":   list(byName("({from})-[:PART_OF]->({to}:Project)", "Project"), nil),
				"topics":     list(byName("({from})-[:ADDRESSES]->({to}:Topic)", "Topic"), nil),
			}},
		"Person": {name: "Person", label: "Person",
			plain: []string{"id", "name", "role", "email"},
			expr:  provenance("n"),
			rels: map[string]relation{
				"worksFor":           list(byName("({from})-[:WORKS_FOR]->({to}:Actor)", "Actor"), nil),
				"contactForActors":   list(byName("({from})-[:CONTACT_FOR]->({to}:Actor)", "Actor"), nil),
				"contactForProjects": list(byName("({from})-[:CONTACT_FOR]->({to}:Project)", "Project"), nil),
			}},
		"Participation": {name: "Participation", computed: []string{"cursor"},
			expr: withExpr(provenance("r"), map[string]func(v vars) string{
				"role": func(v vars) string { return v["r"] + ".role" },
			}),
			embed: map[string]relation{"actor": embedNode("actor", "Actor"), "project": embedNode("project", "Project"),
				"node": embedFarEnd("Actor", "Project")}},
		"Funding": {name: "Funding", computed: []string{"cursor"},
			expr: withExpr(provenance("r"), map[string]func(v vars) string{
				"amount":     func(v vars) string { return "toFloat(" + v["r"] + ".amount)" },
				"currency":   func(v vars) string { return v["r"] + ".currency" },
				"instrument": func(v vars) string { return v["r"] + ".instrument" },
				"date":       func(v vars) string { return "toString(" + v["r"] + ".date)" },
				"funderId":   func(v vars) string { return v["funder"] + ".id" },
				"funderName": func(v vars) string { return v["funder"] + ".name" },
			}),
			embed: map[string]relation{
				"programme": embedIf("funder", "FundingProgramme", "FundingProgramme"),
				"actor":     embedIf("funder", "Actor", "Actor"),
				"project":   embedNode("project", "Project"),
				"node":      embedFarEnd("Project", "FundingProgramme", "Actor"),
			}},
		"ActorEdge":   {name: "ActorEdge", computed: []string{"cursor"}, embed: map[string]relation{"node": embedNode("node", "Actor")}},
		"ProjectEdge": {name: "ProjectEdge", computed: []string{"cursor"}, embed: map[string]relation{"node": embedNode("node", "Project")}},
	}
}

// stageLinks compiles ValueChainStage.next: the NEXT edges with their flow, in stage order.
func stageLinks(c *compiler, v vars, f kg.Field) (string, error) {
	r, to := c.newVar("r"), c.newVar("n")
	proj, err := c.project(types["StageLink"], vars{"r": r, "n": to}, f.Fields, false)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("COLLECT { MATCH (%s)-[%s:NEXT]->(%s:ValueChainStage) WITH %s, %s ORDER BY %s.order LIMIT %d RETURN %s }",
		v["n"], r, to, r, to, to, c.lim.MaxPage, proj), nil
}

// roleFilter reads the `role` argument of a participation connection.
func roleFilter(c *compiler, r string, f kg.Field) ([]string, error) {
	v, ok := f.Args["role"]
	if !ok || v == nil {
		return nil, nil
	}
	rs, err := enumList("role", v, roles)
	if err != nil {
		return nil, err
	}
	return []string{r + ".role IN " + c.param(rs)}, nil
}

// factorFilter reads the `type` and `category` arguments of Topic.factors.
func factorFilter(c *compiler, to string, f kg.Field) ([]string, error) {
	var conds []string
	if v := f.Args["type"]; v != nil {
		l, err := enumList("type", v, factorTypes)
		if err != nil {
			return nil, err
		}
		conds = append(conds, to+":"+l[0])
	}
	if v := f.Args["category"]; v != nil {
		l, err := enumList("category", v, factorCategories)
		if err != nil {
			return nil, err
		}
		conds = append(conds, c.param(l[0])+" IN "+to+".categories")
	}
	return conds, nil
}

// andAll joins conditions with AND, or returns "true" when there are none.
func andAll(conds []string) string {
	if len(conds) == 0 {
		return "true"
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}
