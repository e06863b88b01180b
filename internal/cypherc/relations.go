package cypherc

// The relationship queries for researchers (schema.graphqls, the section at the end of the
// Query type): neighbourhood, shortestPaths, connection, collaborators, fundingFlows, stageCoverage,
// factors and ecosystemStats. Like every root field, each compiles to one statement,
// `RETURN <expression> AS data`; they are registered in roots.go.
//
// Bounds: every walk is capped inside the traversal (LIMIT per level and per node, SHORTEST k
// with a bounded quantifier), so a hub with thousands of relationships costs at most the
// cap, and the store's transaction timeout (neo4jstore.Config.QueryTimeout) bounds the rest.
//
// Unknown ids: the statement answers null, which the resolver turns into NOT_FOUND.
//
// Node types reached by these queries (Actor, Project, FundingProgramme, ValueChainStage,
// Factor) are projected with the compiler's own types, so nested selections work as anywhere
// else; graph-shaped results (GraphNode, GraphEdge, Path) are plain values.

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

// relationshipTypes is the RelationshipType enum: the only relationship types that reach
// Cypher text.
var relationshipTypes = identity(kg.RelTypeNames(nil)...)

// graphLabels are the labels a GraphNode can have, in the order its `label` is picked.
var graphLabels = kg.LabelNames(nil)

// explanationTypes are the relationship types `connection` walks: the ones that say
// something about how two organisations relate (not stage order, topics or figures).
var explanationTypes = kg.RelTypeNames(func(t kg.RelType) bool { return t.Explains })

// pathTypes are the explanation types but those that lead only to stages.
var pathTypes = kg.RelTypeNames(func(t kg.RelType) bool {
	_, to := kg.Ends(t.Name)
	return t.Explains && !(len(to) == 1 && to[0] == "ValueChainStage")
})

// Bounds of the relationship queries.
const (
	maxDepth        = 3                            // neighbourhood depth
	maxHops         = 6                            // shortestPaths maxHops
	maxPaths        = 10                           // shortestPaths k
	edgesPerNode    = kg.NeighbourhoodEdgesPerNode // a neighbourhood returns at most edgesPerNode × limit relationships
	edgeScan        = kg.NeighbourhoodEdgeScan     // relationships of one kept node the neighbourhood's edge step reads at most
	connectionHops  = kg.ConnectionHops            // the longest path `connection` explains
	perExplanation  = 5                            // paths kept per kind of explanation
	maxExplanations = kg.ConnectionExplanations    // explanations `connection` returns
	programmeDepth  = kg.ProgrammeDepth            // PART_OF levels followed down a funding tree
)

// intArg reads an optional integer argument, checking its bounds.
func intArg(args map[string]any, name string, def, lo, hi int) (int, error) {
	v, ok := args[name]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < lo || n > hi {
		return 0, kg.Errorf(kg.EINVALID, "%s must be between %d and %d", name, lo, hi)
	}
	return n, nil
}

// idArg reads a required id argument.
func idArg(args map[string]any, name string) (string, error) {
	s, _ := args[name].(string)
	if strings.TrimSpace(s) == "" {
		return "", kg.Errorf(kg.EINVALID, "%s must not be empty", name)
	}
	return s, nil
}

// relTypes reads a relationshipTypes argument into a Cypher type alternation ("A|B|C");
// absent, it is every type of the model.
func relTypes(v any) (string, error) {
	if v == nil {
		all := make([]string, 0, len(relationshipTypes))
		for t := range relationshipTypes {
			all = append(all, t)
		}
		sort.Strings(all)
		return strings.Join(all, "|"), nil
	}
	l, err := enumList("relationshipTypes", v, relationshipTypes)
	if err != nil {
		return "", err
	}
	if len(l) == 0 {
		return "", kg.Errorf(kg.EINVALID, "relationshipTypes must name at least one type")
	}
	return strings.Join(l, "|"), nil
}

// findNode is an expression for the node with the id in param, whatever its label among
// labels (the planner makes it one unique-index seek per label), or null.
func findNode(param string, labels []string) string {
	return fmt.Sprintf("head(COLLECT { MATCH (fn:%s) WHERE fn.id = %s RETURN fn LIMIT 1 })", strings.Join(labels, "|"), param)
}

// display is the name a sentence uses for the node in x: its short name if it has one.
func display(x string) string {
	return fmt.Sprintf("coalesce(%[1]s.shortName, %[1]s.name, %[1]s.text, %[1]s.id)", x)
}

// labelOf is the GraphNode label of the node in x.
func labelOf(x string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for _, l := range graphLabels {
		fmt.Fprintf(&b, " WHEN %s:%s THEN '%s'", x, l, l)
	}
	b.WriteString(" ELSE 'Node' END")
	return b.String()
}

// subFields returns the merged sub-selections of the child fields called name, and whether
// there is one.
func subFields(fields []kg.Field, name string) ([]kg.Field, bool) {
	var out []kg.Field
	found := false
	for _, f := range fields {
		if f.Name == name {
			found = true
			out = append(out, f.Fields...)
		}
	}
	return out, found
}

// subOf returns the sub-selection found by following the child names from fields.
func subOf(fields []kg.Field, path ...string) []kg.Field {
	for _, name := range path {
		fields, _ = subFields(fields, name)
	}
	return fields
}

// graphNode is a GraphNode of the node in x; depth is an expression or "null".
func (c *compiler) graphNode(x, depth string, fields []kg.Field) (string, error) {
	return c.obj(fields).
		plain("id", x+".id").
		plain("label", labelOf(x)).
		plain("name", fmt.Sprintf("coalesce(%[1]s.name, %[1]s.text, %[1]s.id)", x)).
		plain("shortName", x+".shortName").
		plain("kind", fmt.Sprintf("CASE WHEN %s:Actor THEN %s END", x, kindExpr(x))).
		plain("region", fmt.Sprintf("CASE WHEN %[1]s:Actor THEN %[1]s.region END", x)).
		plain("depth", depth).
		build()
}

