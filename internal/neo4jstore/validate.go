package neo4jstore

// validate.go holds the data-quality checks of `batterykg validate` (see Store.Validate) and
// the parts of docs/model.md they check against.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jplugin"
)

// The labels, enum values, patterns and rules checked come from the model (kg/model.go).
var (
	// modelLabels are the model's main labels: a node has exactly one; Actor and Factor
	// nodes carry a kind label too.
	modelLabels     = kg.LabelNames(nil)
	kindLabels      = sortedLabels(kg.ActorKinds)  // an Actor has exactly one
	factorLabels    = sortedLabels(kg.FactorTypes) // a Factor has exactly one
	confidenceEnum  = slices.Sorted(slices.Values(kg.Confidences))
	projectTypeEnum = slices.Sorted(slices.Values(kg.ProjectTypes))
)

func sortedLabels(ps []kg.Pair) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Label)
	}
	return slices.Sorted(slices.Values(out))
}

// legalSuffixes are company-form words dropped from the end of a name before names are
// compared (after punctuation is removed: "S.A." is "sa").
var legalSuffixes = []string{"sa", "sprl", "srl", "scrl", "sc", "scs", "sca", "snc", "sas", "sarl", "asbl",
	"nv", "bv", "bvba", "cv", "cvba", "vzw", "gmbh", "ag", "kg", "se", "ltd", "limited", "inc", "llc", "plc", "spa"}

// Severity says whether a failing check makes the graph invalid (error) or only asks a
// steward to look (warning).
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Check is one data-quality check of [Store.Validate].
type Check struct {
	Name        string   `json:"name"`
	Severity    Severity `json:"severity"`
	Description string   `json:"description"`
}

// CheckResult is what one check found: how many problems, and the first few of them.
type CheckResult struct {
	Check
	// Count is the number of problems (nodes, relationships, source strings or groups,
	// as the description says); 0 means the check passed.
	Count int64 `json:"count"`
	// Examples are the first problems in order, each naming the node by its id (or the
	// relationship by its end nodes' ids).
	Examples []string `json:"examples"`
}

// Passed reports whether the check found nothing.
func (r CheckResult) Passed() bool { return r.Count == 0 }

// ValidateOptions control [Store.Validate].
type ValidateOptions struct {
	// Examples is the number of examples each check returns (default 5; negative: none).
	Examples int
	// Checks, when not empty, names the checks to run; the others are skipped.
	Checks []string
	// Touched, with ValidateIn, checks only what the transaction has written so far, as the
	// batterykg Neo4j plugin reports it (internal/neo4jplugin): the nodes and relationships it
	// created or changed, the relationships of nodes whose labels it changed, and, for ids,
	// the other nodes with a touched node's id. When it deleted or changed a Source that is
	// now gone, dangling-source reads the whole graph. Checks with no scoped form (the
	// warnings and the stage coverage counts) read the whole graph. On a graph that passed
	// before the transaction, the result is the whole graph's (a test compares the two).
	Touched bool
	// ImportScaffold counts APOC's temporary import label ([APOCImportLabel]) as part of
	// the model: an APOC Cypher export puts it on every node it creates and removes it only
	// in its last transactions, so the transactions before are checked without it.
	ImportScaffold bool
}

// moneyOutOfRange is the condition on element v that one of its money properties is not a
// number from 0 to kg.MaxMoney (NaN and infinities included).
func moneyOutOfRange(v string) string {
	return `any(k IN $moneyKeys WHERE ` + v + `[k] IS NOT NULL AND NOT ((` + v + `[k] IS :: INTEGER OR ` + v + `[k] IS :: FLOAT)
		AND ` + v + `[k] >= 0 AND ` + v + `[k] <= $maxMoney))`
}

// APOCImportLabel is the label an APOC Cypher export (apoc.export.cypher.*) puts on the
// nodes it creates, with the property `UNIQUE IMPORT ID`, to match them up with their
// relationships; its last statements remove both.
const APOCImportLabel = "UNIQUE IMPORT LABEL"

// ValidationReport is the result of [Store.Validate], one result per check in the order of
// [ValidationChecks].
type ValidationReport struct {
	Results []CheckResult `json:"checks"`
}

