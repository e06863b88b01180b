// Package cypherc compiles GraphQL selections to Cypher: one root field of an operation
// (a kg.Field tree, fragments flattened and variables resolved) in, one Statement (Cypher
// text and parameters) out. It imports no driver and runs nothing; neo4jstore runs what it
// compiles, and cmd/bench and the golden-file tests call it directly.
//
// Values reach the text only as parameters; labels, relationship types, property names and
// enum values come from the model (kg/model.go) and the tables of types.go. The same
// request always compiles to the same text, so Neo4j's query cache keeps one plan for it.
//
// Files: compile.go (statements, limits, projections, lists and connections), types.go (the
// GraphQL object types and their Cypher projections), roots.go (the root fields), filter.go
// (filter and orderBy inputs), aggregate.go (dashboard counts and sums), relations.go (the
// relationship queries for researchers), mutate.go (mutations).
package cypherc
