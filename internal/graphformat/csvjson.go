package graphformat

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
)

// CSV writes two tables: nodes (id, labels, then a column per node property) and edges
// (id, type, from, to, then a column per edge property). Lists are joined with ";", a
// missing property is an empty cell. RFC 4180 quoting.
func CSV(nodes, edges io.Writer, s Schema) Writer {
	c := &csvWriter{n: csv.NewWriter(nodes), e: csv.NewWriter(edges), s: s, check: newEdgeCheck()}
	head := []string{"id", "labels"}
	for _, k := range s.NodeKeys {
		head = append(head, k.Name)
	}
	c.n.Write(head)
	head = []string{"id", "type", "from", "to"}
	for _, k := range s.EdgeKeys {
		head = append(head, k.Name)
	}
	c.e.Write(head)
	return c
}

type csvWriter struct {
	n, e  *csv.Writer
	s     Schema
	check edgeCheck
}

func (c *csvWriter) Node(n Node) error {
	if err := c.check.node(n); err != nil {
		return err
	}
	row := []string{n.ID, strings.Join(n.Labels, ";")}
	for _, k := range c.s.NodeKeys {
		row = append(row, Text(n.Props[k.Name]))
	}
	return c.n.Write(row)
}

func (c *csvWriter) Edge(e Edge) error {
	if err := c.check.edge(e); err != nil {
		return err
	}
	row := []string{e.ID, e.Type, e.From, e.To}
	for _, k := range c.s.EdgeKeys {
		row = append(row, Text(e.Props[k.Name]))
	}
	return c.e.Write(row)
}

func (c *csvWriter) Close() error {
	c.n.Flush()
	c.e.Flush()
	if err := c.n.Error(); err != nil {
		return err
	}
	return c.e.Error()
}

// JSON writes {"nodes": [{"id", "labels", "properties"}...], "edges": [{"id", "type",
// "from", "to", "properties"}...]}, one element a line; values keep their JSON types.
func JSON(w io.Writer) Writer {
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), check: newEdgeCheck()}
	j.w.WriteString(`{"nodes": [`)
	return j
}

type jsonWriter struct {
	w            *bufio.Writer
	nodes, edges int
	check        edgeCheck
}

type jsonNode struct {
	ID         string         `json:"id"`
	Labels     []string       `json:"labels"`
	Properties map[string]any `json:"properties"`
}

type jsonEdge struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	From       string         `json:"from"`
	To         string         `json:"to"`
	Properties map[string]any `json:"properties"`
}

func (j *jsonWriter) item(first bool, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if !first {
		j.w.WriteByte(',')
	}
	j.w.WriteString("\n  ")
	j.w.Write(b)
	return nil
}

func (j *jsonWriter) Node(n Node) error {
	if err := j.check.node(n); err != nil {
		return err
	}
	if n.Props == nil {
		n.Props = map[string]any{}
	}
	j.nodes++
	return j.item(j.nodes == 1, jsonNode{n.ID, n.Labels, n.Props})
}

func (j *jsonWriter) Edge(e Edge) error {
	if err := j.check.edge(e); err != nil {
		return err
	}
	if j.edges == 0 {
		j.w.WriteString("\n], \"edges\": [")
	}
	if e.Props == nil {
		e.Props = map[string]any{}
	}
	j.edges++
	return j.item(j.edges == 1, jsonEdge{e.ID, e.Type, e.From, e.To, e.Props})
}

func (j *jsonWriter) Close() error {
	if j.edges == 0 {
		j.w.WriteString("\n], \"edges\": [")
	}
	j.w.WriteString("\n]}\n")
	return j.w.Flush()
}
