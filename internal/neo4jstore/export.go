package neo4jstore

// export.go writes the graph as a Cypher import file (see Export).

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/batterykg/batterykg/internal/cypherlit"
	"github.com/batterykg/batterykg/internal/kg"
)

// ExportOptions control [Store.Export].
type ExportOptions struct {
	// PageSize is the number of nodes read per statement (default 1000). The relationship
	// pass reads the outgoing relationships of PageSize start nodes per statement.
	PageSize int
	// Progress receives a progress line every ProgressEvery while the export runs (nil:
	// silent). Small graphs are exported before the first line is due.
	Progress io.Writer
	// ProgressEvery is the interval between progress lines (default 2s).
	ProgressEvery time.Duration
	// OnePerElement writes a statement per node and per relationship, as exports did
	// before batches: slower to load, but a file a steward can diff element by element.
	OnePerElement bool
}

// ExportStats counts what [Store.Export] wrote.
type ExportStats struct {
	Nodes, Relationships int
	// DuplicateRelationships counts the relationships written with the duplicate form
	// (more than one relationship of one type between the same two nodes).
	DuplicateRelationships int
}

// Export writes the whole graph (SchemaMigration bookkeeping nodes excepted) to w as an
// idempotent Cypher import file that cypherfile.Import (`batterykg import`) loads: loading
// it into an empty graph (after the schema migrations) rebuilds the graph exactly, and
// loading it again changes nothing.
//
// The file holds no schema: run the migrations first. It is written in this order, so two
// exports of the same graph are byte-identical:
//
//   - nodes, by key label (Source first, so that a file cut into transactions, with
//     `import --batch`, names in each only sources already loaded, and passes the model
//     check transaction by transaction; then the others in name order) then id, in
//     batches: one UNWIND statement per 1,000 nodes, a row per node. A node's key label is
//     the first of the model's main labels (Source, ValueChainStage, Actor, ...) it has, or
//     else its smallest label; its other labels are set as well. Temporal, duration and point
//     values go in `temporal` as [function, argument], as the row must be a plain literal:
//
//     UNWIND [
//     {id: 'uliege', labels: ['University'], props: {city: 'Liège', ...}, temporal: {updatedAt: ['datetime', '2026-11-22T00:00:00Z']}},
//     ...
//     ] AS row
//     MERGE (n:Actor {id: row.id})
//     SET n:$(row.labels), n += row.props
//     FOREACH (k IN keys(row.temporal) | SET n[k] = CASE row.temporal[k][0] WHEN 'datetime' THEN datetime(row.temporal[k][1]) ... END);
//
//     The importer sends each list as one parameter, and runs the statements of one key
//     label as one batched statement (cypherfile's lifting); cypher-shell runs them as
//     written. A node with a value no row can hold (NaN, an infinity, a list of dates) gets
//     a statement of its own, where it comes:
//
//     MERGE (n:Actor {id: 'x'})
//     SET n:University, n += {city: 'Liège', ...};
//
//   - relationships, by start node key label then start node id, in batches of 1,000 of
//     one type and end node key label (a batch is written when full, and the rest at the
//     end of the start label, by type and end label); a relationship is identified by its
//     type and its two end nodes:
//
//     UNWIND [
//     {a: 'gemme', b: 'uliege', props: {confidence: 'SOURCED', sources: [...]}, temporal: {}},
//     ...
//     ] AS row
//     MATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})
//     MERGE (a)-[r:PART_OF]->(b)
//     SET r += row.props
//     FOREACH (k IN keys(row.temporal) | SET r[k] = CASE ... END);
//
//     A relationship no row can hold is written alone, as
//
//     MATCH (a:Actor {id: 'gemme'}), (b:Actor {id: 'uliege'})
//     MERGE (a)-[r:PART_OF]->(b)
//     SET r += {confidence: 'SOURCED', sources: [...]};
//
//     When two or more relationships of one type join the same two nodes (the model never
//     does this, but Neo4j allows it), MERGE on type and endpoints would fold them into
//     one. Each distinct property map of such a group is then written as "make sure there
//     are k relationships with exactly these properties" (k: how many the graph has):
//
//     MATCH (a:Actor {id: 'x'}), (b:Project {id: 'p'})
//     WITH a, b, COUNT { (a)-[r:PARTICIPATES_IN]->(b) WHERE properties(r) = {...} } AS have
//     UNWIND range(have + 1, 2) AS copy
//     CREATE (a)-[r:PARTICIPATES_IN]->(b) SET r = {...};
//
//     which is idempotent too, and keeps duplicates that differ in their properties as
//     well as exact copies. Unlike the MERGE form it never updates an existing
//     relationship: loaded into a graph whose duplicated relationships have other
//     properties, it adds relationships.
//
// Property values are written as Cypher literals that read back as the same value and
// type: strings (escaped; control, format and separator characters as \uXXXX), integers,
// floats (always with a decimal point or exponent; NaN, Infinity), booleans, lists, date,
// localtime, time, localdatetime, datetime (with its offset, and its zone id when it has
// one), duration and point. Byte arrays have no Cypher literal: a graph holding one cannot
// be exported.
//
// Every node must have a label and a string id, unique within its key label, since that is
// what the file merges on; Export checks this first and refuses otherwise (`batterykg
// validate` lists the offending nodes).
//
// The graph is read in pages of PageSize nodes (by id within a key label), each page in a
// statement of its own, and written out as it is read: memory use grows with the page,
// not with the graph. The pages are not one snapshot: run the export while nobody writes.
func (s *Store) Export(ctx context.Context, w io.Writer, opts ExportOptions) (ExportStats, error) {
	if opts.PageSize <= 0 {
		opts.PageSize = 1000
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 2 * time.Second
	}
	e := &exporter{s: s, opts: opts, w: bufio.NewWriterSize(w, 64<<10), start: time.Now(), lastProgress: time.Now()}
	labels, err := e.keyLabels(ctx, false)
	if err != nil {
		return e.stats, err
	}
	e.w.WriteString(exportHeader)
	for _, l := range labels {
		if err := e.nodes(ctx, l); err != nil {
			return e.stats, err
		}
	}
	for _, l := range labels {
		if err := e.relationships(ctx, l); err != nil {
			return e.stats, err
		}
	}
	fmt.Fprintf(e.w, "\n// End of export: %d nodes, %d relationships.\n", e.stats.Nodes, e.stats.Relationships)
	if err := e.w.Flush(); err != nil {
		return e.stats, fmt.Errorf("export: writing: %w", err)
	}
	return e.stats, nil
}

