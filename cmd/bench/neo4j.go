package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/localneo4j"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/synth"
)

// neo4jFlags say where the benchmark's own Neo4j instances live and how they run.
type neo4jFlags struct {
	state, cache, password, heap, pageCache string
	port                                    int
	gen                                     genFlags
}

func (f *neo4jFlags) register(fs *flag.FlagSet) {
	cache := os.Getenv("BATTERYKG_NEO4J_CACHE")
	if cache == "" {
		cache = ".state/cache"
	}
	fs.StringVar(&f.state, "state", "/tmp/batterykg-bench", "folder of the benchmark's Neo4j instances (neo4j-N) and generated files (data-N)")
	fs.StringVar(&f.cache, "cache", cache, "Neo4j's jar cache (env BATTERYKG_NEO4J_CACHE)")
	fs.IntVar(&f.port, "port", 7711, "Bolt port of the benchmark's Neo4j")
	fs.StringVar(&f.password, "password", "batterykg-bench", "password of the benchmark's Neo4j")
	fs.StringVar(&f.heap, "heap", "2g", "Neo4j heap")
	fs.StringVar(&f.pageCache, "pagecache", "1g", "Neo4j page cache")
	f.gen.register(fs)
}

func (f *neo4jFlags) dataDir(size int) string {
	return filepath.Join(f.state, fmt.Sprintf("data-%d", size))
}

func (f *neo4jFlags) config(size int) localneo4j.Config {
	return localneo4j.Config{
		StateDir: filepath.Join(f.state, fmt.Sprintf("neo4j-%d", size)), CacheDir: f.cache, BoltPort: f.port,
		Password: f.password, Heap: f.heap, PageCache: f.pageCache, StartTimeout: 5 * time.Minute, Progress: os.Stderr,
	}
}

// instance is one running Neo4j of the benchmark, holding the graph of one size.
type instance struct {
	size  int
	cfg   localneo4j.Config
	uri   string
	store *neo4jstore.Store
	graph *synth.Graph
}

// startInstance generates the graph of size actors (in memory, and its files unless they are
// current), starts the instance for that size, applies the schema migrations and loads the
// files unless the database already holds this very graph. Stop it with stop.
func startInstance(ctx context.Context, f *neo4jFlags, size int) (*instance, error) {
	g, err := synth.Generate(synth.Config{Actors: size, Seed: f.gen.seed})
	if err != nil {
		return nil, err
	}
	dir := f.dataDir(size)
	if !filesCurrent(g, dir) {
		logf("writing the files of %d actors to %s", size, dir)
		if err := writeFiles(g, dir, f.gen); err != nil {
			return nil, err
		}
	}
	in := &instance{size: size, cfg: f.config(size), graph: g}
	logf("starting Neo4j for %d actors (%s, port %d)", size, in.cfg.StateDir, f.port)
	t0 := time.Now()
	st, err := localneo4j.Start(ctx, in.cfg)
	if err != nil {
		return nil, err
	}
	logf("Neo4j ready in %s (pid %d)", time.Since(t0).Round(100*time.Millisecond), st.PID)
	in.uri = st.BoltURI
	ok := false
	defer func() {
		if !ok {
			in.stop()
		}
	}()
	in.store, err = neo4jstore.Open(neo4jstore.Config{URI: in.uri, User: "neo4j", Password: f.password, QueryTimeout: 5 * time.Minute})
	if err != nil {
		return nil, err
	}
	if err := in.store.WaitReady(ctx); err != nil {
		return nil, err
	}
	if _, err := in.store.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		return nil, err
	}
	if err := in.load(ctx, dir); err != nil {
		return nil, err
	}
	ok = true
	return in, nil
}

// stop closes the driver and stops Neo4j.
func (in *instance) stop() {
	if in.store != nil {
		in.store.Close(context.Background())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := localneo4j.Stop(ctx, in.cfg); err != nil {
		logf("stopping Neo4j: %v", err)
	}
}

// single runs one auto-commit statement and returns the first column of its first record.
func (in *instance) single(ctx context.Context, cypher string, params map[string]any) (any, error) {
	res, err := neo4j.ExecuteQuery(ctx, in.store.Driver(), cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(in.store.Database()))
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 0 || len(res.Records[0].Values) == 0 {
		return nil, nil
	}
	return res.Records[0].Values[0], nil
}

// load imports the files of dir unless the database holds the graph already (its synthetic
// Source is named with the generator's fingerprint). Anything else in the database is
// deleted first: the instance belongs to the benchmark.
func (in *instance) load(ctx context.Context, dir string) error {
	want := in.graph.Config.Fingerprint()
	got, err := in.single(ctx, "OPTIONAL MATCH (s:Source {id: $id}) RETURN s.name", map[string]any{"id": synth.SourceID})
	if err != nil {
		return err
	}
	if got == want {
		logf("the database holds %q already", want)
		return in.check(ctx)
	}
	sess := in.store.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: in.store.Database()})
	defer sess.Close(ctx)
	logf("emptying the database")
	res, err := sess.Run(ctx, "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("emptying the database: %w", err)
	}
	logf("loading %s with the importer (cypherfile.Import, a commit per statement)", dir)
	t0 := time.Now()
	reports, err := in.store.Import(ctx, []string{dir}, cypherfile.Options{Batch: 1, Progress: os.Stderr}) // recounts stage coverage too
	for _, r := range reports {
		logf("%s", r)
	}
	if err != nil {
		return err
	}
	s := in.graph.Stats()
	took := time.Since(t0)
	logf("loaded %d nodes and %d relationships in %s (%.0f relationships/s)", s.Nodes(), s.TotalRelationships(),
		took.Round(time.Second), float64(s.TotalRelationships())/took.Seconds())
	return in.check(ctx)
}

// check compares the counts in the database with the generated graph's.
func (in *instance) check(ctx context.Context) error {
	s := in.graph.Stats()
	v, err := in.single(ctx, "MATCH (a:Actor) RETURN count(a)", nil)
	if err != nil {
		return err
	}
	if n, _ := v.(int64); n != int64(s.Actors) {
		return fmt.Errorf("the database holds %d actors, the generated graph %d", n, s.Actors)
	}
	v, err = in.single(ctx, "MATCH ()-[r]->() WHERE NOT type(r) = 'NEXT' RETURN count(r)", nil)
	if err != nil {
		return err
	}
	if n, _ := v.(int64); n != int64(s.TotalRelationships()) {
		return fmt.Errorf("the database holds %d relationships, the generated graph %d", n, s.TotalRelationships())
	}
	return nil
}

func runLoad(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	actors := fs.Int("actors", 10000, "number of actors")
	var nf neo4jFlags
	nf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	in, err := startInstance(ctx, &nf, *actors)
	if err != nil {
		return err
	}
	in.stop()
	return nil
}

// logf writes a progress line to stderr.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}
