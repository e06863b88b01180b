// Package cypherfile imports the data stewards' Cypher files into Neo4j.
//
// A Cypher file is a list of statements separated by semicolons, the format cypher-shell
// reads. [Split] cuts a file into [Statement]s without understanding Cypher beyond what
// is needed to find the separators: comments, quoted strings and backticked names. It also
// reads cypher-shell's parameter commands (`:param name => expression`, `:param {map}`,
// `:params clear`); [SplitScript] also returns its transaction and `:use` commands.
//
// [Import] runs files (or directories of *.cypher files, in lexical order) through the
// Neo4j driver. Each file is planned into transactions first ([Unit]): a file of data
// statements is one transaction; `:begin ... :commit` blocks, runs of schema commands
// (indexes awaited after them) and `CALL { ... } IN TRANSACTIONS` statements are
// transactions of their own; the plan is printed and a failure reports what committed.
// [Options.Batch] commits every N statements, [Options.ResumeFrom] restarts after the last
// committed one, [Options.DryRun] sends every statement as EXPLAIN and rolls back, and
// [Options.Atomic] refuses a file that cannot run as one transaction.
//
// Values reach Neo4j only as parameters: the literal values of data statements are read
// by the importer ([ParseLiteral]) and sent as parameters, and consecutive statements of
// one shape run as one batched `UNWIND ... CALL (row) { ... }` statement, which Neo4j
// parses once. docs/importer.md documents the syntax, the transaction rules, lifting and
// measured throughput.
package cypherfile