const exportHeader = `// batterykg export: the whole graph as an idempotent Cypher import file.
// Load it with 'batterykg import FILE' into a graph with the schema migrations applied
// ('batterykg migrate'): it holds no schema. Loading it twice changes nothing. Nodes are
// merged on their key label and id, relationships on their type and end nodes, in UNWIND
// batches whose rows 'batterykg import' sends as parameters; where
// several relationships of one type join the same two nodes, each is kept by a statement
// that creates the copies with its properties the graph does not have yet.
// A big file may need 'batterykg import --batch N' to keep transactions small.
`

type exporter struct {
	s     *Store
	opts  ExportOptions
	w     *bufio.Writer
	stats ExportStats
	start time.Time

	lastProgress time.Time
	phase        string
	// relRows holds the relationship batches being written, by type and end label.
	relRows map[exportRelKey]*exportRelBatch
	// labelPages keeps each key label's pages (see pages), read once for both passes.
	labelPages map[string]*labelPages
}

// keyLabelExpr is the Cypher expression of a node's key label; it needs $modelLabels.
const keyLabelExpr = `coalesce(head([l IN $modelLabels WHERE l IN labels(%[1]s)]),
	reduce(m = head(labels(%[1]s)), l IN labels(%[1]s) | CASE WHEN l < m THEN l ELSE m END))`

func keyLabelOf(v string) string { return fmt.Sprintf(keyLabelExpr, v) }

// exportPageAfter is the paging condition on the id of node variable v: every string id on the
// first page (after is nil), the ids after $after on the next ones.
func exportPageAfter(v string, after any) string {
	if after == nil {
		return v + ".id IS :: STRING NOT NULL"
	}
	return v + ".id > $after"
}