// Failures returns the failing checks of severity error, and of severity warning too
// when strict.
func (r *ValidationReport) Failures(strict bool) []CheckResult {
	var out []CheckResult
	for _, c := range r.Results {
		if !c.Passed() && (c.Severity == SeverityError || strict) {
			out = append(out, c)
		}
	}
	return out
}

// Count returns the number of failing checks of severity sev.
func (r *ValidationReport) Count(sev Severity) int {
	n := 0
	for _, c := range r.Results {
		if !c.Passed() && c.Severity == sev {
			n++
		}
	}
	return n
}

// Result returns the result of the check named name.
func (r *ValidationReport) Result(name string) (CheckResult, bool) {
	for _, c := range r.Results {
		if c.Name == name {
			return c, true
		}
	}
	return CheckResult{}, false
}

// validation is a check and how it runs. A check of one element at a time (scan set) is a
// condition and an example over that element: the checks of every scan run together in one
// statement that reads each node and relationship once (see scanStatement). Any other check
// is a statement of its own (cypher) that returns one row with `count` and `examples` (at most
// $examples, sorted). Every statement may use $examples and the parameters in params.
type validation struct {
	Check
	// scan is the element a scanned check looks at; cypher is empty then.
	scan scan
	// when is the scanned element's failure condition; example, given the Cypher of the
	// element's name (its id, or for a source string its owner's), is the Cypher of the
	// example it gives.
	when    string
	example func(ref string) string
	cypher  string
	// touched, when set, is the statement's form for ValidateOptions.Touched.
	touched string
	params  map[string]any
	// derived marks a check of data the store keeps itself (stage coverage counts, name
	// sort keys), which an import may make exact only once it has run: an import's
	// transaction is not held to it.
	derived bool
}

// scan is what a check of one element at a time looks at.
type scan int

const (
	ownStatement scan = iota
	// eachNode: n, every node but the schema's bookkeeping.
	eachNode
	// eachRelationship: r, from a to b.
	eachRelationship
	// eachSource: s, every element of a `sources` list of a node or relationship.
	eachSource
)

