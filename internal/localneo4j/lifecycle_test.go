package localneo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// EnvCache names the jar cache the lifecycle tests use (the Makefile sets it to .state/cache).
const EnvCache = "BATTERYKG_NEO4J_CACHE"

// helperEnv makes the test binary act as a separate program that calls Start and exits.
const helperEnv = "LOCALNEO4J_TEST_HELPER_START"

func TestMain(m *testing.M) {
	if js := os.Getenv(helperEnv); js != "" {
		var c Config
		if err := json.Unmarshal([]byte(js), &c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		c.Progress = os.Stderr
		st, err := Start(context.Background(), c)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		json.NewEncoder(os.Stdout).Encode(st)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// requireCache returns the jar cache for lifecycle tests, skipping (or failing under
// BATTERYKG_REQUIRE_NEO4J=1) without one, and marks t as an integration test.
func requireCache(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(EnvCache)
	if dir == "" {
		if os.Getenv(neo4jtest.EnvRequire) == "1" {
			t.Fatalf("lifecycle test needs the Neo4j jar cache: %s is not set (run it with `make test`)", EnvCache)
		}
		t.Skipf("no jar cache: set %s (e.g. to .state/cache) or run `make test`", EnvCache)
	}
	t.Log(neo4jtest.Marker)
	return dir
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func testConfig(t *testing.T, password string) Config {
	return Config{
		StateDir:     filepath.Join(t.TempDir(), "neo4j"),
		CacheDir:     requireCache(t),
		BoltPort:     freePort(t),
		Password:     password,
		Heap:         "512m",
		PageCache:    "64m",
		StartTimeout: 3 * time.Minute,
		Progress:     testWriter{t},
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// stopAtEnd makes sure no JVM outlives the test, even when it fails.
func stopAtEnd(t *testing.T, c Config) {
	t.Cleanup(func() {
		if err := Stop(context.Background(), c); err != nil {
			t.Errorf("cleanup stop: %v", err)
		}
	})
}

// query runs RETURN 1 over Bolt and returns the error.
func query(st Status, auth neo4j.AuthToken) error {
	// Generous: on a loaded 2-core machine the first authenticated query has taken >30 s.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := neo4j.NewDriverWithContext(st.BoltURI, auth)
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, d, "RETURN 1 AS one", nil, neo4j.EagerResultTransformer)
	if err != nil {
		return err
	}
	if len(res.Records) != 1 || res.Records[0].Values[0] != int64(1) {
		return fmt.Errorf("RETURN 1 gave %v", res.Records)
	}
	return nil
}

func assertStopped(t *testing.T, c Config) {
	t.Helper()
	st := StatusOf(c)
	if st.Running || st.PID != 0 {
		t.Errorf("status after stop: %+v", st)
	}
	if pids := serverPIDs(mustAbs(t, c.StateDir)); len(pids) != 0 {
		t.Errorf("server JVMs left for %s: %v", c.StateDir, pids)
	}
	if exists(filepath.Join(c.StateDir, "run", "localneo4j.pid")) {
		t.Error("pid file left behind")
	}
	if !portFree(c.BoltPort) {
		t.Errorf("port %d still taken after stop", c.BoltPort)
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestFetch fetches (or reuses) the jar cache.
func TestFetch(t *testing.T) {
	cache := requireCache(t)
	t0 := time.Now()
	lib, err := Fetch(context.Background(), Config{CacheDir: cache, Progress: testWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	n, size, err := countJars(lib)
	if err != nil || n < 100 {
		t.Fatalf("%s: %d jars (%v)", lib, n, err)
	}
	t.Logf("%s: %d jars, %d MB, in %s", lib, n, size>>20, time.Since(t0).Round(time.Millisecond))
	// Reuse is instant.
	t1 := time.Now()
	if _, err := Fetch(context.Background(), Config{CacheDir: cache}); err != nil || time.Since(t1) > 2*time.Second {
		t.Fatalf("second fetch: %v after %s", err, time.Since(t1))
	}
}

// TestLifecycle: start from another process that then exits, start again (same JVM),
// kill -9, restart with two concurrent Starts (one JVM), stop, stop again; auth on.
func TestLifecycle(t *testing.T) {
	c := testConfig(t, "lifecycle-secret")
	stopAtEnd(t, c)
	ctx := context.Background()

	if st := StatusOf(c); st.Running || st.Ready || st.PID != 0 {
		t.Fatalf("status before start: %+v", st)
	}

	// 1. Start from a separate program that exits: the JVM must outlive it.
	js, _ := json.Marshal(Config{StateDir: c.StateDir, CacheDir: c.CacheDir, BoltPort: c.BoltPort,
		Password: c.Password, Heap: c.Heap, PageCache: c.PageCache, StartTimeout: c.StartTimeout})
	helper := exec.Command(os.Args[0], "-test.run=^$")
	helper.Env = append(os.Environ(), helperEnv+"="+string(js))
	helper.Stderr = testWriter{t} // its progress lines
	t0 := time.Now()
	out, err := helper.Output()
	if err != nil {
		t.Fatalf("helper Start: %v", err)
	}
	t.Logf("cold start (first start, empty data dir, incl. set-initial-password) from a helper process: %s",
		time.Since(t0).Round(100*time.Millisecond))
	var first Status
	if err := json.Unmarshal(out, &first); err != nil {
		t.Fatalf("helper output %q: %v", out, err)
	}
	st := StatusOf(c)
	if !st.Running || !st.Ready || st.PID != first.PID || st.BoltURI != fmt.Sprintf("bolt://127.0.0.1:%d", c.BoltPort) {
		t.Fatalf("status after the starting process exited: %+v (helper said %+v)", st, first)
	}
	if err := query(st, neo4j.BasicAuth("neo4j", c.Password, "")); err != nil {
		t.Fatalf("query with the password: %v", err)
	}
	if err := query(st, neo4j.BasicAuth("neo4j", "wrong-password", "")); err == nil {
		t.Fatal("query with a wrong password succeeded: auth is not on")
	}

	// 2. Start again: same JVM, no second one.
	st2, err := Start(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if st2.PID != first.PID || !st2.Ready {
		t.Fatalf("second Start: %+v, first PID %d", st2, first.PID)
	}
	if pids := serverPIDs(c.StateDir); len(pids) != 1 {
		t.Fatalf("server JVMs after second Start: %v", pids)
	}
	moved := c
	moved.BoltPort = c.BoltPort + 1
	if _, err := Start(ctx, moved); !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("Start on another port while running: %v, want ErrAlreadyRunning", err)
	}

	// 3. kill -9: stale pid file, status says not running.
	if err := syscall.Kill(first.PID, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(10 * time.Second); StatusOf(c).Running && time.Now().Before(end); {
		time.Sleep(50 * time.Millisecond)
	}
	if st := StatusOf(c); st.Running || st.PID != 0 {
		t.Fatalf("status after kill -9: %+v", st)
	}
	if !exists(filepath.Join(c.StateDir, "run", "localneo4j.pid")) {
		t.Fatal("test premise: the pid file should be stale, not gone")
	}

	// 4. Two concurrent Starts after the crash: one JVM, both get it.
	var wg sync.WaitGroup
	res := make([]Status, 2)
	errs := make([]error, 2)
	t0 = time.Now()
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i], errs[i] = Start(ctx, c)
		}()
	}
	wg.Wait()
	t.Logf("warm start (existing data, after kill -9): %s", time.Since(t0).Round(100*time.Millisecond))
	for i := range 2 {
		if errs[i] != nil {
			t.Fatalf("concurrent Start %d: %v", i, errs[i])
		}
	}
	if res[0].PID != res[1].PID || res[0].PID == first.PID || res[0].PID == 0 {
		t.Fatalf("concurrent Starts: %+v / %+v (old pid %d)", res[0], res[1], first.PID)
	}
	if pids := serverPIDs(c.StateDir); len(pids) != 1 {
		t.Fatalf("server JVMs after concurrent Starts: %v", pids)
	}
	if st := StatusOf(c); !st.Running || !st.Ready || st.PID != res[0].PID {
		t.Fatalf("status after restart: %+v", st)
	}
	// The password survived the crash and restart (set-initial-password ran once).
	if err := query(res[0], neo4j.BasicAuth("neo4j", c.Password, "")); err != nil {
		t.Fatalf("query after restart: %v", err)
	}

	// 5. Another password on the same data is refused up front.
	other := c
	other.Password = "another-secret"
	if err := Stop(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := Start(ctx, other); !errors.Is(err, ErrPassword) {
		t.Fatalf("Start with another password: %v, want ErrPassword", err)
	}

	// 6. Stopped: port free, no JVM, no pid file; stopping again is fine.
	assertStopped(t, c)
	if err := Stop(ctx, c); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
}

// TestNoAuth starts without a password, checks Bolt without credentials, and times a stop.
func TestNoAuth(t *testing.T) {
	c := testConfig(t, "")
	stopAtEnd(t, c)
	ctx := context.Background()
	t0 := time.Now()
	st, err := Start(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cold start without auth: %s", time.Since(t0).Round(100*time.Millisecond))
	if !st.Running || !st.Ready || st.PID == 0 || st.LogFile != filepath.Join(c.StateDir, "logs", "console.log") {
		t.Fatalf("status: %+v", st)
	}
	if err := query(st, neo4j.NoAuth()); err != nil {
		t.Fatalf("query without auth: %v", err)
	}
	t0 = time.Now()
	if err := Stop(ctx, c); err != nil {
		t.Fatal(err)
	}
	t.Logf("stop: %s", time.Since(t0).Round(100*time.Millisecond))
	assertStopped(t, c)
	// Enabling auth later on data created without it is refused with a reason.
	c.Password = "too-late-now"
	if _, err := Start(ctx, c); !errors.Is(err, ErrPassword) {
		t.Fatalf("Start with a password on auth-less data: %v, want ErrPassword", err)
	}
}

// TestPortInUse: a port someone else holds fails fast with ErrPortInUse and starts nothing.
func TestPortInUse(t *testing.T) {
	c := testConfig(t, "")
	stopAtEnd(t, c)
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c.BoltPort = l.Addr().(*net.TCPAddr).Port
	t0 := time.Now()
	_, err = Start(context.Background(), c)
	if !errors.Is(err, ErrPortInUse) {
		t.Fatalf("err = %v, want ErrPortInUse", err)
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("port-in-use took %s", d)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("error does not name the holder: %v", err)
	}
	t.Log(err)
	if st := StatusOf(c); st.Running {
		t.Fatalf("status: %+v", st)
	}
	if pids := serverPIDs(c.StateDir); len(pids) != 0 {
		t.Fatalf("JVM started anyway: %v", pids)
	}
}

// TestStartFailures: a JVM that exits early and one that misses its deadline both fail with
// a reason, and leave no JVM.
func TestStartFailures(t *testing.T) {
	c := testConfig(t, "")
	stopAtEnd(t, c)
	ctx := context.Background()

	bad := c
	bad.extraConf = []string{"server.no_such_setting=1"} // strict config validation fails
	_, err := Start(ctx, bad)
	if !errors.Is(err, ErrExited) || !strings.Contains(err.Error(), "console.log") ||
		!strings.Contains(err.Error(), "Unrecognized setting") {
		t.Fatalf("err = %v, want ErrExited pointing at console.log", err)
	}
	t.Log(err)
	if st := StatusOf(c); st.Running || len(serverPIDs(c.StateDir)) != 0 {
		t.Fatalf("JVM left after early exit: %+v", st)
	}

	slow := c
	slow.StartTimeout = 1500 * time.Millisecond
	t0 := time.Now()
	_, err = Start(ctx, slow)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	t.Log(err)
	if d := time.Since(t0); d > 20*time.Second {
		t.Errorf("timeout took %s", d)
	}
	if st := StatusOf(c); st.Running || len(serverPIDs(c.StateDir)) != 0 {
		t.Fatalf("JVM left after timeout: %+v", st)
	}
	if !portFree(c.BoltPort) {
		t.Error("port taken after timeout")
	}
}

// TestFetchRefused: a version Maven Central does not have fails with ErrFetch, Maven's own
// reason and the log, and leaves no completion marker.
func TestFetchRefused(t *testing.T) {
	shared := requireCache(t)
	if _, err := Fetch(context.Background(), Config{CacheDir: shared}); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	// Share the Maven repository so Maven's plugins need no download.
	if err := os.Symlink(filepath.Join(shared, "m2"), filepath.Join(cache, "m2")); err != nil {
		t.Fatal(err)
	}
	// Maven remembers the failed lookup in the shared repository; forget it afterwards.
	t.Cleanup(func() {
		os.RemoveAll(filepath.Join(shared, "m2", "org", "neo4j", "neo4j", "5.26.9999"))
		os.RemoveAll(filepath.Join(shared, "m2", "org", "neo4j", "app", "neo4j-server", "5.26.9999"))
	})
	saved := pomXML
	defer func() { pomXML = saved }()
	pomXML = []byte(strings.Replace(string(saved), "<neo4j.version>"+Version+"<", "<neo4j.version>5.26.9999<", 1))
	_, err := Fetch(context.Background(), Config{CacheDir: cache})
	if !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "5.26.9999") ||
		!strings.Contains(err.Error(), "maven.log") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v, want one-line ErrFetch naming the missing version and maven.log", err)
	}
	t.Log(err)
	c, _ := Config{StateDir: "/unused", CacheDir: cache}.withDefaults()
	if exists(markerPath(c)) || exists(c.libDir()) {
		t.Error("failed fetch left a marker or a lib folder")
	}
}