// relKeys are the relationship properties of the model, in the order Property lists come in.
const relKeys = "['amount', 'confidence', 'currency', 'date', 'flow', 'instrument', 'role']"

// properties is the [Property] list of the relationship in r: the model's properties in
// key order, then any other, `sources` left out.
func properties(r string) string {
	value := fmt.Sprintf("CASE WHEN %[1]s[pk] IS :: LIST<ANY> THEN reduce(acc = '', x IN %[1]s[pk] | acc + CASE WHEN acc = '' THEN '' ELSE ', ' END + toString(x)) "+
		"WHEN %[1]s[pk] IS :: FLOAT AND %[1]s[pk] = round(%[1]s[pk]) AND abs(%[1]s[pk]) < 1e15 THEN toString(toInteger(%[1]s[pk])) "+
		"ELSE toString(%[1]s[pk]) END", r)
	return fmt.Sprintf("[pk IN %[2]s WHERE %[1]s[pk] IS NOT NULL | {key: pk, value: %[3]s}] + "+
		"[pk IN keys(%[1]s) WHERE NOT pk IN %[2]s AND pk <> 'sources' | {key: pk, value: %[3]s}]", r, relKeys, value)
}

// graphEdge is a GraphEdge of the relationship in r.
func (c *compiler) graphEdge(r string, fields []kg.Field) (string, error) {
	return c.obj(fields).
		plain("id", fmt.Sprintf("startNode(%[1]s).id + '|' + type(%[1]s) + '|' + endNode(%[1]s).id", r)).
		plain("type", "type("+r+")").
		plain("from", "startNode("+r+").id").
		plain("to", "endNode("+r+").id").
		plain("role", r+".role").
		plain("amount", "toFloat("+r+".amount)").
		plain("currency", r+".currency").
		plain("instrument", r+".instrument").
		plain("flow", r+".flow").
		plain("confidence", "coalesce("+r+".confidence, 'INFERRED')").
		plain("sources", "coalesce("+r+".sources, [])").
		plain("properties", properties(r)).
		build()
}

// pathValue is a Path of the path in p.
func (c *compiler) pathValue(p string, fields []kg.Field) (string, error) {
	return c.obj(fields).
		plain("length", "length("+p+")").
		custom("nodes", func(sub []kg.Field) (string, error) {
			n, err := c.graphNode("pn", "null", sub)
			return fmt.Sprintf("[pn IN nodes(%s) | %s]", p, n), err
		}).
		custom("hops", func(sub []kg.Field) (string, error) {
			r := "relationships(" + p + ")[hi]"
			hop, err := c.obj(sub).
				plain("type", "type("+r+")").
				plain("direction", fmt.Sprintf("CASE WHEN startNode(%s) = nodes(%s)[hi] THEN 'FORWARD' ELSE 'BACKWARD' END", r, p)).
				plain("from", "nodes("+p+")[hi].id").
				plain("to", "nodes("+p+")[hi + 1].id").
				plain("properties", properties(r)).
				custom("edge", func(sub []kg.Field) (string, error) { return c.graphEdge(r, sub) }).
				build()
			return fmt.Sprintf("[hi IN range(0, length(%s) - 1) | %s]", p, hop), err
		}).
		build()
}

// neighbourhoodRoot answers `neighbourhood(id:, depth:, relationshipTypes:, limit:)`: a walk
// level by level, each level capped at `limit` new nodes and each node's expansion at
// `limit` neighbours, then the relationships among the nodes kept.
func neighbourhoodRoot(c *compiler, f kg.Field) (string, error) {
	id, err := idArg(f.Args, "id")
	if err != nil {
		return "", err
	}
	depth, err := intArg(f.Args, "depth", kg.NeighbourhoodDepth, 1, maxDepth)
	if err != nil {
		return "", err
	}
	limit, err := intArg(f.Args, "limit", kg.NeighbourhoodLimit, 1, c.lim.MaxPage)
	if err != nil {
		return "", err
	}
	T, err := relTypes(f.Args["relationshipTypes"])
	if err != nil {
		return "", err
	}
	lim, ecap := c.param(limit), c.param(limit*edgesPerNode)
	out, err := c.obj(f.Fields).
		custom("nodes", func(sub []kg.Field) (string, error) {
			n, err := c.graphNode("e.n", "e.d", sub)
			return "COLLECT { UNWIND kept AS e WITH e ORDER BY e.d, toLower(coalesce(e.n.name, e.n.text, e.n.id)), e.n.id RETURN " + n + " }", err
		}).
		custom("edges", func(sub []kg.Field) (string, error) {
			e, err := c.graphEdge("r", sub)
			return fmt.Sprintf("COLLECT { UNWIND rs[..%s] AS r WITH r ORDER BY startNode(r).id, type(r), endNode(r).id RETURN %s }", ecap, e), err
		}).
		plain("truncated", fmt.Sprintf("cut OR size(rs) > %s", ecap)).
		build()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "head(COLLECT { WITH %s AS ctr WHERE ctr IS NOT NULL ", findNode(c.param(id), graphLabels))
	fmt.Fprintf(&b, "WITH ctr, COLLECT { MATCH (ctr)-[:%s]-(m) WHERE m <> ctr RETURN DISTINCT m LIMIT %s } AS lv1 ", T, lim)
	carried := []string{"ctr", "lv1"}
	for d := 2; d <= depth; d++ {
		seen := make([]string, 0, d)
		for i := 1; i < d; i++ {
			seen = append(seen, fmt.Sprintf("NOT m IN lv%d", i))
		}
		fmt.Fprintf(&b, "WITH %s, COLLECT { UNWIND lv%d AS x CALL (x) { MATCH (x)-[:%s]-(m) RETURN m LIMIT %s } "+
			"WITH DISTINCT m WHERE m <> ctr AND %s RETURN m LIMIT %s } AS lv%d ",
			strings.Join(carried, ", "), d-1, T, lim, strings.Join(seen, " AND "), lim, d)
		carried = append(carried, fmt.Sprintf("lv%d", d))
	}
	found := []string{"[{n: ctr, d: 0}]"}
	for d := 1; d <= depth; d++ {
		found = append(found, fmt.Sprintf("[x IN lv%d | {n: x, d: %d}]", d, d))
	}
	fmt.Fprintf(&b, "WITH %s AS found ", strings.Join(found, " + "))
	fmt.Fprintf(&b, "WITH found[..%s] AS kept, size(found) > %s AS cut ", lim, lim)
	b.WriteString("WITH kept, cut, [e IN kept | e.n] AS ns ")
	// Each kept node's relationships are read up to edgeScan: past that (a hub), the ones not
	// read are left out and the answer says it is truncated.
	fmt.Fprintf(&b, "WITH kept, cut, ns, COLLECT { UNWIND ns AS a CALL (a) { MATCH (a)-[r:%s]->(z) RETURN r, z LIMIT %d } "+
		"WITH a, collect(CASE WHEN z IN ns THEN r END) AS found, count(*) >= %d AS full RETURN {found: found, full: full} } AS scans ", T, edgeScan, edgeScan)
	fmt.Fprintf(&b, "WITH kept, cut OR any(s IN scans WHERE s.full) AS cut, reduce(acc = [], s IN scans | acc + s.found)[..%s + 1] AS rs ", ecap)
	fmt.Fprintf(&b, "RETURN %s })", out)
	return b.String(), nil
}

