package main

import (
	"flag"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// connFlags are the Neo4j connection flags every command that talks to Neo4j shares; each
// defaults to its environment variable.
type connFlags struct {
	uri, user, password, database string
	timeout                       time.Duration
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.uri, "uri", envOr("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI: bolt:// for one server, neo4j:// for a cluster (env NEO4J_URI)")
	fs.StringVar(&c.user, "user", envOr("NEO4J_USER", "neo4j"), "Neo4j user (env NEO4J_USER)")
	fs.StringVar(&c.password, "password", envOr("NEO4J_PASSWORD", ""), "Neo4j password; empty for no auth (env NEO4J_PASSWORD)")
	fs.StringVar(&c.database, "database", envOr("NEO4J_DATABASE", "neo4j"), "Neo4j database (env NEO4J_DATABASE)")
	fs.DurationVar(&c.timeout, "query-timeout", 10*time.Second, "time limit of one Neo4j statement")
}

// config returns the store configuration the flags describe.
func (c *connFlags) config() neo4jstore.Config {
	return neo4jstore.Config{URI: c.uri, User: c.user, Password: c.password, Database: c.database, QueryTimeout: c.timeout}
}

// store opens a store with the flags' connection.
func (c *connFlags) store() (*neo4jstore.Store, error) { return neo4jstore.Open(c.config()) }