// checkNodeRef is the Cypher of a node's name in examples: its id, or its labels and element id
// when it has no string id.
func checkNodeRef(v string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s.id IS :: STRING NOT NULL THEN %[1]s.id
		ELSE '(' + reduce(s = '', l IN labels(%[1]s) | s + ':' + l) + ' without a string id, element ' + elementId(%[1]s) + ')' END`, v)
}

// checkRelRef is the Cypher of a relationship's name in examples.
func checkRelRef(a, r, b string) string {
	return checkNodeRef(a) + ` + ' -[:' + type(` + r + `) + ']-> ' + ` + checkNodeRef(b)
}

// cypherJoin is the Cypher that joins a list of strings with ", ".
func cypherJoin(list string) string {
	return `reduce(s = '', x IN ` + list + ` | s + CASE s WHEN '' THEN '' ELSE ', ' END + x)`
}

// checkTail ends every check: it counts the rows of `example` and keeps the first few.
const checkTail = `
WITH example ORDER BY example
RETURN count(*) AS count, collect(example)[..$examples] AS examples`

// checkAllNodes matches the nodes of the graph, schema bookkeeping aside.
const checkAllNodes = `MATCH (n) WHERE NOT n:SchemaMigration`

// checkTouchedNodes binds v to each node the transaction created or changed (the plugin's
// procedure, internal/neo4jplugin).
func checkTouchedNodes(v string) string {
	return `CALL batterykg.touchedNodes() YIELD node AS ` + v
}

// checkTouchedRelationships binds r to each relationship the transaction created or changed,
// or that joins a node whose labels it changed, a to its start and b to its end.
const checkTouchedRelationships = `CALL batterykg.touchedRelationships() YIELD relationship AS r WITH startNode(r) AS a, r, endNode(r) AS b`

// sameIDLookups is a subquery body that returns, as n, node t and every node of a model label
// whose id is t's: one index seek per label (migration 001 makes each label's id unique).
func sameIDLookups(t string) string {
	parts := []string{`RETURN ` + t + ` AS n`}
	for _, l := range modelLabels {
		parts = append(parts, `MATCH (n:`+l+` {id: `+t+`.id}) RETURN n`)
	}
	return strings.Join(parts, "\n\t\t\t\tUNION\n\t\t\t\t")
}

// duplicateIDTail ends duplicate-id, given rows (id, label): the ids of more than one node.
var duplicateIDTail = ` ORDER BY label
			WITH id, collect(label) AS labels WHERE size(labels) > 1
			WITH id + ' (' + ` + cypherJoin("labels") + ` + ')' AS example` + checkTail

func quoteValues(xs []string) string {
	return "'" + strings.Join(xs, "', '") + "'"
}

// ref returns its argument: the example of a check that names the element only.
func ref(r string) string { return r }

var validations = []validation{
	{
		Check: Check{"node-without-sources", SeverityError,
			"nodes whose `sources` is missing, empty or not a list of strings"},
		scan: eachNode, when: `NOT n.sources IS :: LIST<STRING NOT NULL> NOT NULL OR size(n.sources) = 0`, example: ref,
	},
	{
		Check: Check{"node-without-confidence", SeverityError,
			"nodes without `confidence`"},
		scan: eachNode, when: `n.confidence IS NULL`, example: ref,
	},
	{
		Check: Check{"node-bad-confidence", SeverityError,
			"nodes whose `confidence` is not one of " + quoteValues(confidenceEnum)},
		scan: eachNode, when: `n.confidence IS NOT NULL AND NOT n.confidence IN $confidences`,
		example: func(r string) string {
			return r + ` + ': ' + coalesce(toStringOrNull(n.confidence), valueType(n.confidence))`
		},
		params: map[string]any{"confidences": confidenceEnum},
	},
	{
		Check: Check{"node-without-updated-at", SeverityError,
			"nodes whose `updatedAt` is missing or not a datetime"},
		scan: eachNode, when: `NOT n.updatedAt IS :: ZONED DATETIME NOT NULL`, example: ref,
	},
	{
		Check: Check{"node-without-name", SeverityError,
			"nodes whose `name` is missing, blank or not a string"},
		scan: eachNode, when: `NOT (n.name IS :: STRING NOT NULL AND trim(n.name) <> '')`, example: ref,
	},
	{
		Check: Check{"relationship-without-sources", SeverityError,
			"relationships whose `sources` is missing, empty or not a list of strings"},
		scan: eachRelationship, when: `NOT r.sources IS :: LIST<STRING NOT NULL> NOT NULL OR size(r.sources) = 0`, example: ref,
	},
	{
		Check: Check{"relationship-without-confidence", SeverityError,
			"relationships without `confidence`"},
		scan: eachRelationship, when: `r.confidence IS NULL`, example: ref,
	},
	{
		Check: Check{"relationship-bad-confidence", SeverityError,
			"relationships whose `confidence` is not one of " + quoteValues(confidenceEnum)},
		scan: eachRelationship, when: `r.confidence IS NOT NULL AND NOT r.confidence IN $confidences`,
		example: func(r string) string {
			return r + ` + ': ' + coalesce(toStringOrNull(r.confidence), valueType(r.confidence))`
		},
		params: map[string]any{"confidences": confidenceEnum},
	},
	{
		Check: Check{"malformed-source", SeverityError,
			"source strings (on nodes and relationships) not of the form <sourceId>#<section>"},
		scan: eachSource, when: `NOT (s IS :: STRING NOT NULL AND s =~ $sourcePattern)`,
		example: func(owner string) string {
			return owner + ` + ': ' + coalesce(toStringOrNull(s), '(a ' + valueType(s) + ')')`
		},
		params: map[string]any{"sourcePattern": kg.SourcePattern},
	},
	{
		Check: Check{"dangling-source", SeverityError,
			"source strings (on nodes and relationships) whose <sourceId> is not the id of a Source node"},
		// knownSources: the ids of the Source nodes (see scanStatement)
		scan: eachSource, when: `s IS :: STRING NOT NULL AND s =~ $sourcePattern AND NOT split(s, '#')[0] IN knownSources`,
		example: func(owner string) string { return owner + ` + ': ' + s` },
		params:  map[string]any{"sourcePattern": kg.SourcePattern},
	},
	{
		Check: Check{"id-not-slug", SeverityError,
			"nodes whose `id` is missing or not a lower-case slug (" + kg.IDPattern + ")"},
		scan: eachNode, when: `NOT (n.id IS :: STRING NOT NULL AND n.id =~ $idPattern)`,
		example: func(r string) string {
			return `CASE WHEN n.id IS :: STRING NOT NULL THEN "'" + n.id + "'" ELSE ` + r + ` END`
		},
		params: map[string]any{"idPattern": kg.IDPattern},
	},
	{
		Check: Check{"duplicate-id", SeverityError,
			"ids used by more than one node (ids are unique across the whole graph)"},
		cypher: checkAllNodes + ` AND n.id IS :: STRING NOT NULL
			WITH n.id AS id, ` + keyLabelOf("n") + ` AS label` + duplicateIDTail,
		// the nodes with a touched node's id: it, and those the id constraints of the
		// model's labels find
		touched: checkTouchedNodes("t") + ` WITH t WHERE NOT t:SchemaMigration AND t.id IS :: STRING NOT NULL
			CALL (t) {
				` + sameIDLookups("t") + `
			}
			WITH DISTINCT t.id AS id, n
			WITH id, ` + keyLabelOf("n") + ` AS label` + duplicateIDTail,
		params: map[string]any{"modelLabels": modelLabels},
	},
	{
		Check: Check{"label-outside-model", SeverityError,
			"nodes without exactly one main label of the model, or with a label the model does not have"},
		scan: eachNode, when: `size([l IN labels(n) WHERE l IN $modelLabels]) <> 1 OR any(l IN labels(n) WHERE NOT l IN $knownLabels)`,
		example: func(r string) string { return r + ` + ' (' + ` + cypherJoin("labels(n)") + ` + ')'` },
		params: map[string]any{"modelLabels": modelLabels,
			"knownLabels": append(append(append([]string{}, modelLabels...), kindLabels...), factorLabels...)},
	},
	{
		Check: Check{"actor-kind", SeverityError,
			"Actor nodes without exactly one kind label (" + strings.Join(kindLabels, ", ") + "), and kind labels on non-Actors"},
		scan: eachNode, when: `(n:Actor OR any(l IN labels(n) WHERE l IN $kinds)) AND (NOT n:Actor OR size([l IN labels(n) WHERE l IN $kinds]) <> 1)`,
		example: func(r string) string { return r + ` + ' (' + ` + cypherJoin("labels(n)") + ` + ')'` },
		params:  map[string]any{"kinds": kindLabels},
	},
	{
		Check: Check{"factor-kind", SeverityError,
			"Factor nodes without exactly one factor label (" + strings.Join(factorLabels, ", ") + "), and factor labels on non-Factors"},
		scan: eachNode, when: `(n:Factor OR any(l IN labels(n) WHERE l IN $factorKinds)) AND (NOT n:Factor OR size([l IN labels(n) WHERE l IN $factorKinds]) <> 1)`,
		example: func(r string) string { return r + ` + ' (' + ` + cypherJoin("labels(n)") + ` + ')'` },
		params:  map[string]any{"factorKinds": factorLabels},
	},
	{
		Check: Check{"actor-without-stage", SeverityWarning,
			"actors not ACTIVE_IN any value-chain stage"},
		cypher: `MATCH (n:Actor) WHERE NOT EXISTS { (n)-[:ACTIVE_IN]->(:ValueChainStage) }
			WITH ` + checkNodeRef("n") + ` AS example` + checkTail,
	},
	{
		Check: Check{"project-without-participants", SeverityWarning,
			"projects no actor PARTICIPATES_IN"},
		cypher: `MATCH (n:Project) WHERE NOT EXISTS { (:Actor)-[:PARTICIPATES_IN]->(n) }
			WITH ` + checkNodeRef("n") + ` AS example` + checkTail,
	},
	{
		Check: Check{"project-without-type", SeverityError,
			"projects whose `type` is missing or not one of " + quoteValues(projectTypeEnum)},
		scan: eachNode, when: `n:Project AND NOT coalesce(n.type IN $types, false)`,
		example: func(r string) string {
			return r + ` + CASE WHEN n.type IS NULL THEN '' ELSE ': ' + coalesce(toStringOrNull(n.type), valueType(n.type)) END`
		},
		params: map[string]any{"types": projectTypeEnum},
	},
	{
		Check: Check{"money-out-of-range", SeverityError,
			"nodes whose `totalInvestment` or `budget` is not a number from 0 to 1e15"},
		scan: eachNode, when: moneyOutOfRange("n"), example: ref,
		params: map[string]any{"moneyKeys": kg.MoneyProperties, "maxMoney": kg.MaxMoney},
	},
	{
		Check: Check{"amount-out-of-range", SeverityError,
			"relationships whose `amount` is not a number from 0 to 1e15"},
		scan: eachRelationship, when: moneyOutOfRange("r"), example: ref,
		params: map[string]any{"moneyKeys": kg.MoneyProperties, "maxMoney": kg.MaxMoney},
	},
	{
		Check: Check{"relationship-outside-model", SeverityError,
			"relationships whose (start)-[:TYPE]->(end) is not a pattern of docs/model.md"},
		// the model's patterns by relationship type: a few to try per relationship
		scan: eachRelationship, when: `NOT any(p IN coalesce($patternsByType[type(r)], []) WHERE p.from IN labels(a) AND p.to IN labels(b))`,
		example: func(string) string {
			return keyLabelOf("a") + ` + ' ' + ` + checkNodeRef("a") + ` + ' -[:' + type(r) + ']-> ' + ` +
				keyLabelOf("b") + ` + ' ' + ` + checkNodeRef("b")
		},
		params: map[string]any{"patternsByType": modelPatternsByType(), "modelLabels": modelLabels},
	},
	{
		Check: Check{"stage-coverage-counts", SeverityError,
			"value-chain stages whose stored stageCoverage counts are missing or differ from a count made from scratch " +
				"(they are derived data: `batterykg migrate` recounts them)"},
		cypher: coverageCheck + `
			WITH ` + checkNodeRef("st") + ` AS example` + checkTail,
		params:  coverageParams,
		derived: true,
	},
	{
		Check: Check{"name-keys", SeverityError,
			"actors and projects whose stored name sort key (`" + kg.NameKey + "`) is missing or not their name in lower case " +
				"(derived data: `batterykg migrate` sets it)"},
		scan: eachNode, when: `(` + labelTest("n", kg.NameKeyLabels) + `) AND ` + nameKeyWrong,
		example: func(r string) string {
			return r + ` + ': ' + coalesce(toStringOrNull(n.` + kg.NameKey + `), 'no key')`
		},
		derived: true,
	},
	{
		Check: Check{"duplicate-name", SeverityWarning,
			"groups of nodes of one label whose names are equal once normalised (lower case, accents, punctuation and legal forms such as SA, SRL, NV, GmbH removed): likely duplicates"},
		cypher: checkAllNodes + ` AND n.name IS :: STRING NOT NULL
			WITH n, ` + keyLabelOf("n") + ` AS label,
				reduce(t = '', c IN split(normalize(toLower(n.name), NFKD), '') |
					t + CASE WHEN c =~ $keep THEN c WHEN c =~ $drop THEN '' ELSE ' ' END) AS t
			WITH n, label, [w IN split(t, ' ') WHERE w <> ''] AS words
			WITH n, label, words, [i IN range(0, size(words) - 1) WHERE NOT words[i] IN $suffixes] AS kept
			WITH n, label, CASE WHEN size(kept) = 0 THEN words ELSE words[..last(kept) + 1] END AS words
			WITH n, label, reduce(k = '', w IN words | k + CASE k WHEN '' THEN '' ELSE ' ' END + w) AS key
			WHERE key <> ''
			WITH label, key, ` + checkNodeRef("n") + ` AS ref ORDER BY ref
			WITH label, key, collect(ref) AS refs WHERE size(refs) > 1
			WITH label + ' "' + key + '": ' + ` + cypherJoin("refs") + ` AS example` + checkTail,
		params: map[string]any{"modelLabels": modelLabels, "suffixes": legalSuffixes,
			// letters and digits are kept; combining marks (the accents NFKD split off),
			// full stops and apostrophes are dropped ("S.A." is "sa"); the rest separates
			// words.
			"keep": `[\p{L}\p{N}]`, "drop": `[\p{M}.'’]`},
	},
}