// twoNodes reads `from` and `to`, which must differ.
func twoNodes(f kg.Field) (string, string, error) {
	from, err := idArg(f.Args, "from")
	if err != nil {
		return "", "", err
	}
	to, err := idArg(f.Args, "to")
	if err != nil {
		return "", "", err
	}
	if from == to {
		return "", "", kg.Errorf(kg.EINVALID, "from and to must be different nodes")
	}
	return from, to, nil
}

// shortestPathsRoot answers `shortestPaths(from:, to:, maxHops:, relationshipTypes:, k:, viaStages:)`
// with Neo4j's SHORTEST k over a bounded quantified path pattern, ignoring direction.
func shortestPathsRoot(c *compiler, f kg.Field) (string, error) {
	via, _ := f.Args["viaStages"].(bool)
	return pathsExpr(c, f, via, f.Fields)
}

// pathsExpr is the list of shortest paths f asks for (null when an id is unknown), through
// stages when via, each projected with the Path selection fields.
func pathsExpr(c *compiler, f kg.Field, via bool, fields []kg.Field) (string, error) {
	from, to, err := twoNodes(f)
	if err != nil {
		return "", err
	}
	hops, err := intArg(f.Args, "maxHops", kg.PathsMaxHops, 1, maxHops)
	if err != nil {
		return "", err
	}
	k, err := intArg(f.Args, "k", kg.PathsK, 1, maxPaths)
	if err != nil {
		return "", err
	}
	T, err := relTypes(f.Args["relationshipTypes"])
	if err != nil {
		return "", err
	}
	path, err := c.pathValue("p", fields)
	if err != nil {
		return "", err
	}
	// k and hops are validated integers: SHORTEST and quantifiers take literals only.
	walk := fmt.Sprintf("(a)-[:%s]-{1,%d}(b)", T, hops)
	if !via {
		// The predicate prunes the search itself: no hop enters a stage but the last.
		walk = fmt.Sprintf("(a) (()-[:%s]-(sn) WHERE sn = b OR NOT sn:ValueChainStage){1,%d} (b)", T, hops)
	}
	return fmt.Sprintf("head(COLLECT { WITH %s AS a, %s AS b WHERE a IS NOT NULL AND b IS NOT NULL "+
		"RETURN COLLECT { MATCH p = SHORTEST %d %s WHERE %s WITH p ORDER BY length(p), [x IN nodes(p) | x.id] RETURN %s } })",
		findNode(c.param(from), graphLabels), findNode(c.param(to), graphLabels), k, walk, simplePath, path), nil
}

// Path search budget (`pathSearch(budgetMs:)`), in milliseconds.
const (
	pathBudgetMs    = 800
	minPathBudgetMs = 50
	maxPathBudgetMs = 5000
)

// cutArg marks a pathSearch compiled as the answer to a search that ran out of its budget:
// cutPaths (CompileCut) or cutEmpty (CompileGivenUp). No GraphQL argument can have the name.
const cutArg = "cut short"

// What a cut pathSearch answers.
const (
	cutPaths = "paths through no stage"
	cutEmpty = "no paths"
)

// pathSearchRoot answers `pathSearch(...)`: the paths of shortestPaths with whether the search
// completed. The store runs it within PathBudget; through stages beside CompileCut's
// statement (the search without stages, which says it is not complete), answering that one
// when the search runs out, and CompileGivenUp's when both do; through no stage,
// CompileGivenUp's when it runs out.
func pathSearchRoot(c *compiler, f kg.Field) (string, error) {
	if _, err := intArg(f.Args, "budgetMs", pathBudgetMs, minPathBudgetMs, maxPathBudgetMs); err != nil {
		return "", err
	}
	via, _ := f.Args["viaStages"].(bool)
	cut, _ := f.Args[cutArg].(string)
	var paths string
	var err error
	if cut == cutEmpty {
		paths, err = noPaths(c, f)
	} else {
		paths, err = pathsExpr(c, f, via && cut == "", subOf(f.Fields, "paths"))
	}
	if err != nil {
		return "", err
	}
	out, err := c.obj(f.Fields).
		plain("paths", "ps").
		plain("complete", c.param(cut == "")).
		plain("viaStages", c.param(via && cut == "")).
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { WITH %s AS ps WHERE ps IS NOT NULL RETURN %s })", paths, out), nil
}

// noPaths is an empty list of paths, or null when an id is unknown (as pathsExpr).
func noPaths(c *compiler, f kg.Field) (string, error) {
	from, to, err := twoNodes(f)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { WITH %s AS a, %s AS b WHERE a IS NOT NULL AND b IS NOT NULL RETURN [] })",
		findNode(c.param(from), graphLabels), findNode(c.param(to), graphLabels)), nil
}

