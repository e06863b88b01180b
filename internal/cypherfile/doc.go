// Package cypherfile imports the data stewards' Cypher files into Neo4j.
//
// A Cypher file is a list of statements separated by semicolons, the format cypher-shell
// reads. [Split] cuts a file into [Statement]s without understanding Cypher beyond what
// is needed to find the separators: comments, quoted strings and backticked names. It also
// reads cypher-shell's parameter commands (`:param name => expression`, `:param {map}`,
// `:params clear`), whose expressions Neo4j evaluates when the file runs.
//
// [Import] runs files (or directories of *.cypher files, in lexical order) through the
// Neo4j driver. By default each file is one transaction: a failing statement rolls back the
// whole file. [Options.Batch] commits every N statements instead and
// [Options.ResumeFrom] restarts after the last committed one; [Options.DryRun] sends every
// statement as EXPLAIN and rolls back. Schema commands and `CALL { ... } IN TRANSACTIONS`
// cannot share a transaction with ordinary writes, so each file is classified first and a
// file that mixes the kinds is refused before anything runs; see [Mode].
//
// The statement text is sent as written: values only ever reach Neo4j as parameters.
// docs/importer.md documents the supported syntax, the transaction rules and
// measured throughput.
package cypherfile