// modelPatternsByType is the model's relationship patterns as a parameter: for each type, the
// (from, to) label pairs it may join.
func modelPatternsByType() map[string]any {
	out := map[string]any{}
	for _, p := range kg.Patterns {
		list, _ := out[p.Type].([]any)
		out[p.Type] = append(list, map[string]any{"from": p.From, "to": p.To})
	}
	return out
}

func modelPatternParams() []any {
	out := make([]any, len(kg.Patterns))
	for i, p := range kg.Patterns {
		out[i] = map[string]any{"from": p.From, "type": p.Type, "to": p.To}
	}
	return out
}

// ValidationChecks lists the checks [Store.Validate] runs, in order.
func ValidationChecks() []Check {
	out := make([]Check, len(validations))
	for i, v := range validations {
		out[i] = v.Check
	}
	return out
}

// Validate runs the data-quality checks on the graph: each check is one read statement,
// run in the order of [ValidationChecks]. The graph is valid when no check of severity
// error finds anything (see [ValidationReport.Failures]). An error is returned only when
// a check cannot run.
func (s *Store) Validate(ctx context.Context, opts ValidateOptions) (*ValidationReport, error) {
	return validate(ctx, s.read, opts)
}

// ErrorChecks names the checks of severity error on the data as written: the ones an import
// must pass before it commits. Checks of derived data (the stage coverage counts and name
// sort keys, which the store makes exact once the import has committed) are left out.
func ErrorChecks() []string {
	var out []string
	for _, v := range validations {
		if v.Severity == SeverityError && !v.derived {
			out = append(out, v.Name)
		}
	}
	return out
}