// ThroughStages reports whether f is a path search that may pass through stages
// (shortestPaths or pathSearch with viaStages), one Neo4j cannot stop once started.
func ThroughStages(f kg.Field) bool {
	via, _ := f.Args["viaStages"].(bool)
	return via && (f.Name == "shortestPaths" || f.Name == "pathSearch")
}

// PathBudget is how long the search of the pathSearch field f may take: ok is false for any
// other field.
func PathBudget(f kg.Field) (budget time.Duration, ok bool) {
	if f.Name != "pathSearch" {
		return 0, false
	}
	ms, err := intArg(f.Args, "budgetMs", pathBudgetMs, minPathBudgetMs, maxPathBudgetMs)
	if err != nil {
		return 0, false
	}
	return time.Duration(ms) * time.Millisecond, true
}

// CompileCut compiles the answer of the pathSearch field f when its search ran out of its
// budget: the shortest paths through no stage, with `complete: false`.
func CompileCut(f kg.Field, lim Limits) (Statement, error) { return compileCut(f, lim, cutPaths) }

// CompileGivenUp compiles the answer of the pathSearch field f when both its search and
// CompileCut's ran out of the budget: no paths, with `complete: false` (null for an unknown
// id, as always).
func CompileGivenUp(f kg.Field, lim Limits) (Statement, error) { return compileCut(f, lim, cutEmpty) }

func compileCut(f kg.Field, lim Limits, what string) (Statement, error) {
	args := maps.Clone(f.Args)
	args[cutArg] = what
	f.Args = args
	return Compile(f, lim)
}

// simplePath keeps the paths in p that visit no node twice (Cypher's paths only keep their
// relationships distinct).
const simplePath = "all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))"

// phrases say what a hop means, walking it forwards (TYPE>) or backwards (TYPE<), with the
// participation role when there is one (TYPE>/ROLE).
var phrases = func() map[string]any {
	out := map[string]any{}
	for _, t := range kg.RelTypes {
		out[t.Name+">"], out[t.Name+"<"] = t.Forward, t.Backward
	}
	for _, r := range kg.Roles {
		out["PARTICIPATES_IN>/"+r.Value], out["PARTICIPATES_IN</"+r.Value] = r.Forward, r.Backward
	}
	return out
}()

// roleNouns name a participation role, alone and in the plural with its preposition ("" and
// "+" when the role is not known).
var roleNouns = func() map[string]any {
	out := map[string]any{"": "participant", "+": "participants in"}
	for _, r := range kg.Roles {
		out[r.Value], out[r.Value+"+"] = r.Noun, r.Nouns
	}
	return out
}()

// explanationRank orders the kinds of explanation, most telling first.
var explanationRank = []string{"DIRECT", "SHARED_PROJECT", "SHARED_ORGANISATION", "SHARED_EVENT", "SHARED_STAGE", "FUNDING", "OTHER"}

// chain is a sentence walking the path in p hop by hop:
// "ULB is a partner in BatFactory, which is funded by ..., which ...".
func chain(p, ph string) string {
	r := "relationships(" + p + ")[ci]"
	key := fmt.Sprintf("type(%[1]s) + CASE WHEN startNode(%[1]s) = nodes(%[2]s)[ci] THEN '>' ELSE '<' END", r, p)
	return fmt.Sprintf("reduce(t = %s, ci IN range(0, length(%s) - 1) | t + CASE WHEN ci = 0 THEN ' ' WHEN nodes(p)[ci]:Person THEN ', who ' ELSE ', which ' END + "+
		"coalesce(%s[%s + '/' + %s.role], %s[%s]) + ' ' + %s) + '.'",
		display("nodes("+p+")[0]"), p, ph, key, r, ph, key, display("nodes("+p+")[ci + 1]"))
}

