package main

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/loadgen"
)

// request and measurement are the load generator's.
type (
	request     = loadgen.Request
	measurement = loadgen.Measurement
)

// cypherTarget runs the statements batterykg compiles for each request of the pool straight
// through the Go driver, the way the store runs them (a session and an auto-commit read
// transaction per statement, with the store's default 10 s timeout; all records collected),
// without GraphQL, HTTP or decoding.
type cypherTarget struct {
	driver     neo4j.DriverWithContext
	db         string
	statements [][]cypherc.Statement
}

// queryTimeout is the transaction timeout of cypherTarget: the store's default (a query cut
// off by the client must not go on running in Neo4j and slow down the next measurement).
const queryTimeout = 10 * time.Second

func (t *cypherTarget) Do(ctx context.Context, i int) error {
	for _, st := range t.statements[i%len(t.statements)] {
		sess := t.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: t.db, AccessMode: neo4j.AccessModeRead})
		res, err := sess.Run(ctx, st.Cypher, st.Params, neo4j.WithTxTimeout(queryTimeout))
		if err == nil {
			_, err = res.Collect(ctx)
		}
		sess.Close(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}