// TxRunner is what runs a statement inside a transaction: a neo4j.ExplicitTransaction or a
// neo4j.ManagedTransaction.
type TxRunner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// ValidateIn runs the checks inside tx: it sees the transaction's own uncommitted writes,
// which is how the importer checks a file before it commits (see cypherfile.Options.Check).
func ValidateIn(ctx context.Context, tx TxRunner, opts ValidateOptions) (*ValidationReport, error) {
	return validate(ctx, func(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}, opts)
}

// removedSourcesGone counts the Source ids the transaction removed (deleted, relabelled or
// changed) that no Source has now.
const removedSourcesGone = `CALL batterykg.removedSourceIds() YIELD id
	WITH id WHERE NOT EXISTS { MATCH (s:Source {id: id}) }
	RETURN count(*) AS gone`

// CanCheckTouched reports whether the database has the procedures of the batterykg Neo4j
// plugin (internal/neo4jplugin) that ValidateOptions.Touched calls.
func (s *Store) CanCheckTouched(ctx context.Context) (bool, error) {
	recs, err := s.read(ctx, `SHOW PROCEDURES YIELD name WHERE name IN $names RETURN count(*) AS n`,
		map[string]any{"names": neo4jplugin.Procedures})
	if err != nil {
		return false, err
	}
	n, _ := recs[0].Values[0].(int64)
	ok := int(n) == len(neo4jplugin.Procedures)
	s.plugin.Store(map[bool]int32{true: pluginYes, false: pluginNo}[ok])
	return ok, nil
}