// connectionRoot answers `connection(from:, to:)`: candidate paths of each kind, found by
// their own bounded patterns and by SHORTEST 5, deduplicated, ranked and put into words.
func connectionRoot(c *compiler, f kg.Field) (string, error) {
	from, to, err := twoNodes(f)
	if err != nil {
		return "", err
	}
	T := strings.Join(explanationTypes, "|")
	var rank strings.Builder
	rank.WriteString("CASE kind")
	for i, k := range explanationRank {
		fmt.Fprintf(&rank, " WHEN '%s' THEN %d", k, i)
	}
	rank.WriteString(" END")

	order := "ORDER BY length(p), [x IN nodes(p) | x.id] LIMIT " + strconv.Itoa(perExplanation)
	branches := []string{
		fmt.Sprintf("MATCH p = (a)-[:%s]-(b) WITH p %s RETURN p, 'DIRECT' AS kind", T, order),
		fmt.Sprintf("MATCH p = (a)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b) WITH p %s RETURN p, 'SHARED_PROJECT' AS kind", order),
		fmt.Sprintf("MATCH p = (a)-[:PART_OF|MEMBER_OF]->(:Actor)<-[:PART_OF|MEMBER_OF]-(b) WITH p %s RETURN p, 'SHARED_ORGANISATION' AS kind", order),
		fmt.Sprintf("MATCH p = (a)-[:ORGANISED|VISITED|ATTENDED]->(:Event)<-[:ORGANISED|VISITED|ATTENDED]-(b) WITH p %s RETURN p, 'SHARED_EVENT' AS kind", order),
		// One path per stage, the shortest.
		fmt.Sprintf("MATCH p = (a)-[:PARTICIPATES_IN|ACTIVE_IN|TARGETS]->{1,2}(s:ValueChainStage)<-[:PARTICIPATES_IN|ACTIVE_IN|TARGETS]-{1,2}(b) "+
			"WHERE %s WITH s, p ORDER BY length(p), [x IN nodes(p) | x.id] WITH s, collect(p)[0] AS p WITH p %s RETURN p, 'SHARED_STAGE' AS kind", simplePath, order),
		fmt.Sprintf("MATCH p = (a)-[:PARTICIPATES_IN|MANAGES|FUNDS]-{1,2}(:FundingProgramme)-[:PART_OF]-{0,3}(:FundingProgramme)-[:PARTICIPATES_IN|MANAGES|FUNDS]-{1,2}(b) "+
			"WHERE length(p) <= %d AND %s WITH p %s RETURN p, 'FUNDING' AS kind", connectionHops, simplePath, order),
		// Other short paths, not through stages (the stage template covers those).
		fmt.Sprintf("MATCH p = SHORTEST %d (a)-[:%s]-{1,%d}(b) WHERE %s "+
			"RETURN p, CASE WHEN length(p) = 1 THEN 'DIRECT' WHEN any(x IN nodes(p)[1..-1] WHERE x:FundingProgramme) THEN 'FUNDING' ELSE 'OTHER' END AS kind",
			perExplanation, strings.Join(pathTypes, "|"), connectionHops, simplePath),
	}

	explanation, err := c.obj(subOf(f.Fields, "explanations")).
		plain("kind", "kind").
		custom("text", func([]kg.Field) (string, error) { return c.explanationText(), nil }).
		custom("path", func(sub []kg.Field) (string, error) { return c.pathValue("p", sub) }).
		build()
	if err != nil {
		return "", err
	}
	out, err := c.obj(f.Fields).
		custom("from", func(sub []kg.Field) (string, error) { return c.graphNode("a", "null", sub) }).
		custom("to", func(sub []kg.Field) (string, error) { return c.graphNode("b", "null", sub) }).
		plain("connected", "size(explanations) > 0").
		plain("explanations", "explanations").
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { WITH %[1]s AS a, %[2]s AS b WHERE a IS NOT NULL AND b IS NOT NULL "+
		"WITH a, b, COLLECT { CALL (a, b) { %[3]s } "+
		"WITH p, kind, %[4]s AS rank "+
		"WITH [x IN nodes(p) | x.id] + [x IN relationships(p) | type(x)] AS key, min(rank) AS best, collect({p: p, kind: kind, rank: rank}) AS cands "+
		"WITH [x IN cands WHERE x.rank = best][0] AS e "+
		"WITH e.p AS p, e.kind AS kind, e.rank AS rank ORDER BY rank, length(p), [x IN nodes(p) | x.id], [x IN relationships(p) | type(x)] LIMIT %[5]d "+
		"WITH p, kind, nodes(p)[1] AS mid, [i IN range(1, length(p) - 1) WHERE nodes(p)[i]:ValueChainStage][0] AS si "+
		"RETURN %[6]s } AS explanations "+
		"RETURN %[7]s })",
		findNode(c.param(from), graphLabels), findNode(c.param(to), graphLabels), strings.Join(branches, " UNION "),
		rank.String(), maxExplanations, explanation, out), nil
}

// explanationText is the sentence of an explanation of kind `kind` over the path p, in the
// scope of connectionRoot's last RETURN.
func (c *compiler) explanationText() string {
	ph, roles := c.param(phrases), c.param(roleNouns)
	n := func(i string) string { return "nodes(p)[" + i + "]" }
	r := func(i string) string { return "relationships(p)[" + i + "]" }
	// Two hops of the same type through one node: "A and B are both ... M".
	sameType := fmt.Sprintf("length(p) = 2 AND type(%s) = type(%s)", r("0"), r("1"))
	both := display(n("0")) + " + ' and ' + " + display(n("-1"))
	funders := fmt.Sprintf("COLLECT { MATCH (mid)<-[:FUNDS]-(fu) WITH fu ORDER BY toLower(fu.name), fu.id RETURN %s }", display("fu"))
	fundedBy := fmt.Sprintf("reduce(t = '', fs IN [%s] | CASE WHEN size(fs) = 0 THEN '' ELSE ', funded by ' + "+
		"reduce(u = '', fi IN range(0, size(fs) - 1) | u + CASE WHEN fi = 0 THEN '' WHEN fi = size(fs) - 1 THEN ' and ' ELSE ', ' END + fs[fi]) END)", funders)
	sharedProject := fmt.Sprintf("CASE WHEN coalesce(%[1]s.role, '') = coalesce(%[2]s.role, '') "+
		"THEN %[3]s + ' are both ' + %[4]s[coalesce(%[1]s.role, '') + '+'] + ' ' + %[5]s "+
		"ELSE %[6]s + ' (' + %[4]s[coalesce(%[1]s.role, '')] + ') and ' + %[7]s + ' (' + %[4]s[coalesce(%[2]s.role, '')] + ') both take part in ' + %[5]s END"+
		" + %[8]s + '.'",
		r("0"), r("1"), both, roles, display(n("1")), display(n("0")), display(n("-1")), fundedBy)
	// The stage is node si (bound by connectionRoot); each side reaches it directly (one hop)
	// or through a project.
	side := func(near, hops string) string {
		return fmt.Sprintf("CASE WHEN %s = 1 THEN 'directly' ELSE 'through ' + %s END", hops, display(near))
	}
	sharedStage := fmt.Sprintf("CASE WHEN si = 1 AND length(p) - si = 1 THEN %[1]s + ' are both active in the ' + %[2]s + ' stage.' "+
		"ELSE %[1]s + ' both work in the ' + %[2]s + ' stage (' + %[3]s + ' ' + %[4]s + ', ' + %[5]s + ' ' + %[6]s + ').' END",
		both, "toLower("+display(n("si"))+")", display(n("0")), side(n("1"), "si"), display(n("-1")), side(n("-2"), "length(p) - si"))
	return fmt.Sprintf("CASE "+
		"WHEN kind = 'SHARED_PROJECT' THEN %[1]s "+
		"WHEN kind = 'SHARED_ORGANISATION' AND %[2]s THEN %[3]s + CASE type(%[4]s) WHEN 'PART_OF' THEN ' are both part of ' ELSE ' are both members of ' END + %[5]s + '.' "+
		"WHEN kind = 'SHARED_EVENT' AND %[2]s THEN %[3]s + CASE type(%[4]s) WHEN 'ORGANISED' THEN ' both organised ' WHEN 'VISITED' THEN ' both hosted visits during ' ELSE ' both attended ' END + %[5]s + '.' "+
		"WHEN kind = 'SHARED_STAGE' AND si IS NOT NULL THEN %[6]s "+
		"ELSE %[7]s END",
		sharedProject, sameType, both, r("0"), display(n("1")), sharedStage, chain("p", ph))
}