// labelPages gives the nodes of one key label (those with a string id) a page at a time,
// in order of id. With a range index on the label's id a page is found by id, after the
// last one; without one (a foreign label, loaded with --no-check) such a page would read the
// whole label, and an export of 200,000 nodes took five minutes: then the label's element
// ids are read once, in order of id, and each page is found by element id.
type labelPages struct {
	indexed bool
	after   any      // indexed: the last id given
	eids    []string // not indexed: the element ids in order of id
	pos     int      // not indexed: the first element id of the next page
	limit   int
}

// pages gives the label's pages from the first; the element ids of a label without an index
// are read at its first call only.
func (e *exporter) pages(ctx context.Context, label string) (*labelPages, error) {
	if p, ok := e.labelPages[label]; ok {
		p.rewind()
		return p, nil
	}
	p := &labelPages{limit: e.opts.PageSize}
	if e.labelPages == nil {
		e.labelPages = map[string]*labelPages{}
	}
	recs, err := e.s.read(ctx, `SHOW INDEXES YIELD type, state, labelsOrTypes, properties
		WHERE type = 'RANGE' AND state = 'ONLINE' AND labelsOrTypes = [$label] AND properties = ['id']
		RETURN count(*) AS n`, map[string]any{"label": label})
	if err != nil {
		return nil, err
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		p.indexed = true
		e.labelPages[label] = p
		return p, nil
	}
	recs, err = e.s.read(ctx, `MATCH (n:`+cypherlit.Name(label)+`) WHERE n.id IS :: STRING NOT NULL AND NOT n:SchemaMigration
		AND `+keyLabelOf("n")+` = $label
		RETURN elementId(n) AS e ORDER BY n.id`, map[string]any{"label": label, "modelLabels": modelLabels})
	if err != nil {
		return nil, err
	}
	p.eids = make([]string, len(recs))
	for i, r := range recs {
		p.eids[i], _ = r.Values[0].(string)
	}
	e.labelPages[label] = p
	return p, nil
}

// where is the condition on the node variable v that finds the next page, its parameters
// added to params; the statement orders the page by id and takes limit nodes.
func (p *labelPages) where(v string, params map[string]any) string {
	params["limit"] = p.limit
	if p.indexed {
		params["after"] = p.after
		return exportPageAfter(v, p.after)
	}
	params["page"] = p.eids[p.pos:min(p.pos+p.limit, len(p.eids))]
	return "elementId(" + v + ") IN $page"
}

// rewind starts again from the first page.
func (p *labelPages) rewind() { p.after, p.pos = nil, 0 }

// next takes note of a page of n nodes, the last with id last, and reports whether another
// page follows.
func (p *labelPages) next(last any, n int) bool {
	if p.indexed {
		p.after = last
		return n >= p.limit
	}
	p.pos = min(p.pos+p.limit, len(p.eids))
	return p.pos < len(p.eids)
}

// keyLabels checks that every node can be merged on (key label, id) and returns the key
// labels in use: Source, then the others sorted. For WalkGraph (walk), nodes without a key
// label or a string id are no problem (it writes them by element id), and a label none of
// whose nodes has an id is left out.
func (e *exporter) keyLabels(ctx context.Context, walk bool) ([]string, error) {
	recs, err := e.s.read(ctx, `MATCH (n) WHERE NOT n:SchemaMigration
		WITH `+keyLabelOf("n")+` AS label, n.id AS id
		RETURN label, count(*) AS nodes,
			count(CASE WHEN id IS :: STRING NOT NULL THEN 1 END) AS withId,
			count(DISTINCT CASE WHEN id IS :: STRING NOT NULL THEN id END) AS distinctIds
		ORDER BY label <> 'Source', label`, map[string]any{"modelLabels": modelLabels})
	if err != nil {
		return nil, err
	}
	var labels, problems []string
	for _, r := range recs {
		label, _ := r.Values[0].(string)
		nodes, _ := r.Values[1].(int64)
		withID, _ := r.Values[2].(int64)
		distinct, _ := r.Values[3].(int64)
		switch {
		case r.Values[0] == nil:
			if !walk {
				problems = append(problems, fmt.Sprintf("%d node(s) have no label", nodes))
			}
			continue
		case walk && withID == 0:
			continue
		case withID < nodes && !walk:
			problems = append(problems, fmt.Sprintf("%d %s node(s) have no string id", nodes-withID, label))
		case distinct < withID:
			problems = append(problems, fmt.Sprintf("%d %s node(s) share their id with another", withID-distinct, label))
		}
		labels = append(labels, label)
	}
	if len(problems) > 0 {
		return nil, kg.Errorf(kg.EINVALID, "export: the graph cannot be written as MERGE statements: %s (nodes are merged on label and id; 'batterykg validate' lists them)",
			strings.Join(problems, "; "))
	}
	return labels, nil
}

