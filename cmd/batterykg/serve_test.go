package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/localneo4j"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// ownNeo4j starts a Neo4j of the test's own (it is stopped and started again by the test),
// from the jar cache `make test` fills. It skips, or fails under BATTERYKG_REQUIRE_NEO4J=1,
// when the cache is not there.
func ownNeo4j(t *testing.T) localneo4j.Config {
	t.Helper()
	neo4jtest.Require(t)
	cache := os.Getenv("BATTERYKG_NEO4J_CACHE")
	if cache == "" {
		if os.Getenv(neo4jtest.EnvRequire) == "1" {
			t.Fatal("BATTERYKG_NEO4J_CACHE is not set")
		}
		t.Skip("BATTERYKG_NEO4J_CACHE is not set")
	}
	cfg := localneo4j.Config{StateDir: filepath.Join(t.TempDir(), "neo4j"), CacheDir: cache, BoltPort: freePort(t),
		Password: "fault-test-pw", Heap: "512m", PageCache: "64m", StartTimeout: 3 * time.Minute}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if _, err := localneo4j.Start(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { localneo4j.Stop(context.Background(), cfg) })
	return cfg
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// serve runs `batterykg serve` with args until the test ends and returns its base URL.
func serve(t *testing.T, args ...string) (url string, stop func() error) {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, append([]string{"--addr", addr, "--assets", ""}, args...)) }()
	url = "http://" + addr
	for i := 0; ; i++ {
		if resp, err := http.Get(url + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 100 {
			t.Fatal("the server did not come up")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { stop() })
	return url, stop
}

func waitReady(t *testing.T, url string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("not ready within %s", within)
}

type answer struct {
	status     int
	code       string
	message    string
	body       string
	retryAfter string
	took       time.Duration
}

func gql(url, key, query string) answer {
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{code: "TRANSPORT", body: err.Error(), took: time.Since(start)}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	json.Unmarshal(b, &out)
	a := answer{status: resp.StatusCode, body: string(b), retryAfter: resp.Header.Get("Retry-After"), took: time.Since(start)}
	if len(out.Errors) > 0 {
		a.code, _ = out.Errors[0].Extensions["code"].(string)
		a.message = out.Errors[0].Message
	}
	return a
}

// TestNeo4jRestartUnderLoad stops and restarts Neo4j while clients read and write through
// the server: requests fail with UNAVAILABLE meanwhile, at once rather than at their
// deadline and with a Retry-After hint, and recover without restarting the server; every
// write is either all there or not there at all, none acknowledged lost, none said not
// applied found applied. (The statements' time limit is long: a cold Neo4j on a busy
// machine may take seconds to plan the first upserts.)
func TestNeo4jRestartUnderLoad(t *testing.T) {
	n4j := ownNeo4j(t)
	uri := fmt.Sprintf("bolt://127.0.0.1:%d", n4j.BoltPort)
	const key = "fault-test-editor-key-0123456789"
	keys := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(keys, []byte("editor editor "+auth.HashKey(key)+"\n"), 0o600)
	const queryTimeout = 30 * time.Second
	url, _ := serve(t, "--uri", uri, "--password", n4j.Password, "--api-keys", keys, "--query-timeout", queryTimeout.String(), "--request-timeout", "40s")
	waitReady(t, url, time.Minute)
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", n4j.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	ctx := context.Background()
	if _, err := neo4j.ExecuteQuery(ctx, driver, "MERGE (:Source {id: 'fault', name: 'fault test', sources: ['fault#t'], confidence: 'SOURCED', updatedAt: datetime()})",
		nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		acked    []string // project ids whose upsert was acknowledged
		refused  []string // project ids whose upsert was answered "not applied"
		noHint   int      // UNAVAILABLE answers without Retry-After
		codes    = map[string]int{}
		stopLoad atomic.Bool
		seq      atomic.Int64
		wg       sync.WaitGroup
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stopLoad.Load() {
				var a answer
				id := ""
				if w%2 == 0 {
					a = gql(url, "", `{ stages { code } }`)
				} else {
					id = fmt.Sprintf("fault-%d", seq.Add(1))
					a = gql(url, key, fmt.Sprintf(`mutation { upsertProject(input: {id: %q, name: "Fault %s", type: EU_GRANT,
						totalInvestment: 1000, currency: "EUR", startDate: "2025-01-01", source: "fault#t"}) { id } }`, id, id))
				}
				mu.Lock()
				codes[a.code]++
				if id != "" && a.code == "" && a.status == 200 {
					acked = append(acked, id)
				}
				if a.code == "UNAVAILABLE" {
					if a.retryAfter == "" {
						noHint++
					}
					switch {
					case id == "":
					case strings.HasSuffix(a.message, "the change was not applied"):
						refused = append(refused, id)
					case !strings.Contains(a.message, "may or may not have been applied"):
						t.Errorf("write %s answered %q: it does not say whether it was applied", id, a.message)
					}
				}
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	time.Sleep(4 * time.Second)
	if err := localneo4j.Stop(ctx, n4j); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	if r, _ := http.Get(url + "/readyz"); r == nil || r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz while Neo4j is down: %v", r)
	}
	// Known down: answered at once, not when the statement's time limit runs out.
	if a := gql(url, "", `{ stages { code } }`); a.code != "UNAVAILABLE" || a.retryAfter == "" || a.took > queryTimeout/4 {
		t.Errorf("read while Neo4j is down: %s %q, Retry-After %q, after %s", a.code, a.message, a.retryAfter, a.took)
	}
	sctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	if _, err := localneo4j.Start(sctx, n4j); err != nil {
		t.Fatal(err)
	}
	waitReady(t, url, time.Minute)
	// Served again without restarting the server.
	recovered := false
	for i := 0; i < 100 && !recovered; i++ {
		recovered = gql(url, "", `{ stages { code } }`).code == ""
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(3 * time.Second)
	stopLoad.Store(true)
	wg.Wait()
	if !recovered {
		t.Fatal("queries did not recover after Neo4j came back")
	}
	t.Logf("answers by error code during the run: %v; %d writes acknowledged, %d answered not applied", codes, len(acked), len(refused))
	if noHint > 0 {
		t.Errorf("%d UNAVAILABLE answers without Retry-After", noHint)
	}
	for code := range codes {
		if code != "" && code != "UNAVAILABLE" {
			t.Errorf("%d answers with code %s; only UNAVAILABLE is expected while Neo4j is down", codes[code], code)
		}
	}
	if codes["UNAVAILABLE"] == 0 || len(acked) == 0 {
		t.Error("no request saw Neo4j down, or no write went through: the test did not test anything")
	}
	res, err := neo4j.ExecuteQuery(ctx, driver, `MATCH (p:Project) WHERE p.id STARTS WITH 'fault-'
		RETURN p.id AS id, p.name IS NOT NULL AND p.updatedAt IS NOT NULL AND p.startDate IS NOT NULL AND p.sources = ['fault#t'] AS whole`,
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, r := range res.Records {
		id, _ := r.Get("id")
		whole, _ := r.Get("whole")
		if whole != true {
			t.Errorf("%v is half-applied", id)
		}
		stored[id.(string)] = true
	}
	for _, id := range acked {
		if !stored[id] {
			t.Errorf("acknowledged write %s is lost", id)
		}
	}
	for _, id := range refused {
		if stored[id] {
			t.Errorf("write %s was answered not applied, but it is stored", id)
		}
	}
}

// TestGracefulShutdown: a request in flight when the server is told to stop still gets its
// answer, and serve returns cleanly. Neo4j is reached through a proxy that delays its
// answers, so the request is surely in flight.
func TestGracefulShutdown(t *testing.T) {
	c, proxy := neo4jtest.Proxied(t)
	url, stop := serve(t, "--uri", c.URI, "--password", c.Password, "--user", c.User, "--migrate=false")
	waitReady(t, url, time.Minute)
	proxy.SetDelay(1500 * time.Millisecond)
	got := make(chan answer, 1)
	go func() { got <- gql(url, "", `{ stages { code } }`) }()
	time.Sleep(300 * time.Millisecond) // the request is waiting on Neo4j
	start := time.Now()
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v", err)
	}
	a := <-got
	if a.status != 200 || a.code != "" || !strings.Contains(a.body, "stages") {
		t.Errorf("in-flight request got %d %s %.200s", a.status, a.code, a.body)
	}
	if took := time.Since(start); took < time.Second {
		t.Errorf("shutdown took %s: it did not wait for the in-flight request", took)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