// stagesOfActor is a COLLECT of the stages the actor in x works in: directly or through a
// project it takes part in.
func stagesOfActor(x string) string {
	return fmt.Sprintf("COLLECT { MATCH (%[1]s)-[:ACTIVE_IN]->(st:ValueChainStage) RETURN st "+
		"UNION MATCH (%[1]s)-[:PARTICIPATES_IN]->(:Project)-[:TARGETS]->(st:ValueChainStage) RETURN st }", x)
}

// collaboratorsRoot answers `collaborators(id:, first:)`: the actors sharing a project, weighted
// by shared projects + 0.5 × shared stages.
func collaboratorsRoot(c *compiler, f kg.Field) (string, error) {
	id, err := idArg(f.Args, "id")
	if err != nil {
		return "", err
	}
	first, err := intArg(f.Args, "first", kg.CollaboratorsFirst, 0, c.lim.MaxPage)
	if err != nil {
		return "", err
	}
	item, err := c.obj(f.Fields).
		node("actor", "Actor", "co").
		list("sharedProjects", "Project", "sp", "UNWIND ps AS sp WITH sp ORDER BY toLower(sp.name), sp.id RETURN %s").
		list("sharedStages", "ValueChainStage", "ss", "UNWIND shared AS ss WITH ss ORDER BY ss.order RETURN %s").
		plain("weight", "weight").
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { MATCH (me:Actor {id: %s}) WITH me LIMIT 1 "+
		"WITH me, %s AS mine "+
		"RETURN COLLECT { MATCH (me)-[:PARTICIPATES_IN]->(pj:Project)<-[:PARTICIPATES_IN]-(co:Actor) WHERE co <> me "+
		"WITH co, collect(DISTINCT pj) AS ps "+
		"WITH co, ps, [x IN %s WHERE x IN mine] AS shared "+
		"WITH co, ps, shared, size(ps) + 0.5 * size(shared) AS weight "+
		"ORDER BY weight DESC, toLower(co.name), co.id LIMIT %s "+
		"RETURN %s } })",
		c.param(id), stagesOfActor("me"), stagesOfActor("co"), c.param(first), item), nil
}

// fundingFlowsRoot answers `fundingFlows(from:, stage:, first:)`. Nothing holds every funding
// at once: the totals and counts are aggregations over the fundings reached, and the flows the
// first `first` of them by a top-k sort, so a programme funding thousands of projects costs a
// few passes over its fundings, not a list of all of them in the transaction's memory.
func fundingFlowsRoot(c *compiler, f kg.Field) (string, error) {
	var stageCond string
	if v := f.Args["stage"]; v != nil {
		l, err := enumList("stage", v, stageCodes)
		if err != nil {
			return "", err
		}
		stageCond = fmt.Sprintf(" WHERE EXISTS { (fp)-[:TARGETS]->(:ValueChainStage {code: %s}) }", c.param(l[0]))
	}
	first, err := intArg(f.Args, "first", kg.FlowsFirst, 0, c.lim.MaxPage)
	if err != nil {
		return "", err
	}
	max := c.param(c.lim.MaxPage)
	var head, reach, from string
	if v := f.Args["from"]; v != nil {
		id, err := idArg(f.Args, "from")
		if err != nil {
			return "", err
		}
		head = fmt.Sprintf("WITH %s AS src WHERE src IS NOT NULL ", findNode(c.param(id), []string{"FundingProgramme", "Actor"}))
		// A programme and its sub-programmes; an actor, the programmes it manages and theirs.
		reach = fmt.Sprintf("COLLECT { CALL (src) { "+
			"MATCH q = (fu:FundingProgramme)-[:PART_OF]->{0,%[1]d}(src) RETURN fu, reverse(nodes(q)) AS via "+
			"UNION MATCH (fu:Actor) WHERE fu = src RETURN fu, [fu] AS via "+
			"UNION MATCH q = (fu:FundingProgramme)-[:PART_OF]->{0,%[1]d}(:FundingProgramme)<-[:MANAGES]-(src:Actor) RETURN fu, reverse(nodes(q)) AS via } "+
			"WITH fu, via ORDER BY size(via) WITH fu, collect(via)[0] AS via RETURN {fu: fu, via: via} }", programmeDepth)
		from = "src"
	} else {
		head = "WITH null AS src "
		reach = "COLLECT { MATCH (fu:FundingProgramme|Actor) WHERE EXISTS { (fu)-[:FUNDS]->(:Project) } RETURN {fu: fu, via: [fu]} }"
	}
	// fundings binds y (a reached funder with its via), fu (its node), r and fp for every
	// funding reached.
	fundings := "UNWIND reach AS y WITH y, y.fu AS fu MATCH (fu)-[r:FUNDS]->(fp:Project)" + stageCond + " "
	flows := subOf(f.Fields, "flows")
	recipient, err := c.obj(subOf(flows, "recipients")).node("actor", "Actor", "ra").plain("role", "rr.role").build()
	if err != nil {
		return "", err
	}
	flow, err := c.obj(flows).
		custom("funder", func(sub []kg.Field) (string, error) { return c.graphNode("y.fu", "null", sub) }).
		custom("via", func(sub []kg.Field) (string, error) {
			v, err := c.graphNode("v", "null", sub)
			return "[v IN y.via | " + v + "]", err
		}).
		node("project", "Project", "fp").
		plain("amount", "toFloat(r.amount)").
		plain("currency", "r.currency").
		plain("instrument", "r.instrument").
		plain("date", "toString(r.date)").
		plain("confidence", "coalesce(r.confidence, 'INFERRED')").
		plain("sources", "coalesce(r.sources, [])").
		plain("recipients", fmt.Sprintf("COLLECT { MATCH (fp)<-[rr:PARTICIPATES_IN]-(ra:Actor) WITH rr, ra ORDER BY "+
			"%s, toLower(ra.name), ra.id LIMIT %s RETURN %s }", roleRank("rr.role"), max, recipient)).
		build()
	if err != nil {
		return "", err
	}
	out, err := c.obj(f.Fields).
		custom("from", func(sub []kg.Field) (string, error) {
			if from == "" {
				return "null", nil
			}
			return c.graphNode(from, "null", sub)
		}).
		list("programmes", "FundingProgramme", "pg",
			"UNWIND reach AS y UNWIND y.via AS pg WITH DISTINCT pg WHERE pg:FundingProgramme WITH pg ORDER BY toLower(pg.name), pg.id LIMIT "+max+" RETURN %s").
		plain("flows", fmt.Sprintf("COLLECT { %sWITH y, r, fp ORDER BY coalesce(toFloat(r.amount), -1.0) DESC, toLower(fp.name), y.fu.id LIMIT %s RETURN %s }",
			fundings, c.param(first), flow)).
		plain("flowCount", "reduce(n = 0, t IN totals | n + t.fundings)").
		plain("totals", "totals").
		plain("undisclosed", "reduce(n = 0, t IN totals | n + t.undisclosed)").
		plain("projectCount", "COUNT { "+fundings+"RETURN DISTINCT fp }").
		plain("actorCount", "COUNT { "+fundings+"WITH DISTINCT fp MATCH (fp)<-[:PARTICIPATES_IN]-(ac:Actor) RETURN DISTINCT ac }").
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { %s"+
		"WITH src, %s AS reach "+
		// Aggregating subqueries get a WITH of their own: Neo4j rejects them inside a map
		// that also reads grouping variables.
		"WITH src, reach, COLLECT { %sWITH coalesce(r.currency, 'XXX') AS currency, sum(coalesce(toFloat(r.amount), 0.0)) AS amount, "+
		"count(*) AS fundings, count(CASE WHEN r.amount IS NULL THEN 1 END) AS undisclosed ORDER BY currency "+
		"RETURN {currency: currency, amount: amount, fundings: fundings, undisclosed: undisclosed} } AS totals "+
		"RETURN %s })", head, reach, fundings, out), nil
}

