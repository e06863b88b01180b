// Command gqlgen regenerates graph/generated.go and graph/model/models_gen.go from
// schema.graphqls and gqlgen.yml (run it from the repository root: `make generate`).
//
// It is gqlgen's own generator with one rule of this project added. gqlgen runs every resolver
// field and every element of a list in a goroutine of its own, so that resolvers which block
// (on a database, a data loader) overlap. Here only the fields of Query block: each answers its
// whole selection with one Cypher statement, and every field below it reads what that statement
// returned. The goroutines below Query only cost (their stacks grow and are copied as gqlgen's
// deep call chains run; 30% of the server's CPU on a three-level query), so the generator
//
//   - marks every object but Query as not concurrent (gqlgen's Object.DisableConcurrency, which it
//     sets itself for Mutation), so their fields resolve one after the other;
//   - has lists marshalled by graph.marshalSequentially, element after element, in place of
//     graphql.MarshalSliceConcurrently (gqlgen has no setting for it).
//
// Query's fields still run concurrently, so a request's root fields query Neo4j side by side.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// concurrentList and sequentialList are the call gqlgen generates for lists of objects and
// the one that replaces it (graph/slice.go, same signature).
const (
	concurrentList = "graphql.MarshalSliceConcurrently("
	sequentialList = "marshalSequentially("
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		return err
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		return err
	}
	return rewriteLists(cfg.Exec.Filename)
}

// sequential is the gqlgen plugin that turns concurrency off below Query.
type sequential struct{}

func (sequential) Name() string { return "sequential" }

// GenerateCode runs before gqlgen writes its code, on the data its templates read.
func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if o.Definition != data.Schema.Query {
			o.DisableConcurrency = true
		}
	}
	return nil
}

// rewriteLists replaces gqlgen's concurrent list marshalling in the generated file.
func rewriteLists(file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	n := bytes.Count(src, []byte(concurrentList))
	if n == 0 {
		return fmt.Errorf("%s: no %s call: this gqlgen version marshals lists differently; review cmd/gqlgen", file, concurrentList)
	}
	out, err := format.Source(bytes.ReplaceAll(src, []byte(concurrentList), []byte(sequentialList)))
	if err != nil {
		return fmt.Errorf("%s after the rewrite: %w", file, err)
	}
	fmt.Printf("gqlgen: %s: %d lists marshalled sequentially\n", file, n)
	return os.WriteFile(file, out, 0o644)
}
