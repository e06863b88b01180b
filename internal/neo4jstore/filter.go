package neo4jstore

import (
	"fmt"
	"sort"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// filterInput reads a filter argument: nil, or an input object.
func filterInput(name string, v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, kg.Errorf(kg.EINVALID, "%s must be an input object", name)
	}
	return m, nil
}

// filterKeys returns a filter's keys in order, so the same filter compiles the same way.
func filterKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// textContains is a case-insensitive "contains" over some properties of n.
func (c *compiler) textContains(n string, v any, props ...string) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", kg.Errorf(kg.EINVALID, "text must be a string")
	}
	p := c.param(strings.ToLower(s))
	var ors []string
	for _, prop := range props {
		ors = append(ors, fmt.Sprintf("toLower(coalesce(%s.%s, '')) CONTAINS %s", n, prop, p))
	}
	return "(" + strings.Join(ors, " OR ") + ")", nil
}

// boolean compiles the AND and OR lists of a filter with sub, one level deeper.
func (c *compiler) boolean(key string, v any, depth int, sub func(any, int) ([]string, error)) (string, error) {
	l, ok := v.([]any)
	if !ok {
		return "", kg.Errorf(kg.EINVALID, "%s must be a list of filters", key)
	}
	var parts []string
	for _, x := range l {
		conds, err := sub(x, depth+1)
		if err != nil {
			return "", err
		}
		parts = append(parts, andAll(conds))
	}
	if len(parts) == 0 {
		return "true", nil
	}
	op := " AND "
	if key == "OR" {
		op = " OR "
	}
	return "(" + strings.Join(parts, op) + ")", nil
}

// actorFilter compiles an ActorFilter over the actor in variable n.
func (c *compiler) actorFilter(n string, v any, depth int) ([]string, error) {
	if depth > c.lim.MaxFilter {
		return nil, kg.Errorf(kg.EINVALID, "filter nests AND/OR deeper than %d levels", c.lim.MaxFilter)
	}
	m, err := filterInput("filter", v)
	if err != nil || m == nil {
		return nil, err
	}
	var conds []string
	for _, k := range filterKeys(m) {
		val := m[k]
		if val == nil {
			continue
		}
		var cond string
		switch k {
		case "ids":
			ids, ok := stringList(val)
			if !ok {
				return nil, kg.Errorf(kg.EINVALID, "ids must be a list of ids")
			}
			cond = n + ".id IN " + c.param(ids)
		case "kind":
			labels, err := enumList("kind", val, actorKinds)
			if err != nil {
				return nil, err
			}
			var ors []string
			for _, l := range labels {
				ors = append(ors, n+":"+l)
			}
			cond = "(" + strings.Join(ors, " OR ") + ")"
			if len(ors) == 0 {
				cond = "false"
			}
		case "region":
			rs, err := enumList("region", val, regions)
			if err != nil {
				return nil, err
			}
			cond = n + ".region IN " + c.param(rs)
		case "country":
			cs, ok := stringList(val)
			if !ok {
				return nil, kg.Errorf(kg.EINVALID, "country must be a list of ISO codes")
			}
			for i := range cs {
				cs[i] = strings.ToUpper(cs[i])
			}
			cond = n + ".country IN " + c.param(cs)
		case "stage":
			ss, err := enumList("stage", val, stageCodes)
			if err != nil {
				return nil, err
			}
			cond = fmt.Sprintf("EXISTS { MATCH (%s)-[:ACTIVE_IN]->(s:ValueChainStage) WHERE s.code IN %s }", n, c.param(ss))
		case "project":
			cond = fmt.Sprintf("EXISTS { MATCH (%s)-[:PARTICIPATES_IN]->(:Project {id: %s}) }", n, c.param(val))
		case "text":
			if cond, err = c.textContains(n, val, "name", "shortName", "description"); err != nil {
				return nil, err
			}
		case "confidence":
			cs, err := enumList("confidence", val, confidences)
			if err != nil {
				return nil, err
			}
			cond = n + ".confidence IN " + c.param(cs)
		case "AND", "OR":
			if cond, err = c.boolean(k, val, depth, func(x any, d int) ([]string, error) { return c.actorFilter(n, x, d) }); err != nil {
				return nil, err
			}
		default:
			return nil, kg.Errorf(kg.EINVALID, "unknown actor filter %q", k)
		}
		conds = append(conds, cond)
	}
	return conds, nil
}

