package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/faultproxy"
	"github.com/batterykg/batterykg/internal/loadgen"
	"github.com/batterykg/batterykg/internal/localneo4j"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/server"
)

// runFault is the fault benchmark: batterykg's server (as `batterykg serve` builds it, in
// this process, over the seed graph) under load from concurrent clients while its Neo4j is
// first stopped and started again, then made slow by a delaying proxy between the two. It
// reports the latency of the requests sent meanwhile, how soon the server serves again,
// and the errors outside the fault windows.
func runFault(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("fault", flag.ContinueOnError)
	var nf neo4jFlags
	nf.register(fs)
	clients := fs.Int("clients", 20, "concurrent clients")
	outage := fs.Duration("outage", 10*time.Second, "how long Neo4j stays stopped")
	slow := fs.Duration("slow", 10*time.Second, "how long Neo4j stays slow")
	delay := fs.Duration("delay", 12*time.Second, "what the proxy adds to every answer of the slow Neo4j")
	queryTimeout := fs.Duration("query-timeout", 10*time.Second, "the server's --query-timeout (a slow Neo4j's requests end there)")
	warmup := fs.Duration("warmup", 20*time.Second, "load before the measurement (a cold Neo4j plans slowly)")
	calm := fs.Duration("calm", 5*time.Second, "load before and after each fault")
	seed := fs.String("graph", "data/seed", "the Cypher files of the graph the clients query (loaded when the database is empty)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := nf.config(0)
	cfg.StateDir = filepath.Join(nf.state, "neo4j-fault")
	cfg.Heap, cfg.PageCache = "512m", "128m"
	logf("starting Neo4j (%s, port %d)", cfg.StateDir, cfg.BoltPort)
	if _, err := localneo4j.Start(ctx, cfg); err != nil {
		return err
	}
	defer localneo4j.Stop(context.Background(), cfg)
	target := fmt.Sprintf("127.0.0.1:%d", cfg.BoltPort)
	proxy, err := faultproxy.New(target)
	if err != nil {
		return err
	}
	defer proxy.Close()

	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError + 4}))
	if err := prepareFaultGraph(ctx, "bolt://"+target, nf.password, *seed, log); err != nil {
		return err
	}
	store, err := neo4jstore.Open(neo4jstore.Config{URI: "bolt://" + proxy.Addr(), User: "neo4j", Password: nf.password,
		QueryTimeout: *queryTimeout, OnAvailability: func(up bool, cause error) { logf("server: Neo4j available %v (%v)", up, cause) }})
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: server.New(server.Config{NoCallerLimits: true}, graph.NewSchema(store), store, log)} // 20 clients, one address
	go srv.Serve(ln)
	defer srv.Close()

	// Neo4j's own view, through a driver of the benchmark's: when it answers again.
	direct, err := neo4j.NewDriverWithContext("bolt://"+target, neo4j.BasicAuth("neo4j", nf.password, ""))
	if err != nil {
		return err
	}
	defer direct.Close(context.Background())
	answers := func() bool {
		c, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_, err := neo4j.ExecuteQuery(c, direct, "RETURN 1", nil, neo4j.EagerResultTransformer)
		return err == nil
	}

	rec := startFaultLoad(ctx, "http://"+ln.Addr().String()+"/graphql", *clients)
	sleep(ctx, *warmup)
	measured := time.Now()
	sleep(ctx, *calm)

	// Gone: stopped, then started again.
	stopAt := time.Now()
	logf("stopping Neo4j")
	if err := localneo4j.Stop(ctx, cfg); err != nil {
		return err
	}
	stopped := time.Now()
	sleep(ctx, *outage)
	logf("starting Neo4j again (stopped for %s)", time.Since(stopped).Round(100*time.Millisecond))
	if _, err := localneo4j.Start(ctx, cfg); err != nil {
		return err
	}
	for !answers() && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
	back := time.Now()
	sleep(ctx, *calm)

	// Slow: every answer delayed.
	slowAt := time.Now()
	logf("making Neo4j slow (%s per answer)", *delay)
	proxy.SetDelay(*delay)
	sleep(ctx, *slow)
	proxy.SetDelay(0)
	fast := time.Now()
	sleep(ctx, *calm+*delay)
	if err := ctx.Err(); err != nil {
		return err
	}
	reqs := slices.DeleteFunc(rec.stop(), func(r faultRequest) bool { return r.start.Before(measured) })

	fmt.Printf("\n%d clients, the load test's five seed operations, after %s of warm-up; server --query-timeout %s, request timeout 15 s\n\n",
		*clients, *warmup, *queryTimeout)
	fmt.Println("| fault | requests sent during it | answered UNAVAILABLE (with Retry-After) | p50 | p99 | max | served again (last failed request sent after the fault) |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	g := summarize(reqs, stopAt, back)
	fmt.Printf("| Neo4j stopped (stop took %s), %s later started (answered again %s after) | %d | %d (%d) | %s | %s | %s | %s |\n",
		stopped.Sub(stopAt).Round(100*time.Millisecond), outage.Round(time.Second), back.Sub(stopped.Add(*outage)).Round(100*time.Millisecond),
		g.n, g.unavailable, g.retryAfter, msText(g.p50), msText(g.p99), msText(g.max), msText(g.recovery))
	sl := summarize(reqs, slowAt, fast)
	fmt.Printf("| Neo4j slow for %s (+%s per answer) | %d | %d (%d) | %s | %s | %s | %s |\n",
		slow.Round(time.Second), *delay, sl.n, sl.unavailable, sl.retryAfter, msText(sl.p50), msText(sl.p99), msText(sl.max), msText(sl.recovery))
	n, first := outside(reqs, [2]time.Time{stopAt, back}, [2]time.Time{slowAt, fast})
	fmt.Printf("\n%d requests in all; errors outside the faults (before, between and after them, %s of recovery excepted): %d\n", len(reqs), recoveryTarget, n)
	if first != "" {
		fmt.Println("the first:", first)
	}
	slowest := slices.MaxFunc(reqs, func(a, b faultRequest) int { return int(a.end.Sub(a.start) - b.end.Sub(b.start)) })
	fmt.Printf("the slowest request: sent %s, %s, %s %.200s\n", slowest.start.Format("15:04:05.000"), slowest.end.Sub(slowest.start).Round(time.Millisecond), slowest.code, slowest.detail)
	fmt.Printf("times: stop %s, stopped %s, back %s, slow %s, fast %s\n", stopAt.Format("15:04:05.000"), stopped.Format("15:04:05.000"),
		back.Format("15:04:05.000"), slowAt.Format("15:04:05.000"), fast.Format("15:04:05.000"))
	return nil
}

