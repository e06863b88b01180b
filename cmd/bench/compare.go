package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/loadgen"
)

// compareFlags are compare's settings.
type compareFlags struct {
	actors        int
	sizes         []int
	clients       int
	duration      time.Duration
	latency       time.Duration
	warmup        time.Duration
	rounds        int
	countRequests int
	scaleRequests int
	scaleDuration time.Duration
	scaleWarmup   time.Duration
	libraryDir    string
	noLibrary     bool
	sideBySide    bool
	cpuprofile    string
	jsonOut       string
	baseline      string
	httpFloor     bool
	ops           map[string]bool // nil: every operation
	neo4j         neo4jFlags
}

func runCompare(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	var f compareFlags
	fs.IntVar(&f.actors, "actors", 10000, "size of the graph of the side-by-side comparison")
	sizes := fs.String("sizes", "1000,10000", "graph sizes of the scale measurements, comma-separated (empty: none)")
	fs.IntVar(&f.clients, "clients", 8, "concurrent clients of the side-by-side comparison")
	fs.DurationVar(&f.duration, "duration", 8*time.Second, "length of one side-by-side measurement")
	fs.DurationVar(&f.latency, "latency-duration", 4*time.Second, "length of one single-client measurement of batterykg against its Cypher")
	fs.DurationVar(&f.warmup, "warmup", 3*time.Second, "warm-up of each operation and target before measuring")
	fs.IntVar(&f.rounds, "rounds", 3, "side-by-side rounds; the tables give the median")
	fs.IntVar(&f.countRequests, "count-requests", 10, "requests per operation whose Neo4j statements are counted")
	fs.IntVar(&f.scaleRequests, "scale-requests", 100, "requests per scale measurement, each way (the API and its Cypher in turn)")
	fs.DurationVar(&f.scaleDuration, "scale-duration", 30*time.Second, "time limit of one scale measurement, each way")
	fs.DurationVar(&f.scaleWarmup, "scale-warmup", 10*time.Second, "warm-up of each scale measurement (both ways, the pool's requests round after round; at least one request)")
	fs.StringVar(&f.libraryDir, "library", "bench/neo4j-graphql", "the Neo4j GraphQL Library server (Node)")
	fs.BoolVar(&f.noLibrary, "no-library", false, "leave the Neo4j GraphQL Library out")
	fs.BoolVar(&f.sideBySide, "side-by-side", true, "run the side-by-side comparison (false: only the scale measurements)")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "CPU profile of batterykg's server during the side-by-side measurements (and FILE.scale-N during those at N actors)")
	fs.StringVar(&f.jsonOut, "json", "", "also write the results as JSON to this file")
	fs.StringVar(&f.baseline, "baseline", "", "a bench binary of another build (an earlier commit): its batterykg server is measured too, one client, interleaved request by request with this build's and the Cypher (--latency-duration × 3 per operation and round)")
	fs.BoolVar(&f.httpFloor, "http-floor", false, "also measure a server that only answers with as many bytes as batterykg (the HTTP hop between two processes), one client, interleaved request by request with batterykg and the Cypher (--latency-duration × 3 per operation and round)")
	ops := fs.String("ops", "", "only these operations, comma-separated names (side by side and scale; empty: all)")
	f.neo4j.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, s := range strings.Split(*sizes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 10 {
			return fmt.Errorf("--sizes: %q is not a number of actors", s)
		}
		f.sizes = append(f.sizes, n)
	}
	slices.Sort(f.sizes)
	if *ops != "" {
		f.ops = map[string]bool{}
		for _, o := range strings.Split(*ops, ",") {
			o = strings.TrimSpace(o)
			if !slices.Contains(opNames, o) {
				return fmt.Errorf("--ops: no operation %q (there are: %s)", o, strings.Join(opNames, ", "))
			}
			f.ops[o] = true
		}
	}
	rep := newReport(f)
	err := compare(ctx, f, rep)
	rep.Finished = time.Now()
	rep.sample("end")
	rep.print(os.Stdout)
	if f.jsonOut != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if werr := os.WriteFile(f.jsonOut, b, 0o644); werr != nil && err == nil {
			err = werr
		}
	}
	return err
}