// Whether the database has the plugin, as CanCheckTouched last found.
const (
	pluginUnknown int32 = iota
	pluginYes
	pluginNo
)

// hasPlugin reports whether the database has the plugin's procedures, asking it the first
// time (and again after a failure to ask).
func (s *Store) hasPlugin(ctx context.Context) bool {
	switch s.plugin.Load() {
	case pluginYes:
		return true
	case pluginNo:
		return false
	}
	ok, err := s.CanCheckTouched(ctx)
	return err == nil && ok
}

type readFunc func(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error)

func validate(ctx context.Context, read readFunc, opts ValidateOptions) (*ValidationReport, error) {
	if opts.Examples == 0 {
		opts.Examples = 5
	}
	if opts.Examples < 0 {
		opts.Examples = 0
	}
	want := map[string]bool{}
	for _, name := range opts.Checks {
		want[name] = true
	}
	for name := range want {
		found := false
		for _, v := range validations {
			found = found || v.Name == name
		}
		if !found {
			return nil, fmt.Errorf("validate: no check named %q", name)
		}
	}
	var run, scanned []validation
	for _, v := range validations {
		if len(want) == 0 || want[v.Name] {
			run = append(run, v)
			if v.scan != ownStatement {
				scanned = append(scanned, v)
			}
		}
	}
	found := map[string]CheckResult{}
	// collect keeps the (count, examples) of records, whose first column names the check
	// unless name does.
	collect := func(name string, recs []*neo4j.Record) {
		for _, rec := range recs {
			check, vals := name, rec.Values
			if check == "" {
				check, vals = fmt.Sprint(vals[0]), vals[1:]
			}
			res := CheckResult{Examples: []string{}}
			res.Count, _ = vals[0].(int64)
			ex, _ := vals[1].([]any)
			for _, x := range ex {
				if s, ok := x.(string); ok {
					res.Examples = append(res.Examples, s)
				}
			}
			found[check] = res
		}
	}
	if len(scanned) > 0 {
		cypher, params := scanStatement(scanned, opts.Touched)
		params["examples"] = opts.Examples
		if known, ok := params["knownLabels"].([]string); ok && opts.ImportScaffold {
			params["knownLabels"] = append(slices.Clip(known), APOCImportLabel)
		}
		recs, err := read(ctx, cypher, params)
		if err != nil {
			return nil, fmt.Errorf("validate: checks %s: %w", checkNames(scanned), err)
		}
		collect("", recs)
	}
	if opts.Touched && (len(want) == 0 || want["dangling-source"]) {
		// A source the transaction removed may be named by elements it did not touch.
		recs, err := read(ctx, removedSourcesGone, nil)
		if err != nil {
			return nil, fmt.Errorf("validate: removed sources: %w", err)
		}
		if gone, _ := recs[0].Values[0].(int64); gone > 0 {
			var dangling []validation
			for _, v := range scanned {
				if v.Name == "dangling-source" {
					dangling = append(dangling, v)
				}
			}
			cypher, params := scanStatement(dangling, false)
			params["examples"] = opts.Examples
			recs, err := read(ctx, cypher, params)
			if err != nil {
				return nil, fmt.Errorf("validate: check dangling-source: %w", err)
			}
			delete(found, "dangling-source")
			collect("", recs)
		}
	}
	rep := &ValidationReport{}
	for _, v := range run {
		if v.scan == ownStatement {
			params := map[string]any{"examples": opts.Examples}
			for k, x := range v.params {
				params[k] = x
			}
			cypher := v.cypher
			if opts.Touched && v.touched != "" {
				cypher = v.touched
			}
			recs, err := read(ctx, cypher, params)
			if err != nil {
				return nil, fmt.Errorf("validate: check %s: %w", v.Name, err)
			}
			collect(v.Name, recs)
		}
		res, ok := found[v.Name]
		if !ok {
			res = CheckResult{Examples: []string{}}
		}
		res.Check = v.Check
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

func checkNames(vs []validation) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	return strings.Join(names, ", ")
}

// scanStatement is the one statement that runs the given scanned checks: a pass over the
// nodes and one over the relationships, each reading an element once and giving a row
// (check, example) per problem (a check of source strings, one per bad string), then the
// count and first $examples examples (sorted) of each check that found something. It returns
// the statement and its parameters (the checks' own, which must not disagree, and the names
// of the checks by position: $nodeChecks, $relationshipChecks).
func scanStatement(checks []validation, touched bool) (string, map[string]any) {
	params := map[string]any{}
	for _, v := range checks {
		for k, x := range v.params {
			if old, ok := params[k]; ok && fmt.Sprint(old) != fmt.Sprint(x) {
				panic(fmt.Sprintf("validate: checks disagree on parameter $%s", k))
			}
			params[k] = x
		}
	}
	// pass is the body of one pass: elem binds the element and its name (ref) and srcs, its
	// sources list; the checks of the element and of its source strings follow.
	pass := func(elem scan, match, ref, srcs, paramName string) string {
		var lists []string
		var names []string
		for _, v := range checks {
			switch v.scan {
			case elem:
				lists = append(lists, "CASE WHEN "+v.when+" THEN ["+v.example(ref)+"] ELSE [] END")
			case eachSource:
				lists = append(lists, "[s IN srcs WHERE "+v.when+" | "+v.example(ref)+"]")
			default:
				continue
			}
			names = append(names, v.Name)
		}
		if len(names) == 0 {
			return ""
		}
		params[paramName] = names
		return match + `
		WITH *, CASE WHEN ` + srcs + ` IS :: LIST<ANY> NOT NULL THEN ` + srcs + ` ELSE [] END AS srcs
		WITH [` + strings.Join(lists, ",\n\t\t\t") + `] AS found
		WHERE any(x IN found WHERE size(x) > 0)
		UNWIND range(0, size(found) - 1) AS i
		UNWIND found[i] AS example
		RETURN $` + paramName + `[i] AS check, example`
	}
	nodes, rels := checkAllNodes, "MATCH (a)-[r]->(b)"
	if touched {
		nodes = checkTouchedNodes("n") + ` WITH n WHERE NOT n:SchemaMigration`
		rels = checkTouchedRelationships
	}
	var passes []string
	if p := pass(eachNode, nodes, checkNodeRef("n"), "n.sources", "nodeChecks"); p != "" {
		passes = append(passes, p)
	}
	if p := pass(eachRelationship, rels, checkRelRef("a", "r", "b"), "r.sources", "relationshipChecks"); p != "" {
		passes = append(passes, p)
	}
	return `CYPHER replan=skip
	CALL () { MATCH (src:Source) RETURN collect(src.id) AS knownSources }
	CALL (knownSources) {
		` + strings.Join(passes, "\n\t\tUNION ALL\n\t\t") + `
	}
	WITH check, example ORDER BY example
	RETURN check, count(*) AS count, collect(example)[..$examples] AS examples`, params
}

// OutsideModel lists, as seen inside tx, the node labels the model does not have and the
// relationship patterns it does not have, as "(:A)-[:TYPE]->(:B)" with the end nodes' labels,
// each sorted: the summary the importer gives when it refuses a foreign graph. With touched,
// it looks only at what tx touched (as ValidateOptions.Touched).
func OutsideModel(ctx context.Context, tx TxRunner, touched bool) (labels, patterns []string, err error) {
	known := append(append(append([]string{"SchemaMigration"}, modelLabels...), kindLabels...), factorLabels...)
	nodes, rels := "MATCH (n)", "MATCH (a)-[r]->(b)"
	if touched {
		nodes = checkTouchedNodes("n")
		rels = checkTouchedRelationships
	}
	res, err := tx.Run(ctx, `CALL {
			`+nodes+` UNWIND labels(n) AS l
			WITH DISTINCT l WHERE NOT l IN $known
			RETURN collect(l) AS labels
		}
		CALL {
			`+rels+`
			WITH a, r, b WHERE NOT any(p IN $patterns WHERE p.type = type(r) AND p.from IN labels(a) AND p.to IN labels(b))
			WITH DISTINCT '(' + reduce(s = '', l IN labels(a) | s + ':' + l) + ')-[:' + type(r) + ']->(' +
				reduce(s = '', l IN labels(b) | s + ':' + l) + ')' AS p
			RETURN collect(p) AS patterns
		}
		RETURN labels, patterns`, map[string]any{"known": known, "patterns": modelPatternParams()})
	if err != nil {
		return nil, nil, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, nil, err
	}
	strs := func(v any) []string {
		var out []string
		l, _ := v.([]any)
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		slices.Sort(out)
		return out
	}
	return strs(rec.Values[0]), strs(rec.Values[1]), nil
}
