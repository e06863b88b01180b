package graphformat

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
)

// GraphML writes GraphML 1.0: a <key> per property (ids n_<name> for nodes, e_<name> for
// edges; the node's labels as n_labels, joined with ";", and the edge's type as e_type), then
// one directed graph. Values a key's type cannot hold are written as text all the same.
func GraphML(w io.Writer, s Schema) Writer {
	g := &graphml{w: bufio.NewWriterSize(w, 64<<10), s: s, check: newEdgeCheck()}
	g.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	g.w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	g.key("n_labels", "node", "labels", "string")
	for _, k := range s.NodeKeys {
		g.key("n_"+k.Name, "node", k.Name, k.Type)
	}
	g.key("e_type", "edge", "type", "string")
	for _, k := range s.EdgeKeys {
		g.key("e_"+k.Name, "edge", k.Name, k.Type)
	}
	g.w.WriteString(`  <graph id="batterykg" edgedefault="directed">` + "\n")
	return g
}

type graphml struct {
	w     *bufio.Writer
	s     Schema
	check edgeCheck
}

func (g *graphml) key(id, scope, name, typ string) {
	g.w.WriteString(`  <key id="` + attr(id) + `" for="` + scope + `" attr.name="` + attr(name) + `" attr.type="` + typ + `"/>` + "\n")
}

func (g *graphml) data(key string, v any) {
	g.w.WriteString(`<data key="` + attr(key) + `">`)
	xml.EscapeText(g.w, []byte(Text(v)))
	g.w.WriteString(`</data>`)
}

func (g *graphml) Node(n Node) error {
	if err := g.check.node(n); err != nil {
		return err
	}
	g.w.WriteString(`    <node id="` + attr(n.ID) + `">`)
	g.data("n_labels", strings.Join(n.Labels, ";"))
	for _, k := range g.s.NodeKeys {
		if v, ok := n.Props[k.Name]; ok && v != nil {
			g.data("n_"+k.Name, v)
		}
	}
	g.w.WriteString("</node>\n")
	return nil
}

func (g *graphml) Edge(e Edge) error {
	if err := g.check.edge(e); err != nil {
		return err
	}
	g.w.WriteString(`    <edge id="` + attr(e.ID) + `" source="` + attr(e.From) + `" target="` + attr(e.To) + `">`)
	g.data("e_type", e.Type)
	for _, k := range g.s.EdgeKeys {
		if v, ok := e.Props[k.Name]; ok && v != nil {
			g.data("e_"+k.Name, v)
		}
	}
	g.w.WriteString("</edge>\n")
	return nil
}

func (g *graphml) Close() error {
	g.w.WriteString("  </graph>\n</graphml>\n")
	return g.w.Flush()
}

// attr escapes a value for an XML attribute.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}
