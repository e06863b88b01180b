package localneo4j

import (
	"context"
	"encoding/xml"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestVersionMatchesPom(t *testing.T) {
	var pom struct {
		Properties struct {
			Neo4jVersion string `xml:"neo4j.version"`
		} `xml:"properties"`
		Dependencies []struct {
			GroupID    string `xml:"groupId"`
			ArtifactID string `xml:"artifactId"`
			Version    string `xml:"version"`
		} `xml:"dependencies>dependency"`
	}
	if err := xml.Unmarshal(pomXML, &pom); err != nil {
		t.Fatalf("pom.xml: %v", err)
	}
	if pom.Properties.Neo4jVersion != Version {
		t.Fatalf("pom.xml neo4j.version = %q, Version = %q", pom.Properties.Neo4jVersion, Version)
	}
	found := map[string]bool{}
	for _, d := range pom.Dependencies {
		if d.Version != "${neo4j.version}" && d.Version != Version {
			t.Errorf("dependency %s:%s has version %q, want ${neo4j.version}", d.GroupID, d.ArtifactID, d.Version)
		}
		found[d.GroupID+":"+d.ArtifactID] = true
	}
	for _, want := range []string{"org.neo4j:neo4j", "org.neo4j.app:neo4j-server"} {
		if !found[want] {
			t.Errorf("pom.xml lacks dependency %s", want)
		}
	}
	// The file on disk is the one embedded.
	disk, err := os.ReadFile("pom.xml")
	if err != nil || string(disk) != string(pomXML) {
		t.Errorf("embedded pom differs from pom.xml on disk (%v)", err)
	}
}

func TestConfigDefaultsAndValidation(t *testing.T) {
	c, err := Config{StateDir: "rel/state", CacheDir: "/c"}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(c.StateDir) || c.BoltPort != 7687 || c.Heap != "1g" || c.PageCache != "512m" ||
		c.StartTimeout != 120*time.Second || c.Progress == nil {
		t.Fatalf("defaults not applied: %+v", c)
	}
	bad := []Config{
		{CacheDir: "/c"},
		{StateDir: "/s"},
		{StateDir: "/s", CacheDir: "/c", BoltPort: 70000},
		{StateDir: "/s", CacheDir: "/c", BoltPort: -1},
		{StateDir: "/s", CacheDir: "/c", Password: "short"},
		{StateDir: "/s", CacheDir: "/c", Password: "line\nbreak!"},
		{StateDir: "/s", CacheDir: "/c", Heap: "1 gig"},
		{StateDir: "/s", CacheDir: "/c", PageCache: "0"},
		{StateDir: "/s", CacheDir: "/c", StartTimeout: -time.Second},
	}
	for i, b := range bad {
		if _, err := b.withDefaults(); !errors.Is(err, ErrConfig) {
			t.Errorf("case %d %+v: err = %v, want ErrConfig", i, b, err)
		}
	}
	for _, ok := range []Config{
		{StateDir: "/s", CacheDir: "/c", Password: "12345678", Heap: "512m", PageCache: "2G"},
	} {
		if _, err := ok.withDefaults(); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
}

func TestRenderConf(t *testing.T) {
	c, _ := Config{StateDir: "/st", CacheDir: "/ca", BoltPort: 7777, Heap: "512m", PageCache: "128m"}.withDefaults()
	conf := renderConf(c)
	for _, want := range []string{
		"server.default_listen_address=127.0.0.1\n",
		"server.bolt.listen_address=127.0.0.1:7777\n",
		"server.bolt.tls_level=DISABLED\n",
		"server.http.enabled=false\n",
		"server.https.enabled=false\n",
		"dbms.security.auth_enabled=false\n",
		"server.directories.data=/st/data\n",
		"server.directories.logs=/st/logs\n",
		"server.directories.run=/st/run\n",
		"server.directories.plugins=/st/plugins\n",
		"server.memory.heap.max_size=512m\n",
		"server.memory.pagecache.size=128m\n",
		"dbms.usage_report.enabled=false\n",
	} {
		if !strings.Contains(conf, want) {
			t.Errorf("conf lacks %q:\n%s", want, conf)
		}
	}
	if confBoltPort(conf) != 7777 {
		t.Errorf("confBoltPort = %d", confBoltPort(conf))
	}
	c.Password = "secret123"
	if !strings.Contains(renderConf(c), "dbms.security.auth_enabled=true\n") {
		t.Error("password set but auth not enabled")
	}
	args := strings.Join(jvmArgs(c), " ")
	for _, want := range []string{"-Xmx512m", "--add-opens=java.base/java.nio=ALL-UNNAMED", mainClass,
		"--home-dir=/st", "--config-dir=/st/conf", "--console-mode", "/ca/neo4j-" + Version + "/lib/*"} {
		if !strings.Contains(args, want) {
			t.Errorf("jvm args lack %q: %s", want, args)
		}
	}
}

func TestCmdlineAndPidChecks(t *testing.T) {
	cmd := func(args ...string) []byte { return []byte(strings.Join(args, "\x00") + "\x00") }
	home := "/x/state"
	if !isServerCmdline(cmd("java", "-cp", "a", mainClass, "--home-dir=/x/state", "--console-mode"), home) {
		t.Error("server cmdline not recognised")
	}
	for _, other := range [][]byte{
		cmd("java", mainClass, "--home-dir=/x/state2"),      // another instance
		cmd("java", mainClass, "--home-dir=/x"),             // prefix only
		cmd("java", "org.neo4j.cli.AdminTool", "/x/state"),  // not the server
		cmd("sleep", "100", "--home-dir=/x/state"),          // pid reused by another program
		cmd("bash", "-c", mainClass+" --home-dir=/x/state"), // mentions it in one argument
		{},
	} {
		if isServerCmdline(other, home) {
			t.Errorf("%q taken for the server", other)
		}
	}
	if !isZombie([]byte("12 (java) Z 1 12")) || isZombie([]byte("12 (my (odd) prog) S 1 12")) {
		t.Error("isZombie")
	}
	if pid, ok := parsePID([]byte("1234\n")); !ok || pid != 1234 {
		t.Error("parsePID")
	}
	for _, bad := range []string{"", "abc", "-5", "0"} {
		if _, ok := parsePID([]byte(bad)); ok {
			t.Errorf("parsePID(%q) ok", bad)
		}
	}
	// Our own process is alive but is not a Neo4j server: a pid file naming it is stale.
	if serverAlive(os.Getpid(), home) || serverAlive(0, home) || serverAlive(1<<30, home) {
		t.Error("serverAlive true for a non-server pid")
	}
	// StatusOf with a pid file naming a non-server process reports not running.
	dir := t.TempDir()
	c := Config{StateDir: dir, CacheDir: t.TempDir()}
	os.MkdirAll(filepath.Join(dir, "run"), 0o755)
	os.WriteFile(filepath.Join(dir, "run", "localneo4j.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644)
	if st := StatusOf(c); st.Running || st.PID != 0 || st.BoltURI != "bolt://127.0.0.1:7687" || st.Version != Version {
		t.Errorf("stale pid file: %+v", st)
	}
}

func TestListenInodesAndPortOwner(t *testing.T) {
	table := []byte(`  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1E61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1E61 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1E62 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 100 0 0 10 0
`)
	if got := listenInodes(table, 7777); len(got) != 1 || got[0] != "4242" {
		t.Errorf("listenInodes = %v", got)
	}
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	if portFree(port) {
		t.Error("portFree true for a port we listen on")
	}
	if who := portOwner(port); !strings.Contains(who, "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("portOwner = %q, want our pid %d", who, os.Getpid())
	}
}

func TestLastMavenLine(t *testing.T) {
	out := "\x1b[0m\x1b[0m" + `[ERROR] Failed to execute goal on project localneo4j-fetch: Could not resolve dependencies for project com.github.batterykg:localneo4j-fetch:pom:1: Could not find artifact org.neo4j:neo4j:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]
[ERROR] 
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR] 
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException
`
	got := lastMavenLine([]byte(out))
	if !strings.HasPrefix(got, "Failed to execute goal") || strings.Contains(got, "[Help") {
		t.Errorf("lastMavenLine = %q", got)
	}
	if got := lastMavenLine([]byte("Error: JAVA_HOME is not defined correctly.\n")); got != "Error: JAVA_HOME is not defined correctly." {
		t.Errorf("no [ERROR] lines: %q", got)
	}
}

func TestJavaMajor(t *testing.T) {
	for out, want := range map[string]int{
		`openjdk version "17.0.15" 2025-04-15`: 17,
		`java version "1.8.0_292"`:             8,
		`openjdk version "21" 2023-09-19`:      21,
		`openjdk version "25.0.1" 2025-10-21`:  25,
		`garbage`:                              0,
	} {
		if got := javaMajor([]byte(out)); got != want {
			t.Errorf("javaMajor(%q) = %d, want %d", out, got, want)
		}
	}
}

func TestStartedLineAndTail(t *testing.T) {
	log := "2026-11-22 12:54:51.393+0000 INFO  name: system\n2026-11-22 12:54:51.393+0000 INFO  Started.\n"
	if !hasStartedLine([]byte(log)) || hasStartedLine([]byte("INFO  Starting...\n")) {
		t.Error("hasStartedLine")
	}
	if got := tailLines([]byte("a\n\nb\nc\n\n"), 2); strings.Join(got, ",") != "b,c" {
		t.Errorf("tailLines = %v", got)
	}
}

func TestCacheMarker(t *testing.T) {
	c, _ := Config{StateDir: "/s", CacheDir: t.TempDir()}.withDefaults()
	if cacheComplete(c) {
		t.Fatal("empty cache complete")
	}
	os.MkdirAll(c.libDir(), 0o755)
	for _, j := range []string{"a.jar", "b.jar"} {
		os.WriteFile(filepath.Join(c.libDir(), j), []byte("x"), 0o644)
	}
	if cacheComplete(c) {
		t.Fatal("cache without marker (half-finished download) taken as complete")
	}
	os.WriteFile(markerPath(c), []byte(markerContent(2)), 0o644)
	if !cacheComplete(c) {
		t.Fatal("complete cache not recognised")
	}
	os.Remove(filepath.Join(c.libDir(), "b.jar"))
	if cacheComplete(c) {
		t.Fatal("cache missing a jar taken as complete")
	}
	os.WriteFile(markerPath(c), []byte(strings.Replace(markerContent(1), pomHash(), "old", 1)), 0o644)
	if cacheComplete(c) {
		t.Fatal("cache of another pom taken as complete")
	}
}

func TestPasswordCheck(t *testing.T) {
	c, _ := Config{StateDir: t.TempDir(), CacheDir: "/c", Password: "secret123"}.withDefaults()
	if err := c.checkPassword(true); err != nil {
		t.Fatal(err)
	}
	if err := c.checkPassword(false); err != nil { // no marker: cannot tell
		t.Fatal(err)
	}
	os.MkdirAll(c.dataDir(), 0o755)
	os.WriteFile(c.authMarker(), []byte(passwordTag("secret123")+"\n"), 0o644)
	if err := c.checkPassword(false); err != nil {
		t.Fatal(err)
	}
	c.Password = "other-password"
	if err := c.checkPassword(false); !errors.Is(err, ErrPassword) {
		t.Fatalf("err = %v, want ErrPassword", err)
	}
	os.WriteFile(c.authMarker(), []byte("none\n"), 0o644)
	if err := c.checkPassword(false); !errors.Is(err, ErrPassword) || !strings.Contains(err.Error(), "disabled") {
		t.Fatalf("err = %v, want ErrPassword about disabled auth", err)
	}
	c.Password = ""
	if err := c.checkPassword(false); err != nil {
		t.Fatal(err)
	}
}

func TestErrorFormat(t *testing.T) {
	err := error(newErr(ErrPortInUse, "/s/logs/console.log", "127.0.0.1:7687 is taken by pid 1 (java)"))
	if !errors.Is(err, ErrPortInUse) || errors.Is(err, ErrTimeout) {
		t.Error("errors.Is")
	}
	want := "localneo4j: port in use: 127.0.0.1:7687 is taken by pid 1 (java) (see /s/logs/console.log)"
	if err.Error() != want {
		t.Errorf("got %q\nwant %q", err.Error(), want)
	}
}

func TestFailureReason(t *testing.T) {
	log := `Exception in thread "main" java.lang.IllegalArgumentException: Unrecognized setting. No declared setting with name: server.no_such_setting.
	at org.neo4j.configuration.Config.getActiveSettings(Config.java:762)
	at org.neo4j.server.CommunityEntryPoint.main(CommunityEntryPoint.java:30)
2026-11-22 13:10:42.523+0000 INFO  [o.n.s.CommunityBootstrapper] Neo4j Server shutdown initiated by request
2026-11-22 13:10:42.537+0000 INFO  [o.n.s.CommunityBootstrapper] Stopped.
`
	if got := failureReason([]byte(log)); !strings.HasPrefix(got, "java.lang.IllegalArgumentException: Unrecognized setting") {
		t.Errorf("failureReason = %q", got)
	}
	log = "2026-01-01 00:00:00.000+0000 ERROR Failed to start Neo4j: boom\norg.neo4j.X: wrap\n\tat a.b(C.java:1)\nCaused by: java.net.BindException: Address already in use\n"
	if got := failureReason([]byte(log)); got != "java.net.BindException: Address already in use" {
		t.Errorf("failureReason = %q", got)
	}
	if got := failureReason([]byte("a\nb\nc\nd\n")); got != "b | c | d" {
		t.Errorf("failureReason = %q", got)
	}
}

func fakeJava(t *testing.T, version string) string {
	dir := t.TempDir()
	script := "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2021-01-01' >&2\n"
	if err := os.WriteFile(filepath.Join(dir, "java"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNoUsableJava(t *testing.T) {
	c := Config{StateDir: t.TempDir(), CacheDir: t.TempDir(), BoltPort: 1}
	t.Setenv("PATH", t.TempDir())
	if _, err := Start(context.Background(), c); !errors.Is(err, ErrNoJava) || !strings.Contains(err.Error(), "PATH") {
		t.Errorf("no java: %v", err)
	}
	t.Setenv("PATH", fakeJava(t, "11.0.2"))
	if _, err := Start(context.Background(), c); !errors.Is(err, ErrNoJava) || !strings.Contains(err.Error(), "Java 11") {
		t.Errorf("java 11: %v", err)
	}
	// Java 17 but no Maven: the fetch says so.
	t.Setenv("PATH", fakeJava(t, "17.0.1"))
	if _, err := Fetch(context.Background(), c); !errors.Is(err, ErrFetch) || !strings.Contains(err.Error(), "mvn") {
		t.Errorf("no mvn: %v", err)
	}
}

func TestDiskCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet")
	if err := checkDisk(dir, 1, "x"); err != nil {
		t.Errorf("1 byte: %v", err)
	}
	err := checkDisk(dir, 1<<62, "fetching Neo4j")
	if !errors.Is(err, ErrDiskSpace) || !strings.Contains(err.Error(), dir) {
		t.Errorf("huge: %v", err)
	}
}