// nodes writes the nodes of key label label.
func (e *exporter) nodes(ctx context.Context, label string) error {
	e.phase = "nodes"
	var b strings.Builder
	// rows holds the n rows of the batch being written; batches hold exportBatchRows rows
	// whatever the page size, so that the file does not depend on it.
	var rows strings.Builder
	n := 0
	flush := func() {
		if n == 0 {
			return
		}
		e.w.WriteString("\nUNWIND [")
		e.w.WriteString(strings.TrimSuffix(rows.String(), ","))
		e.w.WriteString("\n] AS row\nMERGE (n:" + cypherlit.Name(label) + " {id: row.id})\nSET n:$(row.labels), n += row.props\n" +
			"FOREACH (k IN keys(row.temporal) | SET n[k] = " + exportTemporalCase + ");\n")
		rows.Reset()
		n = 0
	}
	pages, err := e.pages(ctx, label)
	if err != nil {
		return err
	}
	for {
		params := map[string]any{"label": label, "modelLabels": modelLabels}
		q := `MATCH (n:` + cypherlit.Name(label) + `) WHERE ` + pages.where("n", params) + ` AND NOT n:SchemaMigration
			AND ` + keyLabelOf("n") + ` = $label
			RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
			ORDER BY n.id LIMIT $limit`
		recs, err := e.s.read(ctx, q, params)
		if err != nil {
			return err
		}
		var last any
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			labels, _ := r.Values[1].([]any)
			props, _ := r.Values[2].(map[string]any)
			dropDerived(label, props)
			last = id
			e.stats.Nodes++
			if !e.opts.OnePerElement && exportRowable(props) {
				b.Reset()
				if err := writeNodeRow(&b, label, id, labels, props); err != nil {
					return err
				}
				rows.WriteString(b.String())
				if n++; n == exportBatchRows {
					flush()
				}
				continue
			}
			b.Reset()
			if err := writeExportNode(&b, label, id, labels, props); err != nil {
				return err
			}
			e.w.WriteString(b.String())
		}
		e.progress()
		if !pages.next(last, len(recs)) {
			flush()
			return nil
		}
	}
}

// dropDerived removes from a node's properties the data the store derives and keeps itself
// (stage coverage counts, name sort keys): an import makes them again.
func dropDerived(label string, props map[string]any) {
	if label == "ValueChainStage" {
		for _, k := range kg.CoverageProperties {
			delete(props, k)
		}
	}
	delete(props, kg.NameKey)
}

// writeExportNode writes the MERGE statement of one node.
func writeExportNode(b *strings.Builder, label, id string, labels []any, props map[string]any) error {
	b.WriteString("\nMERGE (n:")
	b.WriteString(cypherlit.Name(label))
	b.WriteString(" {id: ")
	b.WriteString(cypherlit.String(id))
	b.WriteString("})")
	var extra []string
	for _, l := range labels {
		if ls, _ := l.(string); ls != label {
			extra = append(extra, ls)
		}
	}
	sort.Strings(extra)
	keys := exportKeys(props, "id")
	if len(extra) > 0 || len(keys) > 0 {
		b.WriteString("\nSET ")
		for i, l := range extra {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("n:")
			b.WriteString(cypherlit.Name(l))
		}
		if len(keys) > 0 {
			if len(extra) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("n += {")
			for i, k := range keys {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString("\n  ")
				b.WriteString(cypherlit.Name(k))
				b.WriteString(": ")
				if err := writeCypherLiteral(b, props[k]); err != nil {
					return fmt.Errorf("export: %s %q, property %s: %w", label, id, k, err)
				}
			}
			b.WriteString("\n}")
		}
	}
	b.WriteString(";\n")
	return nil
}