func compare(ctx context.Context, f compareFlags, rep *report) error {
	var in *instance
	defer func() {
		if in != nil {
			in.stop()
		}
	}()
	var err error
	if f.sideBySide {
		if in, err = startInstance(ctx, &f.neo4j, f.actors); err != nil {
			return err
		}
		rep.sample(fmt.Sprintf("%d actors loaded", f.actors))
		if err := sideBySideRun(ctx, f, in, rep); err != nil {
			return err
		}
	}
	sizes := f.sizes
	if i := slices.Index(sizes, f.actors); i >= 0 { // measure the running size first
		sizes = append([]int{f.actors}, slices.Delete(slices.Clone(sizes), i, i+1)...)
	}
	for _, size := range sizes {
		if in == nil || in.size != size {
			if in != nil {
				in.stop()
				in = nil
			}
			t0 := time.Now()
			if in, err = startInstance(ctx, &f.neo4j, size); err != nil {
				return err
			}
			rep.sample(fmt.Sprintf("%d actors ready (%s)", size, time.Since(t0).Round(time.Second)))
		}
		if err := scaleRun(ctx, f, in, rep); err != nil {
			return err
		}
	}
	return nil
}

// sideBySideRun compares batterykg with its own Cypher and with the Neo4j GraphQL Library.
func sideBySideRun(ctx context.Context, f compareFlags, in *instance, rep *report) error {
	ops := f.selected(sideBySide(in.graph))
	statements := map[string]*cypherTarget{}
	for _, op := range ops {
		sts, err := compile(op.Ours)
		if err != nil {
			return fmt.Errorf("%s: %w", op.Name, err)
		}
		statements[op.Name] = &cypherTarget{driver: in.store.Driver(), db: in.store.Database(), statements: sts}
	}
	client := loadgen.Client(f.clients)
	password := f.neo4j.password

	// Pass 1: both servers behind the counting proxy; statements per request, and whether
	// both answer the same.
	logf("counting statements per request through a Bolt proxy")
	proxy, err := startBoltCounter(strings.TrimPrefix(in.uri, "bolt://"))
	if err != nil {
		return err
	}
	api, err := startAPI(ctx, proxy.URI(), password, "")
	if err != nil {
		proxy.Close()
		return err
	}
	var lib *child
	if !f.noLibrary {
		if lib, err = startLibrary(ctx, f.libraryDir, proxy.URI(), password); err != nil {
			api.stop()
			proxy.Close()
			return err
		}
	}
	count := func(t *loadgen.HTTPTarget) (float64, []byte, error) {
		var body []byte
		for i := range 3 { // warm: plans, connections, the library's first-request checks
			if body, err = t.Fetch(ctx, i); err != nil {
				return 0, nil, err
			}
		}
		before := proxy.Runs()
		for i := range f.countRequests {
			if _, err := t.Fetch(ctx, i); err != nil {
				return 0, nil, err
			}
		}
		return float64(proxy.Runs()-before) / float64(f.countRequests), body, nil
	}
	for _, op := range ops {
		row := rep.row(op)
		n, ours, err := count(loadgen.NewHTTPTarget(client, api.url, op.Ours))
		if err != nil {
			api.stop()
			lib.stop()
			proxy.Close()
			return fmt.Errorf("%s via batterykg: %w", op.Name, err)
		}
		row.OursStatements = n
		row.CypherStatements = float64(len(statements[op.Name].statements[0]))
		if lib != nil && op.Library != nil {
			m, theirs, err := count(loadgen.NewHTTPTarget(client, lib.url, op.Library))
			if err != nil {
				row.LibraryError = err.Error()
				logf("%s via @neo4j/graphql: %v", op.Name, err)
				continue
			}
			row.LibraryStatements = m
			a, b := canonical(ours, op.canonOurs), canonical(theirs, op.canonLibrary)
			row.SameAnswer = a == b
			if !row.SameAnswer {
				row.AnswerDiff = fmt.Sprintf("batterykg %.300s; library %.300s", a, b)
			}
		}
	}
	api.stop()
	lib.stop()
	proxy.Close()

	// Pass 2: throughput and latency, both servers straight on Neo4j.
	logf("side by side: %d clients, %s per run, %d rounds", f.clients, f.duration, f.rounds)
	if api, err = startAPI(ctx, in.uri, password, f.cpuprofile); err != nil {
		return err
	}
	defer api.stop()
	var baseline *child
	if f.baseline != "" {
		if baseline, err = startBaseline(ctx, f.baseline, in.uri, password); err != nil {
			return err
		}
		defer baseline.stop()
	}
	var floor *child
	if f.httpFloor {
		if floor, err = startFloor(ctx); err != nil {
			return err
		}
		defer floor.stop()
	}
	lib = nil
	if !f.noLibrary {
		if lib, err = startLibrary(ctx, f.libraryDir, in.uri, password); err != nil {
			return err
		}
		defer lib.stop()
	}
	type contender struct {
		kind string
		t    loadgen.Target
	}
	contenders := map[string][]contender{}
	baselines, floors := map[string]loadgen.Target{}, map[string]loadgen.Target{}
	for _, op := range ops {
		cs := []contender{{"batterykg", loadgen.NewHTTPTarget(client, api.url, op.Ours)}, {"cypher", statements[op.Name]}}
		if lib != nil && op.Library != nil && rep.row(op).LibraryError == "" {
			cs = append(cs, contender{"library", loadgen.NewHTTPTarget(client, lib.url, op.Library)})
		}
		contenders[op.Name] = cs
		if baseline != nil {
			bt := loadgen.NewHTTPTarget(client, baseline.url, op.Ours)
			if m := loadgen.Drive(ctx, bt, f.clients, f.warmup, 0); m.Errors > 0 {
				return fmt.Errorf("%s via the baseline: %s", op.Name, m.FirstErr)
			}
			baselines[op.Name] = bt
		}
		if floor != nil {
			ft, err := newFloorTarget(ctx, client, floor.url, loadgen.NewHTTPTarget(client, api.url, op.Ours), op.Ours)
			if err != nil {
				return fmt.Errorf("%s via batterykg: %w", op.Name, err)
			}
			floors[op.Name] = ft
		}
		for _, c := range cs {
			if m := loadgen.Drive(ctx, c.t, f.clients, f.warmup, 0); m.Errors > 0 {
				return fmt.Errorf("%s via %s: %s", op.Name, c.kind, m.FirstErr)
			}
		}
	}
	rep.sample("side-by-side start")
	for round := range f.rounds {
		for _, op := range ops {
			cs := contenders[op.Name]
			for k := range cs {
				c := cs[(k+round)%len(cs)] // rotate who goes first
				m := loadgen.Drive(ctx, c.t, f.clients, f.duration, 0)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				rep.row(op).add(c.kind, m)
				logf("round %d %-9s %-9s %7.1f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d", round+1, op.Name, c.kind,
					m.RPS, ms(m.P50), ms(m.P99), m.Errors)
			}
		}
		// One client: latency without queueing, batterykg against its own Cypher.
		for _, op := range ops {
			for k := range 2 {
				c := contenders[op.Name][(k+round)%2]
				m := loadgen.Drive(ctx, c.t, 1, f.latency, 0)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				rep.row(op).add(c.kind+"-1", m)
				logf("round %d %-9s %-9s 1 client  p50 %6.1f ms  p99 %6.1f ms  errors %d", round+1, op.Name, c.kind, ms(m.P50), ms(m.P99), m.Errors)
			}
		}
		// With a baseline or the HTTP floor: batterykg, the Cypher and those, one client,
		// interleaved.
		for _, op := range ops {
			if baseline == nil && floor == nil {
				break
			}
			cs := contenders[op.Name]
			kinds, targets := []string{"batterykg-i", "cypher-i"}, []loadgen.Target{cs[0].t, cs[1].t}
			if baseline != nil {
				kinds, targets = append(kinds, "baseline-i"), append(targets, baselines[op.Name])
			}
			if floor != nil {
				kinds, targets = append(kinds, "floor-i"), append(targets, floors[op.Name])
			}
			got := interleaved(ctx, targets, 3*f.latency, 0)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			line := fmt.Sprintf("round %d %-9s interleaved", round+1, op.Name)
			for k, kind := range kinds {
				rep.row(op).add(kind, got[k])
				line += fmt.Sprintf("  %s p50 %6.3f ms (errors %d)", strings.TrimSuffix(kind, "-i"), ms(got[k].P50), got[k].Errors)
			}
			logf("%s", line)
		}
		rep.sample(fmt.Sprintf("side-by-side round %d", round+1))
	}
	return nil
}