// stageCoverageRoot answers `stageCoverage(region:)`. The counts come from the ones stored
// on each stage (coverage.go), so a request selecting only counts reads ten nodes; the actor
// lists are walked only when `actors` is selected, or for a stage whose counts were never
// stored (then the counts are live, as before they were kept).
func stageCoverageRoot(c *compiler, f kg.Field) (string, error) {
	regionCond, scope := "", 0
	if v := f.Args["region"]; v != nil {
		l, err := enumList("region", v, regions)
		if err != nil {
			return "", err
		}
		regionCond = " AND ac.region = " + c.param(l[0])
		scope = slices.Index(kg.Regions, l[0]) + 1
	}
	// walk is the condition under which the actor lists are built: always when they are
	// selected, else only for a stage without stored counts (a predicate on st alone, so
	// the planner checks it before expanding anything).
	walk := "st." + kg.CoverageActors + " IS NULL"
	if _, ok := subFields(f.Fields, "actors"); ok {
		walk = "true"
	}
	stored := func(prop, live string) string {
		return fmt.Sprintf("coalesce(st.%s[%d], %s)", prop, scope, live)
	}
	max := c.param(c.lim.MaxPage)
	actors := subOf(f.Fields, "actors")
	actor, err := c.obj(actors).
		node("actor", "Actor", "sa").
		plain("direct", "sa IN direct").
		list("through", "Project", "tp",
			"MATCH (st)<-[:TARGETS]-(tp:Project)<-[:PARTICIPATES_IN]-(sa) WITH DISTINCT tp ORDER BY toLower(tp.name), tp.id LIMIT "+max+" RETURN %s").
		build()
	if err != nil {
		return "", err
	}
	item, err := c.obj(f.Fields).
		node("stage", "ValueChainStage", "st").
		plain("directActors", stored(kg.CoverageDirect, "size(direct)")).
		plain("projectActors", stored(kg.CoverageViaProjects, "size(viaProjects)")).
		plain("actorCount", "actorCount").
		plain("projectCount", fmt.Sprintf("coalesce(st.%[1]s, COUNT { MATCH (st)<-[:TARGETS]-(:Project) WHERE st.%[1]s IS NULL })", kg.CoverageProjects)).
		plain("gap", "actorCount = 0").
		plain("actors", fmt.Sprintf("COLLECT { UNWIND everyone AS sa WITH sa ORDER BY toLower(sa.name), sa.id LIMIT %s RETURN %s }", max, actor)).
		list("projects", "Project", "pj",
			"MATCH (st)<-[:TARGETS]-(pj:Project) WITH DISTINCT pj ORDER BY toLower(pj.name), pj.id LIMIT "+max+" RETURN %s").
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("COLLECT { MATCH (st:ValueChainStage) WITH st ORDER BY st.order "+
		"WITH st, COLLECT { MATCH (st)<-[:ACTIVE_IN]-(ac:Actor) WHERE %[1]s%[2]s RETURN DISTINCT ac } AS direct, "+
		"COLLECT { MATCH (st)<-[:TARGETS]-(:Project)<-[:PARTICIPATES_IN]-(ac:Actor) WHERE %[1]s%[2]s RETURN DISTINCT ac } AS viaProjects "+
		"WITH st, direct, viaProjects, direct + [x IN viaProjects WHERE NOT x IN direct] AS everyone "+
		"WITH st, direct, viaProjects, everyone, %[3]s AS actorCount "+
		"RETURN %[4]s }", walk, regionCond, stored(kg.CoverageActors, "size(everyone)"), item), nil
}

// withoutLeverRule is the rule of FactorReport.barriersWithoutLever, in words.
const withoutLeverRule = "A barrier is without lever when no lever of the same topic is filed under any of the barrier's categories; " +
	"with `category`, when its topic has no lever filed under that category."