// exportTemporalCase is the Cypher that turns a row's temporal entry [function, argument]
// (see writeTemporalRow) back into its value.
const exportTemporalCase = `CASE row.temporal[k][0] WHEN 'datetime' THEN datetime(row.temporal[k][1]) ` +
	`WHEN 'date' THEN date(row.temporal[k][1]) WHEN 'localdatetime' THEN localdatetime(row.temporal[k][1]) ` +
	`WHEN 'localtime' THEN localtime(row.temporal[k][1]) WHEN 'time' THEN time(row.temporal[k][1]) ` +
	`WHEN 'duration' THEN duration(row.temporal[k][1]) WHEN 'point' THEN point(row.temporal[k][1]) END`

// exportRowable reports whether an element with these properties can be a row of a batch:
// every value is a literal (strings, integers, finite floats, booleans and lists of them) or
// a temporal, duration or point value, which the row holds as its function and argument.
// Others (NaN, infinities, lists of temporal values) are written in a statement of their
// own.
func exportRowable(props map[string]any) bool {
	for _, v := range props {
		switch v := v.(type) {
		case dbtype.Date, dbtype.LocalTime, dbtype.Time, dbtype.LocalDateTime, time.Time, dbtype.Duration, dbtype.Point2D, dbtype.Point3D:
		case []any:
			for _, x := range v {
				if !exportPlain(x) {
					return false
				}
			}
		default:
			if !exportPlain(v) {
				return false
			}
		}
	}
	return true
}

// exportPlain reports whether v is written as a literal the importer reads (a string,
// integer, finite float, boolean or null).
func exportPlain(v any) bool {
	switch v := v.(type) {
	case nil, bool, int64, int, string:
		return true
	case float64:
		return !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	return false
}

// writeNodeRow writes a node as a row of a node batch:
//
//	{id: 'uliege', labels: ['University'], props: {...}, temporal: {updatedAt: ['datetime', '2026-11-22T00:00:00Z']}},
func writeNodeRow(b *strings.Builder, label, id string, labels []any, props map[string]any) error {
	b.WriteString("\n{id: ")
	b.WriteString(cypherlit.String(id))
	b.WriteString(", labels: [")
	var extra []string
	for _, l := range labels {
		if ls, _ := l.(string); ls != label {
			extra = append(extra, ls)
		}
	}
	sort.Strings(extra)
	for i, l := range extra {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cypherlit.String(l))
	}
	b.WriteString("], ")
	if err := writeRowProps(b, props, "id"); err != nil {
		return fmt.Errorf("export: %s %q, %w", label, id, err)
	}
	b.WriteString("},")
	return nil
}

// writeRelRow writes a relationship as a row of a relationship batch: {a: ..., b: ..., props: {...}, temporal: {...}},
func writeRelRow(b *strings.Builder, a, bid string, props map[string]any) error {
	b.WriteString("\n{a: ")
	b.WriteString(cypherlit.String(a))
	b.WriteString(", b: ")
	b.WriteString(cypherlit.String(bid))
	b.WriteString(", ")
	if err := writeRowProps(b, props, ""); err != nil {
		return err
	}
	b.WriteString("},")
	return nil
}

// writeRowProps writes `props: {...}, temporal: {...}`: the literal properties, and the
// temporal, duration and point ones as [function, argument] (the argument being the
// literal the function takes, as writeCypherLiteral writes it).
func writeRowProps(b *strings.Builder, props map[string]any, except string) error {
	var plain, temporal []string
	for _, k := range exportKeys(props, except) {
		if _, isList := props[k].([]any); isList || exportPlain(props[k]) {
			plain = append(plain, k)
		} else {
			temporal = append(temporal, k)
		}
	}
	b.WriteString("props: {")
	for i, k := range plain {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cypherlit.Name(k))
		b.WriteString(": ")
		if err := writeCypherLiteral(b, props[k]); err != nil {
			return fmt.Errorf("property %s: %w", k, err)
		}
	}
	b.WriteString("}, temporal: {")
	for i, k := range temporal {
		lit, err := CypherLiteral(props[k])
		if err != nil {
			return fmt.Errorf("property %s: %w", k, err)
		}
		open := strings.IndexByte(lit, '(')
		if open < 0 || !strings.HasSuffix(lit, ")") {
			return fmt.Errorf("property %s: %s is not a function call", k, lit)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cypherlit.Name(k))
		b.WriteString(": [")
		b.WriteString(cypherlit.String(lit[:open]))
		b.WriteString(", ")
		b.WriteString(lit[open+1 : len(lit)-1])
		b.WriteString("]")
	}
	b.WriteString("}")
	return nil
}

