package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// devPassword is the password `make run` (and `make neo4j-start`) give the local Neo4j
// unless NEO4J_PASSWORD is set: the steward's tools default to it, so that they work
// right after `make run` with nothing more.
const devPassword = "batterykg-dev"

// registerTool registers the connection flags of the stewards' tools (import, validate,
// export): like register, but the password defaults to the one `make run` sets.
func (c *connFlags) registerTool(fs *flag.FlagSet) {
	c.register(fs)
	f := fs.Lookup("password")
	f.Usage = "Neo4j password (env NEO4J_PASSWORD; default: " + devPassword + ", the one `make run` sets)"
	// Empty counts as unset, as in the Makefile's ${NEO4J_PASSWORD:-batterykg-dev}.
	if c.password == "" {
		c.password = devPassword
	}
	f.DefValue = c.password
	// The tools' statements read the whole graph (validate, export, the import's model check
	// and stage coverage recount): tens of seconds at 100,000 actors, not a request's 10 s.
	t := fs.Lookup("query-timeout")
	c.timeout = toolQueryTimeout
	t.DefValue = toolQueryTimeout.String()
}

// toolQueryTimeout is the time limit of one statement of the stewards' tools.
const toolQueryTimeout = 10 * time.Minute

// open opens a store with the flags' connection and checks that Neo4j answers and takes
// the credentials, explaining what to set when it does not.
func (c *connFlags) open(ctx context.Context, cmd string) (*neo4jstore.Store, error) {
	store, err := c.store()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := store.Driver().VerifyConnectivity(pctx); err != nil {
		store.Close(context.WithoutCancel(ctx))
		return nil, c.explain(cmd, err)
	}
	return store, nil
}

// explain turns a failure to connect into what the steward should do.
func (c *connFlags) explain(cmd string, err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && (ne.Code == "Neo.ClientError.Security.Unauthorized" || ne.Code == "Neo.ClientError.Security.AuthenticationRateLimit") {
		how := "the password was refused"
		if c.password == "" {
			how = "no password was given"
		}
		return fmt.Errorf("%s: Neo4j at %s refused user %q: %s. Set NEO4J_PASSWORD (or --password) to the password the server was started with: `make run` uses %s unless NEO4J_PASSWORD was set when it ran (%s)",
			cmd, c.uri, c.user, how, devPassword, ne.Code)
	}
	return fmt.Errorf("%s: cannot reach Neo4j at %s: %v. Start the local one with `make run` (or `make neo4j-start`), or point NEO4J_URI (or --uri) at yours", cmd, c.uri, err)
}
