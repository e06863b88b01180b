package neo4jstore

// walk.go reads the whole graph for `batterykg export --format graphml|csv|json`
// (see WalkGraph); the formats themselves are in internal/graphformat.

import (
	"context"
	"fmt"
	"github.com/batterykg/batterykg/internal/kg"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/batterykg/batterykg/internal/cypherlit"
	"github.com/batterykg/batterykg/internal/graphformat"
)

// GraphSchema returns the property keys of the graph's nodes (id aside) and relationships,
// sorted, each with the GraphML type its values share: long, double (integers and floats
// mixed too), boolean, or string for anything else (text, lists, dates).
func (s *Store) GraphSchema(ctx context.Context) (graphformat.Schema, error) {
	var out graphformat.Schema
	for _, q := range []struct {
		cypher string
		keys   *[]graphformat.Key
	}{
		// derived data (dropDerived) left out
		{`MATCH (n) WHERE NOT n:SchemaMigration UNWIND keys(n) AS k WITH n, k, n[k] AS v
			WHERE k <> 'id' AND k <> $nameKey AND NOT (n:ValueChainStage AND k IN $coverage)
			RETURN k, collect(DISTINCT valueType(v)) AS types ORDER BY k`, &out.NodeKeys},
		{`MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration UNWIND keys(r) AS k WITH k, r[k] AS v
			RETURN k, collect(DISTINCT valueType(v)) AS types ORDER BY k`, &out.EdgeKeys},
	} {
		recs, err := s.read(ctx, q.cypher, map[string]any{"nameKey": kg.NameKey, "coverage": kg.CoverageProperties})
		if err != nil {
			return out, err
		}
		for _, r := range recs {
			k, _ := r.Values[0].(string)
			types, _ := r.Values[1].([]any)
			*q.keys = append(*q.keys, graphformat.Key{Name: k, Type: graphMLType(types)})
		}
	}
	out.Sort()
	return out, nil
}

// graphMLType is the GraphML type of a property whose values have these Cypher types.
func graphMLType(types []any) string {
	ints, floats, bools := 0, 0, 0
	for _, t := range types {
		switch strings.TrimSuffix(fmt.Sprint(t), " NOT NULL") {
		case "INTEGER":
			ints++
		case "FLOAT":
			floats++
		case "BOOLEAN":
			bools++
		}
	}
	switch n := len(types); {
	case n > 0 && ints == n:
		return "long"
	case n > 0 && ints+floats == n:
		return "double"
	case n > 0 && bools == n:
		return "boolean"
	}
	return "string"
}

// WalkGraph gives w every node (SchemaMigration bookkeeping aside), by key label then id,
// then the nodes without a string id or key label (a foreign graph loaded with --no-check),
// which take their element id as id; then every relationship, by start node, type and end
// node; an edge's id is `from|TYPE|to` as in the API (`#2`, `#3`… for more relationships of
// one type between the same two nodes). Property values are given as strings, int64,
// float64, bool or lists; temporal values as ISO 8601 text. It reads pageSize nodes per
// statement, like Export, and calls progress (when not nil) after each page. String ids
// are unique across the graph in the model, and w refuses a file where they are not.
func (s *Store) WalkGraph(ctx context.Context, pageSize int, w graphformat.Writer, progress func(nodes, rels int)) (nodes, rels int, err error) {
	if pageSize <= 0 {
		pageSize = 1000
	}
	e := &exporter{s: s, opts: ExportOptions{PageSize: pageSize}}
	sets, err := e.walkSets(ctx)
	if err != nil {
		return 0, 0, err
	}
	tell := func() {
		if progress != nil {
			progress(nodes, rels)
		}
	}
	for _, set := range sets {
		for pages := set.pages; ; {
			params := map[string]any{"label": set.label, "modelLabels": modelLabels}
			recs, err := s.read(ctx, set.match+pages.where("n", params)+set.cond+`
				RETURN `+set.id+` AS id, labels(n) AS labels, properties(n) AS props ORDER BY id LIMIT $limit`, params)
			if err != nil {
				return nodes, rels, err
			}
			var last any
			for _, r := range recs {
				id, _ := r.Values[0].(string)
				ls, _ := r.Values[1].([]any)
				props, _ := r.Values[2].(map[string]any)
				dropDerived(set.label, props)
				n := graphformat.Node{ID: id, Props: plainProps(props, set.idProp)}
				for _, l := range ls {
					n.Labels = append(n.Labels, fmt.Sprint(l))
				}
				sort.Strings(n.Labels)
				if err := w.Node(n); err != nil {
					return nodes, rels, fmt.Errorf("export: %w", err)
				}
				nodes++
				last = id
			}
			tell()
			if !pages.next(last, len(recs)) {
				break
			}
		}
	}
	for _, set := range sets {
		set.pages.rewind()
		for pages := set.pages; ; {
			params := map[string]any{"label": set.label, "modelLabels": modelLabels}
			recs, err := s.read(ctx, set.match+pages.where("n", params)+set.cond+`
				WITH n ORDER BY `+set.id+` LIMIT $limit
				OPTIONAL MATCH (n)-[r]->(b) WHERE NOT b:SchemaMigration
				RETURN `+set.id+` AS id, collect(CASE WHEN r IS NOT NULL THEN [type(r), `+walkID("b")+`, properties(r)] END) AS rels
				ORDER BY id`, params)
			if err != nil {
				return nodes, rels, err
			}
			var last any
			for _, r := range recs {
				from, _ := r.Values[0].(string)
				raw, _ := r.Values[1].([]any)
				last = from
				edges := make([]graphformat.Edge, 0, len(raw))
				for _, x := range raw {
					t, _ := x.([]any)
					if len(t) != 3 {
						continue
					}
					typ, _ := t[0].(string)
					to, _ := t[1].(string)
					props, _ := t[2].(map[string]any)
					edges = append(edges, graphformat.Edge{Type: typ, From: from, To: to, Props: plainProps(props, "")})
				}
				sort.SliceStable(edges, func(i, j int) bool {
					if edges[i].Type != edges[j].Type {
						return edges[i].Type < edges[j].Type
					}
					return edges[i].To < edges[j].To
				})
				seen := map[string]int{}
				for _, e := range edges {
					e.ID = e.From + "|" + e.Type + "|" + e.To
					if seen[e.ID]++; seen[e.ID] > 1 {
						e.ID += fmt.Sprintf("#%d", seen[e.ID])
					}
					if err := w.Edge(e); err != nil {
						return nodes, rels, fmt.Errorf("export: %w", err)
					}
					rels++
				}
			}
			tell()
			if !pages.next(last, len(recs)) {
				break
			}
		}
	}
	return nodes, rels, nil
}

