// Package graphformat writes a property graph in the formats graph tools read: GraphML
// (Gephi, Cytoscape desktop, yEd, networkx), CSV (a nodes table and an edges table) and JSON.
// It streams: nodes and edges are written as they are given, so memory does not grow with
// the graph. The explorer's downloads (internal/server/explore) use the same GraphML layout.
package graphformat

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Node is a node: its id (unique in the graph), its labels and its properties. Property
// values are strings, int64, float64, bool, or lists of these ([]any).
type Node struct {
	ID     string
	Labels []string
	Props  map[string]any
}

// Edge is a directed relationship between two nodes, by their ids.
type Edge struct {
	ID, Type, From, To string
	Props              map[string]any
}

// Key is a property and the GraphML type of its values: string, long, double or boolean.
type Key struct {
	Name, Type string
}

// Schema lists the node and edge properties the graph has, so formats that declare their
// columns up front (GraphML, CSV) can. A property not listed is left out of those formats.
type Schema struct {
	NodeKeys, EdgeKeys []Key
}

// Writer receives the nodes, then the edges, then Close (which writes what ends the file;
// it does not close the underlying writers).
type Writer interface {
	Node(Node) error
	Edge(Edge) error
	Close() error
}

// Formats are the format names `batterykg export --format` accepts besides cypher.
var Formats = []string{"graphml", "csv", "json"}

// Sort orders keys by name, so the columns of two exports of one graph agree.
func (s *Schema) Sort() {
	sort.Slice(s.NodeKeys, func(i, j int) bool { return s.NodeKeys[i].Name < s.NodeKeys[j].Name })
	sort.Slice(s.EdgeKeys, func(i, j int) bool { return s.EdgeKeys[i].Name < s.EdgeKeys[j].Name })
}

// TypeOf is the GraphML type of a value: long, double, boolean or string (lists and
// anything else are written as text).
func TypeOf(v any) string {
	switch v.(type) {
	case int64, int:
		return "long"
	case float64:
		return "double"
	case bool:
		return "boolean"
	}
	return "string"
}

// Text is a property value as text: numbers in Go's shortest form, lists joined with ";".
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Text(e)
		}
		return strings.Join(parts, ";")
	case []string:
		return strings.Join(x, ";")
	}
	return fmt.Sprint(v)
}

// edgeCheck remembers the node ids written, so an edge to a node the file does not hold is
// an error rather than a file graph tools refuse.
type edgeCheck struct {
	nodes map[string]bool
	edges map[string]bool
}

func newEdgeCheck() edgeCheck { return edgeCheck{nodes: map[string]bool{}, edges: map[string]bool{}} }

func (c edgeCheck) node(n Node) error {
	if n.ID == "" {
		return fmt.Errorf("a node without an id (labels %v)", n.Labels)
	}
	if c.nodes[n.ID] {
		return fmt.Errorf("two nodes have the id %q", n.ID)
	}
	c.nodes[n.ID] = true
	return nil
}

func (c edgeCheck) edge(e Edge) error {
	if !c.nodes[e.From] || !c.nodes[e.To] {
		return fmt.Errorf("edge %s: an end node (%q, %q) was not written", e.ID, e.From, e.To)
	}
	if c.edges[e.ID] {
		return fmt.Errorf("two edges have the id %q", e.ID)
	}
	c.edges[e.ID] = true
	return nil
}
