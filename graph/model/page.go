package model

import (
	"fmt"

	"github.com/batterykg/batterykg/internal/kg"
)

// Page is a Relay connection as the store returns it: the items from Offset on, one more
// than First so that hasNextPage needs no second query. Its methods are the connection's
// GraphQL fields.
type Page[E cursored] struct {
	Total  int `json:"totalCount"`
	Offset int `json:"offset"`
	First  int `json:"first"`
	Items  []E `json:"edges"`
}

type cursored interface{ setCursor(string) }

func (e *ActorEdge) setCursor(c string)     { e.Cursor = c }
func (e *ProjectEdge) setCursor(c string)   { e.Cursor = c }
func (e *Participation) setCursor(c string) { e.Cursor = c }
func (e *Funding) setCursor(c string)       { e.Cursor = c }

// TotalCount is how many items match over all pages.
func (p Page[E]) TotalCount() int { return p.Total }

// Edges are the items of this page, each with its cursor.
func (p Page[E]) Edges() []E {
	items := p.Items
	if len(items) > p.First {
		items = items[:p.First]
	}
	for i, e := range items {
		e.setCursor(kg.EncodeCursor(p.Offset + i))
	}
	return items
}

// PageInfo tells whether pages precede or follow this one.
func (p Page[E]) PageInfo() *PageInfo {
	pi := &PageInfo{HasNextPage: len(p.Items) > p.First, HasPreviousPage: p.Offset > 0}
	if n := min(len(p.Items), p.First); n > 0 {
		s, e := kg.EncodeCursor(p.Offset), kg.EncodeCursor(p.Offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// DecodeNode decodes an object that carries its __typename into the matching model.
func DecodeNode(src any) (Node, error) {
	if src == nil {
		return nil, nil
	}
	m, ok := src.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want a map for a node, got %T", src)
	}
	typename, _ := m["__typename"].(string)
	var n Node
	switch typename {
	case "Actor":
		n = &Actor{}
	case "Project":
		n = &Project{}
	case "FundingProgramme":
		n = &FundingProgramme{}
	case "ValueChainStage":
		n = &ValueChainStage{}
	case "Topic":
		n = &Topic{}
	case "Factor":
		n = &Factor{}
	case "Event":
		n = &Event{}
	case "Person":
		n = &Person{}
	case "Source":
		n = &Source{}
	default:
		return nil, fmt.Errorf("unknown __typename %q", typename)
	}
	return n, Decode(m, n)
}
