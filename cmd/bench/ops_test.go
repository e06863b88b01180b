package main

import (
	"slices"
	"testing"

	"github.com/batterykg/batterykg/internal/synth"
)

// TestOpNames keeps the --ops list in step with the operations the benchmark runs.
func TestOpNames(t *testing.T) {
	g, err := synth.Generate(synth.Config{Actors: 200})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, op := range append(sideBySide(g), scaleOps(g)...) {
		names = append(names, op.Name)
	}
	if !slices.Equal(names, opNames) {
		t.Fatalf("operations %v, opNames %v", names, opNames)
	}
	f := compareFlags{ops: map[string]bool{"nested": true, "search": true}}
	if got := f.selected(sideBySide(g)); len(got) != 1 || got[0].Name != "nested" {
		t.Fatalf("selected: %v", got)
	}
}