// scaleRun measures the relationship queries on the graph of one size, one request at a time.
func scaleRun(ctx context.Context, f compareFlags, in *instance, rep *report) error {
	profile := ""
	if f.cpuprofile != "" {
		profile = fmt.Sprintf("%s.scale-%d", f.cpuprofile, in.size)
	}
	api, err := startAPI(ctx, in.uri, f.neo4j.password, profile)
	if err != nil {
		return err
	}
	defer api.stop()
	client := loadgen.Client(1)
	rep.sample(fmt.Sprintf("scale %d start", in.size))
	for _, op := range f.selected(scaleOps(in.graph)) {
		sts, err := compile(op.Ours)
		if err != nil {
			return fmt.Errorf("%s: %w", op.Name, err)
		}
		viaAPI := loadgen.NewHTTPTarget(client, api.url, op.Ours)
		direct := &cypherTarget{driver: in.store.Driver(), db: in.store.Database(), statements: sts}
		// Warm up both ways (plans, page cache, the JVM's compiled code) with the pool's
		// requests in turn, round after round, for --scale-warmup (at least one request), so
		// that the figures are of a server that has been running, not of a JVM that has
		// just started; a failure here (a query that times out at this size) is reported,
		// not fatal.
		var apiErr, cypherErr string
		warmUntil := time.Now().Add(f.scaleWarmup)
		for i := 0; ; i++ {
			if i > 0 && time.Now().After(warmUntil) {
				break
			}
			wctx, cancel := context.WithTimeout(ctx, f.scaleDuration)
			if err := viaAPI.Do(wctx, i); err != nil && apiErr == "" {
				apiErr = err.Error()
			}
			if err := direct.Do(wctx, i); err != nil && cypherErr == "" {
				cypherErr = err.Error()
			}
			cancel()
		}
		// The API and its Cypher in turn, request by request: each gets the same JVM and load.
		ac := interleaved(ctx, []loadgen.Target{viaAPI, direct}, 2*f.scaleDuration, f.scaleRequests)
		a, c := ac[0], ac[1]
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if a.FirstErr == "" {
			a.FirstErr = apiErr
		}
		if c.FirstErr == "" {
			c.FirstErr = cypherErr
		}
		rep.Scale = append(rep.Scale, scaleRow{Size: in.size, Op: op.Name, About: op.About, API: a, Cypher: c})
		logf("%d actors %-23s API p50 %7.1f ms p95 %7.1f ms (%d requests, %d errors) | Cypher p50 %7.1f ms p95 %7.1f ms (%d requests, %d errors)",
			in.size, op.Name, ms(a.P50), ms(a.P95), a.Requests, a.Errors, ms(c.P50), ms(c.P95), c.Requests, c.Errors)
	}
	return nil
}

// selected keeps the operations --ops names (all without --ops).
func (f compareFlags) selected(ops []operation) []operation {
	if f.ops == nil {
		return ops
	}
	return slices.DeleteFunc(ops, func(o operation) bool { return !f.ops[o.Name] })
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