// prepareFaultGraph applies the schema migrations and loads the graph when the database is
// empty, with a generous time limit (a cold Neo4j plans slowly).
func prepareFaultGraph(ctx context.Context, uri, password, dir string, log *slog.Logger) error {
	store, err := neo4jstore.Open(neo4jstore.Config{URI: uri, User: "neo4j", Password: password, QueryTimeout: 2 * time.Minute})
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := store.WaitReady(wctx); err != nil {
		return err
	}
	if _, err := store.Migrate(ctx, log); err != nil {
		return err
	}
	empty, err := store.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	logf("loading %s", dir)
	_, err = cypherfile.Import(ctx, store.Driver(), []string{dir}, cypherfile.Options{Database: store.Database()})
	return err
}

func msText(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// faultRequest is one request of the fault benchmark's load.
type faultRequest struct {
	start, end time.Time
	code       string // "" for data, UNAVAILABLE, or what else went wrong
	retryAfter bool
	detail     string
}

type faultLoad struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	reqs   []faultRequest
}

// startFaultLoad sends the seed operations from clients goroutines until stop.
func startFaultLoad(ctx context.Context, url string, clients int) *faultLoad {
	ctx, cancel := context.WithCancel(ctx)
	l := &faultLoad{cancel: cancel}
	t := loadgen.NewHTTPTarget(loadgen.Client(clients), url, loadgen.SeedOperations())
	for c := range clients {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				r := faultRequest{start: time.Now()}
				status, header, body, err := t.Post(ctx, i)
				r.end = time.Now()
				switch {
				case ctx.Err() != nil:
					return
				case err != nil:
					r.code, r.detail = "TRANSPORT", err.Error()
				case strings.Contains(string(body), `"errors"`):
					r.code, r.detail = "OTHER", string(body)
					if strings.Contains(string(body), `"code":"UNAVAILABLE"`) {
						r.code = "UNAVAILABLE"
					}
					r.retryAfter = header.Get("Retry-After") != ""
				case status != http.StatusOK:
					r.code, r.detail = fmt.Sprintf("HTTP %d", status), string(body)
				}
				l.mu.Lock()
				l.reqs = append(l.reqs, r)
				l.mu.Unlock()
			}
		}()
	}
	return l
}

func (l *faultLoad) stop() []faultRequest {
	l.cancel()
	l.wg.Wait()
	return l.reqs
}

// faultSummary sums up the requests sent during one fault.
type faultSummary struct {
	n, unavailable, retryAfter int
	p50, p99, max, recovery    time.Duration
}

// summarize: the requests sent in [from, to) give the latency; recovery is how long after
// `to` the last failed request was sent (0: none failed once the fault had ended), among
// those sent before to+2 s (2 s: the recovery target).
func summarize(reqs []faultRequest, from, to time.Time) faultSummary {
	var s faultSummary
	var lat []time.Duration
	for _, r := range reqs {
		if r.start.Before(from) || !r.start.Before(to.Add(recoveryTarget)) {
			continue
		}
		if r.start.Before(to) {
			s.n++
			lat = append(lat, r.end.Sub(r.start))
			if r.code == "UNAVAILABLE" {
				s.unavailable++
				if r.retryAfter {
					s.retryAfter++
				}
			}
		}
		if r.code != "" && r.start.Sub(to) > s.recovery {
			s.recovery = r.start.Sub(to)
		}
	}
	if len(lat) > 0 {
		slices.Sort(lat)
		pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
		s.p50, s.p99, s.max = pct(0.5), pct(0.99), lat[len(lat)-1]
	}
	return s
}

// recoveryTarget is how soon after a fault ends the server should serve again.
const recoveryTarget = 2 * time.Second

// outside returns the failed requests outside every window: neither in flight at its start
// `from` nor sent before to+recoveryTarget; and the first of them.
func outside(reqs []faultRequest, windows ...[2]time.Time) (n int, first string) {
next:
	for _, r := range reqs {
		if r.code == "" {
			continue
		}
		for _, w := range windows {
			if r.end.After(w[0]) && r.start.Before(w[1].Add(recoveryTarget)) {
				continue next
			}
		}
		if n++; first == "" {
			first = fmt.Sprintf("%s at %s: %.300s", r.code, r.start.Format("15:04:05.000"), r.detail)
		}
	}
	return n, first
}