// exportRel is one outgoing relationship of a start node, rendered.
type exportRel struct {
	typ, label, id string
	props          string // the property map literal
	// rowable says the relationship can be written as a row of a batch (see
	// exportRowable); row is that row.
	rowable bool
	row     string
}

// exportRelKey is a batch of relationships: their type and end node key label.
type exportRelKey struct{ typ, label string }

// exportRelBatch is the n rows of a relationship batch being written.
type exportRelBatch struct {
	rows strings.Builder
	n    int
}

// exportBatchRows is the number of rows of a full batch.
const exportBatchRows = 1000

// relationships writes the relationships whose start node has key label label.
func (e *exporter) relationships(ctx context.Context, label string) error {
	e.phase = "relationships"
	var b strings.Builder
	e.relRows = map[exportRelKey]*exportRelBatch{}
	pages, err := e.pages(ctx, label)
	if err != nil {
		return err
	}
	for {
		params := map[string]any{"label": label, "modelLabels": modelLabels}
		q := `MATCH (a:` + cypherlit.Name(label) + `) WHERE ` + pages.where("a", params) + ` AND NOT a:SchemaMigration
			AND ` + keyLabelOf("a") + ` = $label
			WITH a ORDER BY a.id LIMIT $limit
			OPTIONAL MATCH (a)-[r]->(b) WHERE NOT b:SchemaMigration
			RETURN a.id AS id, collect(CASE WHEN r IS NOT NULL THEN
				[type(r), ` + keyLabelOf("b") + `, b.id, properties(r)] END) AS rels
			ORDER BY id`
		recs, err := e.s.read(ctx, q, params)
		if err != nil {
			return err
		}
		var last any
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			raw, _ := r.Values[1].([]any)
			last = id
			rels := make([]exportRel, 0, len(raw))
			for _, x := range raw {
				t, _ := x.([]any)
				if len(t) != 4 {
					continue
				}
				var rel exportRel
				rel.typ, _ = t[0].(string)
				rel.label, _ = t[1].(string)
				rel.id, _ = t[2].(string)
				props, _ := t[3].(map[string]any)
				b.Reset()
				if err := writeCypherMap(&b, props); err != nil {
					return fmt.Errorf("export: relationship %s %q -[:%s]-> %s %q: %w", label, id, rel.typ, rel.label, rel.id, err)
				}
				rel.props = b.String()
				rel.rowable = !e.opts.OnePerElement && exportRowable(props)
				if rel.rowable {
					b.Reset()
					if err := writeRelRow(&b, id, rel.id, props); err != nil {
						return fmt.Errorf("export: relationship %s %q -[:%s]-> %s %q: %w", label, id, rel.typ, rel.label, rel.id, err)
					}
					rel.row = b.String()
				}
				rels = append(rels, rel)
			}
			sort.Slice(rels, func(i, j int) bool {
				x, y := rels[i], rels[j]
				if x.typ != y.typ {
					return x.typ < y.typ
				}
				if x.label != y.label {
					return x.label < y.label
				}
				if x.id != y.id {
					return x.id < y.id
				}
				return x.props < y.props
			})
			for i := 0; i < len(rels); {
				j := i + 1
				for j < len(rels) && rels[j].typ == rels[i].typ && rels[j].label == rels[i].label && rels[j].id == rels[i].id {
					j++
				}
				if j == i+1 && rels[i].rowable {
					k := exportRelKey{rels[i].typ, rels[i].label}
					batch := e.relRows[k]
					if batch == nil {
						batch = &exportRelBatch{}
						e.relRows[k] = batch
					}
					batch.rows.WriteString(rels[i].row)
					e.stats.Relationships++
					if batch.n++; batch.n == exportBatchRows {
						e.writeRelBatch(label, k)
					}
				} else {
					e.writeGroup(label, id, rels[i:j])
				}
				i = j
			}
		}
		e.progress()
		if !pages.next(last, len(recs)) {
			e.writeRelRows(label)
			return nil
		}
	}
}