// projectFilter compiles a ProjectFilter over the project in variable n.
func (c *compiler) projectFilter(n string, v any, depth int) ([]string, error) {
	if depth > c.lim.MaxFilter {
		return nil, kg.Errorf(kg.EINVALID, "filter nests AND/OR deeper than %d levels", c.lim.MaxFilter)
	}
	m, err := filterInput("filter", v)
	if err != nil || m == nil {
		return nil, err
	}
	var conds []string
	for _, k := range filterKeys(m) {
		val := m[k]
		if val == nil {
			continue
		}
		var cond string
		switch k {
		case "ids":
			ids, ok := stringList(val)
			if !ok {
				return nil, kg.Errorf(kg.EINVALID, "ids must be a list of ids")
			}
			cond = n + ".id IN " + c.param(ids)
		case "type":
			ts, err := enumList("type", val, projectTypes)
			if err != nil {
				return nil, err
			}
			cond = n + ".type IN " + c.param(ts)
		case "status":
			ss, err := enumList("status", val, projectStatuses)
			if err != nil {
				return nil, err
			}
			cond = n + ".status IN " + c.param(ss)
		case "stage":
			ss, err := enumList("stage", val, stageCodes)
			if err != nil {
				return nil, err
			}
			cond = fmt.Sprintf("EXISTS { MATCH (%s)-[:TARGETS]->(s:ValueChainStage) WHERE s.code IN %s }", n, c.param(ss))
		case "participant":
			cond = fmt.Sprintf("EXISTS { MATCH (%s)<-[:PARTICIPATES_IN]-(:Actor {id: %s}) }", n, c.param(val))
		case "funder":
			cond = fmt.Sprintf("EXISTS { MATCH (%s)<-[:FUNDS]-(f:FundingProgramme|Actor) WHERE f.id = %s }", n, c.param(val))
		case "minInvestment":
			x, ok := toFloat(val)
			if !ok {
				return nil, kg.Errorf(kg.EINVALID, "minInvestment must be a number")
			}
			cond = n + ".totalInvestment >= " + c.param(x)
		case "text":
			if cond, err = c.textContains(n, val, "name", "acronym", "title", "description"); err != nil {
				return nil, err
			}
		case "AND", "OR":
			if cond, err = c.boolean(k, val, depth, func(x any, d int) ([]string, error) { return c.projectFilter(n, x, d) }); err != nil {
				return nil, err
			}
		default:
			return nil, kg.Errorf(kg.EINVALID, "unknown project filter %q", k)
		}
		conds = append(conds, cond)
	}
	return conds, nil
}

// sortKeys are the whitelisted sort keys per list, as expressions over {n}.
var sortKeys = map[string]map[string]string{
	"Actor": {
		"NAME": "toLower({n}.name)", "ID": "{n}.id", "REGION": "{n}.region", "KIND": kindExpr("{n}"),
		"PROJECT_COUNT": "COUNT { ({n})-[:PARTICIPATES_IN]->(:Project) }",
	},
	"Project": {
		"NAME": "toLower({n}.name)", "ID": "{n}.id", "START_DATE": "{n}.startDate", "TOTAL_INVESTMENT": "{n}.totalInvestment",
		"PARTICIPANT_COUNT": "COUNT { ({n})<-[:PARTICIPATES_IN]-(:Actor) }",
	},
}

// orderBy compiles an orderBy argument into ORDER BY expressions over n (default: name).
func orderBy(typ, n string, v any) ([]string, error) {
	keys := sortKeys[typ]
	l, ok := v.([]any)
	if v == nil || (ok && len(l) == 0) {
		return []string{"toLower(" + n + ".name)"}, nil
	}
	if !ok {
		return nil, kg.Errorf(kg.EINVALID, "orderBy must be a list")
	}
	var out []string
	for _, x := range l {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, kg.Errorf(kg.EINVALID, "orderBy items must be input objects")
		}
		field, _ := m["field"].(string)
		expr, ok := keys[field]
		if !ok {
			return nil, kg.Errorf(kg.EINVALID, "unknown sort field %q", field)
		}
		dir := "ASC"
		switch d := m["direction"]; d {
		case nil, "ASC":
		case "DESC":
			dir = "DESC"
		default:
			return nil, kg.Errorf(kg.EINVALID, "unknown sort direction %v", d)
		}
		out = append(out, strings.ReplaceAll(expr, "{n}", n)+" "+dir)
	}
	return out, nil
}
