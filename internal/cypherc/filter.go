package cypherc

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

// textContains is a "contains" over some properties of n that ignores case and accents
// ("liege" finds "Liège"): a regex of the text's words (textRegex), passed as a parameter.
func (c *compiler) textContains(n string, v any, props ...string) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", kg.Errorf(kg.EINVALID, "text must be a string")
	}
	if err := checkTextLength(strings.TrimSpace(s)); err != nil {
		return "", err
	}
	if len(searchWords(s)) == 0 {
		return "true", nil // no letter or digit: every text contains it
	}
	p := c.param(textRegex(s))
	var ors []string
	for _, prop := range props {
		ors = append(ors, fmt.Sprintf("%s.%s =~ %s", n, prop, p))
	}
	return "(" + strings.Join(ors, " OR ") + ")", nil
}

// boolean compiles the AND and OR lists of a filter with sub, one level deeper.
func (c *compiler) boolean(key string, v any, depth int, sub func(any, int) ([]string, error)) (string, error) {
	l, ok := v.([]any)
	if !ok {
		return "", kg.Errorf(kg.EINVALID, "%s must be a list of filters", key)
	}
	if len(l) > kg.MaxFilterItems {
		return "", kg.Errorf(kg.EINVALID, "%s takes at most %d filters, got %d", key, kg.MaxFilterItems, len(l))
	}
	var parts []string
	seen := map[string]bool{}
	for _, x := range l {
		// A repeated filter adds nothing: compile it once (fmt prints maps in key order).
		k := fmt.Sprint(x)
		if seen[k] {
			continue
		}
		seen[k] = true
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

// condition compiles one key of a filter input over the node in variable n.
type condition func(c *compiler, n string, v any) (string, error)

// filterSpec lists the keys a filter input type accepts (AND and OR aside).
type filterSpec map[string]condition

// filter compiles a filter input with spec: every given key must hold; AND and OR nest
// filters of the same type, at most MaxFilter levels deep.
func (c *compiler) filter(spec filterSpec, n string, v any, depth int) ([]string, error) {
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
		switch build := spec[k]; {
		case k == "AND" || k == "OR":
			cond, err = c.boolean(k, val, depth, func(x any, d int) ([]string, error) { return c.filter(spec, n, x, d) })
		case build != nil:
			cond, err = build(c, n, val)
		default:
			err = kg.Errorf(kg.EINVALID, "unknown filter %s", kg.Quote(k))
		}
		if err != nil {
			return nil, err
		}
		conds = append(conds, cond)
	}
	return conds, nil
}

// idIn: the node's id is one of the given ids.
func idIn(c *compiler, n string, v any) (string, error) {
	ids, ok := stringList(v)
	if !ok {
		return "", kg.Errorf(kg.EINVALID, "ids must be a list of ids")
	}
	ids, err := distinct("ids", ids)
	if err != nil {
		return "", err
	}
	return n + ".id IN " + c.param(ids), nil
}

// propIn: the property holds one of the given enum values.
func propIn(arg, prop string, allowed map[string]string) condition {
	return func(c *compiler, n string, v any) (string, error) {
		l, err := enumList(arg, v, allowed)
		if err != nil {
			return "", err
		}
		return n + "." + prop + " IN " + c.param(l), nil
	}
}

// reachesStage: the node has a relationship of type rel to one of the given stages.
func reachesStage(rel string) condition {
	return func(c *compiler, n string, v any) (string, error) {
		ss, err := enumList("stage", v, stageCodes)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("EXISTS { MATCH (%s)-[:%s]->(s:ValueChainStage) WHERE s.code IN %s }", n, rel, c.param(ss)), nil
	}
}

// textIn: some of the properties contain the text, ignoring case.
func textIn(props ...string) condition {
	return func(c *compiler, n string, v any) (string, error) { return c.textContains(n, v, props...) }
}

// related: the node is linked to the node with the given id by pattern, in which {n} is the
// node and {id} the id parameter.
func related(pattern string) condition {
	return func(c *compiler, n string, v any) (string, error) {
		return strings.NewReplacer("{n}", n, "{id}", c.param(v)).Replace(pattern), nil
	}
}

var actorFilters = filterSpec{
	"ids": idIn,
	"kind": func(c *compiler, n string, v any) (string, error) {
		labels, err := enumList("kind", v, actorKinds)
		if err != nil || len(labels) == 0 {
			return "false", err
		}
		var ors []string
		for _, l := range labels {
			ors = append(ors, n+":"+l)
		}
		return "(" + strings.Join(ors, " OR ") + ")", nil
	},
	"region": propIn("region", "region", regions),
	"country": func(c *compiler, n string, v any) (string, error) {
		cs, ok := stringList(v)
		if !ok {
			return "", kg.Errorf(kg.EINVALID, "country must be a list of ISO codes")
		}
		for i := range cs {
			cs[i] = strings.ToUpper(cs[i])
		}
		cs, err := distinct("country", cs)
		if err != nil {
			return "", err
		}
		return n + ".country IN " + c.param(cs), nil
	},
	"stage":      reachesStage("ACTIVE_IN"),
	"project":    related("EXISTS { MATCH ({n})-[:PARTICIPATES_IN]->(:Project {id: {id}}) }"),
	"text":       textIn("name", "shortName", "description"),
	"confidence": propIn("confidence", "confidence", confidences),
}

var projectFilters = filterSpec{
	"ids":         idIn,
	"type":        propIn("type", "type", projectTypes),
	"status":      propIn("status", "status", projectStatuses),
	"stage":       reachesStage("TARGETS"),
	"participant": related("EXISTS { MATCH ({n})<-[:PARTICIPATES_IN]-(:Actor {id: {id}}) }"),
	"funder":      related("EXISTS { MATCH ({n})<-[:FUNDS]-(f:FundingProgramme|Actor) WHERE f.id = {id} }"),
	"minInvestment": func(c *compiler, n string, v any) (string, error) {
		x, ok := toFloat(v)
		if !ok {
			return "", kg.Errorf(kg.EINVALID, "minInvestment must be a number")
		}
		return n + ".totalInvestment >= " + c.param(x), nil
	},
	"text": textIn("name", "acronym", "title", "description"),
}

// actorFilter compiles an ActorFilter over the actor in variable n.
func (c *compiler) actorFilter(n string, v any, depth int) ([]string, error) {
	return c.filter(actorFilters, n, v, depth)
}

// projectFilter compiles a ProjectFilter over the project in variable n.
func (c *compiler) projectFilter(n string, v any, depth int) ([]string, error) {
	return c.filter(projectFilters, n, v, depth)
}

// sortKeys are the whitelisted sort keys per list, as expressions over {n}.
var sortKeys = map[string]map[string]string{
	"Actor": {
		"NAME": "{n}." + kg.NameKey, "ID": "{n}.id", "REGION": "{n}.region", "KIND": kindExpr("{n}"),
		"PROJECT_COUNT": "COUNT { ({n})-[:PARTICIPATES_IN]->(:Project) }",
	},
	"Project": {
		"NAME": "{n}." + kg.NameKey, "ID": "{n}.id", "START_DATE": "{n}.startDate", "TOTAL_INVESTMENT": "{n}.totalInvestment",
		"PARTICIPANT_COUNT": "COUNT { ({n})<-[:PARTICIPATES_IN]-(:Actor) }",
	},
}

// orderBy compiles an orderBy argument into ORDER BY expressions over n (default: name).
// Names sort by their stored key (kg.NameKey), which is the name in lower case.
func orderBy(typ, n string, v any) ([]string, error) {
	keys := sortKeys[typ]
	l, ok := v.([]any)
	if v == nil || (ok && len(l) == 0) {
		return []string{strings.ReplaceAll(keys["NAME"], "{n}", n)}, nil
	}
	if !ok {
		return nil, kg.Errorf(kg.EINVALID, "orderBy must be a list")
	}
	if len(l) > kg.MaxOrderBy {
		return nil, kg.Errorf(kg.EINVALID, "orderBy takes at most %d items, got %d", kg.MaxOrderBy, len(l))
	}
	var out []string
	used := map[string]bool{}
	for _, x := range l {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, kg.Errorf(kg.EINVALID, "orderBy items must be input objects")
		}
		field, _ := m["field"].(string)
		expr, ok := keys[field]
		if !ok {
			return nil, kg.Errorf(kg.EINVALID, "unknown sort field %s", kg.Quote(field))
		}
		if used[field] {
			continue // a field sorted on again changes nothing: its first item decides
		}
		used[field] = true
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