// walkSet is a set of nodes WalkGraph reads a page at a time: the nodes of one key label by
// id, or the nodes without a key (no string id, or no key label) by element id.
type walkSet struct {
	label  string // the key label; "" for the nodes without a key
	match  string // MATCH (n...) WHERE, before the page's condition
	cond   string // the conditions after it
	id     string // the node's id in the file
	idProp string // the property that id is (left out of the properties), or ""
	pages  *labelPages
}

// walkUnkeyed is the condition on the nodes without a key: no string id, or no key label.
var walkUnkeyed = `NOT n:SchemaMigration AND NOT (n.id IS :: STRING NOT NULL AND ` + keyLabelOf("n") + ` IS NOT NULL)`

// walkID is a node's id in WalkGraph's files: its string id if it has one and a key
// label, else its element id.
func walkID(v string) string {
	return `CASE WHEN ` + v + `.id IS :: STRING NOT NULL AND ` + keyLabelOf(v) + ` IS NOT NULL THEN ` + v + `.id ELSE elementId(` + v + `) END`
}

// walkSets is the key labels' sets, then the set of the nodes without a key when there
// are any.
func (e *exporter) walkSets(ctx context.Context) ([]walkSet, error) {
	labels, err := e.keyLabels(ctx, true)
	if err != nil {
		return nil, err
	}
	var sets []walkSet
	for _, label := range labels {
		pages, err := e.pages(ctx, label)
		if err != nil {
			return nil, err
		}
		sets = append(sets, walkSet{label: label, match: `MATCH (n:` + cypherlit.Name(label) + `) WHERE `,
			cond: ` AND NOT n:SchemaMigration AND ` + keyLabelOf("n") + ` = $label`, id: "n.id", idProp: "id", pages: pages})
	}
	unkeyed, err := e.unkeyedPages(ctx)
	if err != nil {
		return nil, err
	}
	if len(unkeyed.eids) > 0 {
		sets = append(sets, walkSet{match: `MATCH (n) WHERE `, id: "elementId(n)", pages: unkeyed})
	}
	return sets, nil
}

// unkeyedPages reads the element ids of the nodes without a key, in order.
func (e *exporter) unkeyedPages(ctx context.Context) (*labelPages, error) {
	recs, err := e.s.read(ctx, `MATCH (n) WHERE `+walkUnkeyed+` RETURN elementId(n) AS e ORDER BY e`,
		map[string]any{"modelLabels": modelLabels})
	if err != nil {
		return nil, err
	}
	p := &labelPages{limit: e.opts.PageSize, eids: make([]string, len(recs))}
	for i, r := range recs {
		p.eids[i], _ = r.Values[0].(string)
	}
	return p, nil
}

// plainProps turns driver values into the plain values graphformat writes, dropping except.
func plainProps(props map[string]any, except string) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if k != except {
			out[k] = plainValue(v)
		}
	}
	return out
}

func plainValue(v any) any {
	switch x := v.(type) {
	case string, int64, float64, bool, nil:
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainValue(e)
		}
		return out
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime:
		return x.Time().Format("15:04:05.999999999")
	case dbtype.Time:
		return x.Time().Format("15:04:05.999999999Z07:00")
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Duration:
		return x.String()
	case dbtype.Point2D, dbtype.Point3D:
		// as Cypher writes it, every digit kept (fmt rounds to six decimals)
		if s, err := CypherLiteral(x); err == nil {
			return s
		}
	}
	return fmt.Sprint(v)
}
