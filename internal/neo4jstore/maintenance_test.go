package neo4jstore_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// The store's upkeep (migrations, the stage coverage recount) is not held to the request
// time limit: at a million actors the recount alone takes about that long, and a server
// whose start-up migration times out never becomes ready.
func TestUpkeepOutlivesTheRequestTimeout(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)
	_, cfg := neo4jtest.Driver(t)
	short, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password,
		Database: cfg.Database, QueryTimeout: time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close(context.Background())
	ctx := context.Background()
	if _, err := short.Validate(ctx, neo4jstore.ValidateOptions{Checks: []string{"node-without-name"}}); err == nil {
		t.Fatal("a statement outlived a 1 µs query timeout: the test proves nothing")
	}
	if err := short.RecountCoverage(ctx); err != nil {
		t.Errorf("the recount is held to the request timeout: %v", err)
	}
	if _, err := short.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Errorf("the migrations are held to the request timeout: %v", err)
	}
	if _, err := short.RepairDerived(ctx); err != nil {
		t.Errorf("the repair of derived data is held to the request timeout: %v", err)
	}
}