// factorsRoot answers `factors(topic:, category:)`.
func factorsRoot(c *compiler, f kg.Field) (string, error) {
	head, topicMatch := "", "OPTIONAL MATCH (t:Topic)-[:HAS_FACTOR]->(x)"
	var conds []string
	if v := f.Args["topic"]; v != nil {
		id, err := idArg(f.Args, "topic")
		if err != nil {
			return "", err
		}
		head = fmt.Sprintf("MATCH (tp:Topic {id: %s}) WITH tp LIMIT 1 ", c.param(id))
		topicMatch = "MATCH (t:Topic)-[:HAS_FACTOR]->(x) WHERE t = tp"
	} else {
		head = "WITH null AS tp "
	}
	answered := "any(cat IN x.categories WHERE cat IN l.categories)"
	if v := f.Args["category"]; v != nil {
		l, err := enumList("category", v, factorCategories)
		if err != nil {
			return "", err
		}
		cat := c.param(l[0])
		conds = append(conds, cat+" IN x.categories")
		answered = cat + " IN l.categories"
	}
	factorsOf := func(label string) string {
		return fmt.Sprintf("COLLECT { MATCH (x:%s)%s %s WITH x, min(toLower(t.name)) AS tn ORDER BY tn, x.text, x.id LIMIT %d RETURN x }",
			label, whereClause(conds), topicMatch, c.lim.MaxPage)
	}
	proj := func(list string) func(sub []kg.Field) (string, error) {
		return func(sub []kg.Field) (string, error) {
			p, err := c.project(types["Factor"], vars{"n": "fx"}, sub, false)
			return fmt.Sprintf("COLLECT { UNWIND %s AS fx RETURN %s }", list, p), err
		}
	}
	out, err := c.obj(f.Fields).
		custom("barriers", proj("barriers")).
		custom("levers", proj("levers")).
		custom("barriersWithoutLever", proj("lonely")).
		plain("rule", c.param(withoutLeverRule)).
		build()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("head(COLLECT { %sWITH tp, %s AS barriers, %s AS levers "+
		"WITH barriers, levers, [x IN barriers WHERE NOT EXISTS { MATCH (x)<-[:HAS_FACTOR]-(:Topic)-[:HAS_FACTOR]->(l:Lever) WHERE %s }] AS lonely "+
		"RETURN %s })", head, factorsOf("Barrier"), factorsOf("Lever"), answered, out), nil
}

// headline describes one of the brochure's headline figures and how the graph counts it.
type headline struct {
	key, figure, label, definition string
	// ids is a COLLECT of the counted ids, sorted; %[n]s refer to the params below.
	ids    string
	params []any
}

var headlines = []headline{
	{key: "walloonActors", figure: "figure-walloon-players-value-chain",
		label:      "Walloon players active in the battery value chain",
		definition: "Actors whose region is WAL (head office in Wallonia, or the Walloon public bodies).",
		ids:        "COLLECT { MATCH (a:Actor) WHERE a.region = %[1]s RETURN a.id AS id ORDER BY id }",
		params:     []any{"WAL"}},
	{key: "walloonActorsInRdProjects", figure: "figure-walloon-players-rd-projects",
		label: "Walloon players active in regional and European R&D projects",
		definition: "Actors whose region is WAL taking part (as coordinator, partner or associated partner; support is not counted) " +
			"in a project of type RESEARCH_PORTFOLIO, EU_GRANT or STRATEGIC_INITIATIVE.",
		ids: "COLLECT { MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Project) WHERE a.region = %[1]s AND coalesce(r.role, 'PARTNER') IN %[2]s " +
			"AND p.type IN %[3]s RETURN DISTINCT a.id AS id ORDER BY id }",
		params: []any{"WAL", []string{"COORDINATOR", "PARTNER", "ASSOCIATED"}, []string{"RESEARCH_PORTFOLIO", "EU_GRANT", "STRATEGIC_INITIATIVE"}}},
	{key: "investmentProjects", figure: "figure-selected-investment-projects",
		label: "Investment projects selected by the Wallonie Entreprendre battery call",
		definition: "Projects of type INDUSTRIAL_INVESTMENT funded by the Wallonie Entreprendre battery value-chain call " +
			"(we-battery-call) or one of its sub-programmes.",
		ids: "COLLECT { MATCH (:FundingProgramme {id: %[1]s})<-[:PART_OF]-{0,5}(:FundingProgramme)-[:FUNDS]->(p:Project) " +
			"WHERE p.type = %[2]s RETURN DISTINCT p.id AS id ORDER BY id }",
		params: []any{"we-battery-call", "INDUSTRIAL_INVESTMENT"}},
	{key: "strategicInitiatives", figure: "figure-strategic-innovation-initiatives",
		label:      "Strategic Innovation Initiatives related to the battery value chain",
		definition: "Projects of type STRATEGIC_INITIATIVE.",
		ids:        "COLLECT { MATCH (p:Project) WHERE p.type = %[1]s RETURN p.id AS id ORDER BY id }",
		params:     []any{"STRATEGIC_INITIATIVE"}},
}

// ecosystemStatsRoot answers `ecosystemStats`: each headline count next to its Figure.
func ecosystemStatsRoot(c *compiler, f kg.Field) (string, error) {
	o := c.obj(f.Fields)
	for _, h := range headlines {
		o.lazy(h.key, func() string {
			ps := make([]any, len(h.params))
			for i, p := range h.params {
				ps[i] = c.param(p)
			}
			ids := fmt.Sprintf(h.ids, ps...)
			fig := c.param(h.figure)
			return fmt.Sprintf("head(COLLECT { WITH %s AS ids, head(COLLECT { MATCH (fg:Figure {id: %s}) RETURN fg }) AS fg "+
				"RETURN {label: %s, definition: %s, graphCount: size(ids), ids: ids, stated: toFloat(fg.value), figureId: %s, "+
				"figureSources: coalesce(fg.sources, []), note: fg.about} })",
				ids, fig, c.param(h.label), c.param(h.definition), fig)
		})
	}
	return o.build()
}