// writeRelRows writes the relationship batches left at the end of the start nodes of key
// label label, by type then end node label.
func (e *exporter) writeRelRows(label string) {
	keys := make([]exportRelKey, 0, len(e.relRows))
	for k := range e.relRows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].typ != keys[j].typ {
			return keys[i].typ < keys[j].typ
		}
		return keys[i].label < keys[j].label
	})
	for _, k := range keys {
		e.writeRelBatch(label, k)
	}
	e.relRows = nil
}

// writeRelBatch writes the batch of relationships k from start nodes of key label label, and
// empties it.
func (e *exporter) writeRelBatch(label string, k exportRelKey) {
	batch := e.relRows[k]
	if batch == nil || batch.n == 0 {
		return
	}
	e.w.WriteString("\nUNWIND [")
	e.w.WriteString(strings.TrimSuffix(batch.rows.String(), ","))
	e.w.WriteString("\n] AS row\nMATCH (a:" + cypherlit.Name(label) + " {id: row.a}), (b:" + cypherlit.Name(k.label) + " {id: row.b})\n" +
		"MERGE (a)-[r:" + cypherlit.Name(k.typ) + "]->(b)\nSET r += row.props\n" +
		"FOREACH (k IN keys(row.temporal) | SET r[k] = " + exportTemporalCase + ");\n")
	batch.rows.Reset()
	batch.n = 0
}

// writeGroup writes the relationships of one type from one start node to one end node
// (sorted by their property literal).
func (e *exporter) writeGroup(label, id string, group []exportRel) {
	r := group[0]
	var b strings.Builder
	b.WriteString("\nMATCH (a:")
	b.WriteString(cypherlit.Name(label))
	b.WriteString(" {id: ")
	b.WriteString(cypherlit.String(id))
	b.WriteString("}), (b:")
	b.WriteString(cypherlit.Name(r.label))
	b.WriteString(" {id: ")
	b.WriteString(cypherlit.String(r.id))
	b.WriteString("})\n")
	match := b.String()
	typ := cypherlit.Name(r.typ)
	if len(group) == 1 {
		e.w.WriteString(match)
		e.w.WriteString("MERGE (a)-[r:" + typ + "]->(b)")
		if r.props != "{}" {
			e.w.WriteString("\nSET r += " + r.props)
		}
		e.w.WriteString(";\n")
		e.stats.Relationships++
		return
	}
	for i := 0; i < len(group); {
		j := i + 1
		for j < len(group) && group[j].props == group[i].props {
			j++
		}
		props := group[i].props
		e.w.WriteString(match)
		e.w.WriteString("WITH a, b, COUNT { (a)-[r:" + typ + "]->(b) WHERE properties(r) = " + props + " } AS have\n")
		e.w.WriteString("UNWIND range(have + 1, " + strconv.Itoa(j-i) + ") AS copy\n")
		e.w.WriteString("CREATE (a)-[r:" + typ + "]->(b)")
		if props != "{}" {
			e.w.WriteString(" SET r = " + props)
		}
		e.w.WriteString(";\n")
		e.stats.Relationships += j - i
		e.stats.DuplicateRelationships += j - i
		i = j
	}
}

func (e *exporter) progress() {
	if e.opts.Progress == nil || time.Since(e.lastProgress) < e.opts.ProgressEvery {
		return
	}
	e.lastProgress = time.Now()
	fmt.Fprintf(e.opts.Progress, "export: %d nodes, %d relationships written (%s) after %s\n",
		e.stats.Nodes, e.stats.Relationships, e.phase, time.Since(e.start).Round(time.Second))
}

func exportKeys(m map[string]any, except string) []string {
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if k != except && v != nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// writeCypherMap writes a map literal with its keys sorted; null values are left out.
func writeCypherMap(b *strings.Builder, m map[string]any) error {
	b.WriteByte('{')
	for i, k := range exportKeys(m, "") {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cypherlit.Name(k))
		b.WriteString(": ")
		if err := writeCypherLiteral(b, m[k]); err != nil {
			return fmt.Errorf("property %s: %w", k, err)
		}
	}
	b.WriteByte('}')
	return nil
}

// CypherLiteral returns the Cypher literal of a property value as the Neo4j driver returns
// it, such that Neo4j evaluates the literal back to the same value and type (see
// [Store.Export]).
func CypherLiteral(v any) (string, error) {
	var b strings.Builder
	err := writeCypherLiteral(&b, v)
	return b.String(), err
}

func writeCypherLiteral(b *strings.Builder, v any) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		writeCypherFloat(b, v)
	case string:
		if !utf8.ValidString(v) {
			return fmt.Errorf("string %q is not valid UTF-8", v)
		}
		b.WriteString(cypherlit.String(v))
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeCypherLiteral(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		return writeCypherMap(b, v)
	case dbtype.Date:
		t := time.Time(v)
		if y := t.Year(); y < 0 || y > 9999 {
			fmt.Fprintf(b, "date({year: %d, month: %d, day: %d})", y, t.Month(), t.Day())
		} else {
			b.WriteString("date('" + t.Format("2006-01-02") + "')")
		}
	case dbtype.LocalTime:
		b.WriteString("localtime('" + time.Time(v).Format("15:04:05.999999999") + "')")
	case dbtype.Time:
		b.WriteString("time('" + time.Time(v).Format("15:04:05.999999999Z07:00") + "')")
	case dbtype.LocalDateTime:
		t := time.Time(v)
		if y := t.Year(); y < 0 || y > 9999 {
			fmt.Fprintf(b, "localdatetime({%s})", cypherTemporalFields(t))
		} else {
			b.WriteString("localdatetime('" + t.Format("2006-01-02T15:04:05.999999999") + "')")
		}
	case time.Time:
		writeCypherDateTime(b, v)
	case dbtype.Duration:
		fmt.Fprintf(b, "duration({months: %d, days: %d, seconds: %d, nanoseconds: %d})", v.Months, v.Days, v.Seconds, v.Nanos)
	case dbtype.Point2D:
		fmt.Fprintf(b, "point({srid: %d, x: ", v.SpatialRefId)
		writeCypherFloat(b, v.X)
		b.WriteString(", y: ")
		writeCypherFloat(b, v.Y)
		b.WriteString("})")
	case dbtype.Point3D:
		fmt.Fprintf(b, "point({srid: %d, x: ", v.SpatialRefId)
		writeCypherFloat(b, v.X)
		b.WriteString(", y: ")
		writeCypherFloat(b, v.Y)
		b.WriteString(", z: ")
		writeCypherFloat(b, v.Z)
		b.WriteString("})")
	case []byte:
		return fmt.Errorf("a byte array has no Cypher literal")
	default:
		return fmt.Errorf("no Cypher literal for a %T", v)
	}
	return nil
}

// writeCypherDateTime writes a zoned datetime: with its offset, and its zone id when it has one
// (the driver gives offset-only values the zone name "Offset").
func writeCypherDateTime(b *strings.Builder, t time.Time) {
	name, offset := t.Zone()
	named := name != "Offset"
	if y := t.Year(); y < 0 || y > 9999 {
		tz := t.Location().String()
		if !named {
			tz = time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", offset)).Format("-07:00:00")
		}
		fmt.Fprintf(b, "datetime({%s, timezone: ", cypherTemporalFields(t))
		b.WriteString(cypherlit.String(tz))
		b.WriteString("})")
		return
	}
	layout := "2006-01-02T15:04:05.999999999Z07:00"
	if offset%60 != 0 {
		layout = "2006-01-02T15:04:05.999999999Z07:00:00"
	}
	b.WriteString("datetime('" + t.Format(layout))
	if named {
		b.WriteString("[" + t.Location().String() + "]")
	}
	b.WriteString("')")
}

func cypherTemporalFields(t time.Time) string {
	return fmt.Sprintf("year: %d, month: %d, day: %d, hour: %d, minute: %d, second: %d, nanosecond: %d",
		t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
}

// writeCypherFloat writes a float so that Cypher reads it back as the same float: always with a
// decimal point or an exponent, in plain notation for usual magnitudes.
func writeCypherFloat(b *strings.Builder, f float64) {
	switch {
	case math.IsNaN(f):
		b.WriteString("NaN")
		return
	case math.IsInf(f, 1):
		b.WriteString("Infinity")
		return
	case math.IsInf(f, -1):
		b.WriteString("-Infinity")
		return
	}
	var s string
	if a := math.Abs(f); a == 0 || a >= 1e-6 && a < 1e21 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	} else {
		s = strconv.FormatFloat(f, 'e', -1, 64)
	}
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	b.WriteString(s)
}
