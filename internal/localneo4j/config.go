package localneo4j

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Defaults applied to zero fields of Config.
const (
	DefaultBoltPort     = 7687
	DefaultHeap         = "1g"
	DefaultPageCache    = "512m"
	DefaultStartTimeout = 120 * time.Second
)

// Config describes one local Neo4j instance and where its jars are cached.
type Config struct {
	// StateDir is the instance folder (Neo4j's home): conf/, data/, logs/, run/, plugins/.
	StateDir string
	// CacheDir holds the jars shared by instances: <CacheDir>/neo4j-<Version>/lib and the
	// Maven repository <CacheDir>/m2.
	CacheDir string
	// BoltPort is the loopback port Bolt listens on (default 7687).
	BoltPort int
	// Password of user neo4j; "" disables authentication. At least 8 characters. It is set
	// when the data directory is created; a later different password is refused (ErrPassword).
	Password string
	// Heap is the JVM heap size, e.g. "1g" (default); PageCache Neo4j's page cache, e.g.
	// "512m" (default).
	Heap      string
	PageCache string
	// StartTimeout bounds the wait for Bolt to answer (default 120s).
	StartTimeout time.Duration
	// Progress receives one-line progress messages; nil discards them.
	Progress io.Writer

	// extraConf lines are appended to neo4j.conf (tests use it to make the JVM fail).
	extraConf []string
}

var sizeRE = regexp.MustCompile(`^[1-9][0-9]*[kKmMgG]?$`)

// withDefaults validates c, fills in defaults and makes the paths absolute.
func (c Config) withDefaults() (Config, error) {
	if c.StateDir == "" {
		return c, newErr(ErrConfig, "", "StateDir is empty")
	}
	if c.CacheDir == "" {
		return c, newErr(ErrConfig, "", "CacheDir is empty")
	}
	var err error
	if c.StateDir, err = filepath.Abs(c.StateDir); err != nil {
		return c, newErr(ErrConfig, "", err.Error())
	}
	if c.CacheDir, err = filepath.Abs(c.CacheDir); err != nil {
		return c, newErr(ErrConfig, "", err.Error())
	}
	if c.BoltPort == 0 {
		c.BoltPort = DefaultBoltPort
	}
	if c.BoltPort < 1 || c.BoltPort > 65535 {
		return c, newErr(ErrConfig, "", fmt.Sprintf("BoltPort %d is not a TCP port", c.BoltPort))
	}
	if c.Password != "" {
		if len(c.Password) < 8 {
			return c, newErr(ErrConfig, "", "Password must have at least 8 characters (Neo4j's minimum)")
		}
		if strings.ContainsAny(c.Password, "\x00\r\n") {
			return c, newErr(ErrConfig, "", "Password must not contain NUL or line breaks")
		}
	}
	if c.Heap == "" {
		c.Heap = DefaultHeap
	}
	if c.PageCache == "" {
		c.PageCache = DefaultPageCache
	}
	for name, v := range map[string]string{"Heap": c.Heap, "PageCache": c.PageCache} {
		if !sizeRE.MatchString(v) {
			return c, newErr(ErrConfig, "", fmt.Sprintf("%s %q is not a size like 512m or 1g", name, v))
		}
	}
	if c.StartTimeout == 0 {
		c.StartTimeout = DefaultStartTimeout
	}
	if c.StartTimeout < 0 {
		return c, newErr(ErrConfig, "", "StartTimeout is negative")
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c, nil
}

func (c Config) progress(format string, args ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format+"\n", args...)
	}
}

// Paths inside the state and cache folders.
func (c Config) confDir() string     { return filepath.Join(c.StateDir, "conf") }
func (c Config) confFile() string    { return filepath.Join(c.StateDir, "conf", "neo4j.conf") }
func (c Config) dataDir() string     { return filepath.Join(c.StateDir, "data") }
func (c Config) logsDir() string     { return filepath.Join(c.StateDir, "logs") }
func (c Config) runDir() string      { return filepath.Join(c.StateDir, "run") }
func (c Config) pluginsDir() string  { return filepath.Join(c.StateDir, "plugins") }
func (c Config) pidFile() string     { return filepath.Join(c.StateDir, "run", "localneo4j.pid") }
func (c Config) lockFile() string    { return filepath.Join(c.StateDir, "localneo4j.lock") }
func (c Config) consoleLog() string  { return filepath.Join(c.StateDir, "logs", "console.log") }
func (c Config) adminLog() string    { return filepath.Join(c.StateDir, "logs", "admin.log") }
func (c Config) authMarker() string  { return filepath.Join(c.StateDir, "data", "localneo4j-auth") }
func (c Config) systemDBDir() string { return filepath.Join(c.StateDir, "data", "databases", "system") }
func (c Config) distDir() string     { return filepath.Join(c.CacheDir, "neo4j-"+Version) }
func (c Config) libDir() string      { return filepath.Join(c.distDir(), "lib") }
func (c Config) m2Dir() string       { return filepath.Join(c.CacheDir, "m2") }
func (c Config) boltURI(port int) string {
	return "bolt://127.0.0.1:" + strconv.Itoa(port)
}

// renderConf returns neo4j.conf for a loopback-only instance.
func renderConf(c Config) string {
	var b strings.Builder
	b.WriteString("# Written by internal/localneo4j on every start; edits are overwritten.\n")
	line := func(k, v string) { fmt.Fprintf(&b, "%s=%s\n", k, v) }
	line("server.default_listen_address", "127.0.0.1")
	line("server.default_advertised_address", "127.0.0.1")
	line("server.bolt.enabled", "true")
	line("server.bolt.listen_address", "127.0.0.1:"+strconv.Itoa(c.BoltPort))
	line("server.bolt.tls_level", "DISABLED")
	line("server.http.enabled", "false")
	line("server.https.enabled", "false")
	line("dbms.security.auth_enabled", strconv.FormatBool(c.Password != ""))
	line("server.directories.data", c.dataDir())
	line("server.directories.logs", c.logsDir())
	line("server.directories.plugins", c.pluginsDir())
	line("server.directories.run", c.runDir())
	line("server.directories.lib", c.libDir())
	line("server.memory.heap.initial_size", c.Heap)
	line("server.memory.heap.max_size", c.Heap)
	line("server.memory.pagecache.size", c.PageCache)
	line("dbms.usage_report.enabled", "false")
	// Bolt's netty event loops otherwise wait a 5 s quiet period each on shutdown (10 s in all).
	line("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0")
	for _, l := range c.extraConf {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// confBoltPort reads the Bolt port from a neo4j.conf written by renderConf; 0 if absent.
func confBoltPort(conf string) int {
	for _, l := range strings.Split(conf, "\n") {
		v, ok := strings.CutPrefix(strings.TrimSpace(l), "server.bolt.listen_address=")
		if !ok {
			continue
		}
		_, p, ok := strings.Cut(v, ":")
		if !ok {
			return 0
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return 0
		}
		return n
	}
	return 0
}

// jvmArgs is the command line (after the java binary) of the server JVM: the flags the stock
// server.jvm.additional carries, since we run CommunityEntryPoint without Neo4j's launcher.
func jvmArgs(c Config) []string {
	return []string{
		"-cp", c.confDir() + "/*:" + c.pluginsDir() + "/*:" + c.libDir() + "/*",
		"-XX:+UseG1GC",
		"-XX:-OmitStackTraceInFastThrow",
		"-Dio.netty.tryReflectionSetAccessible=true",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-Dlog4j2.disable.jmx=true",
		"-Dfile.encoding=UTF-8",
		"-Xms" + c.Heap,
		"-Xmx" + c.Heap,
		mainClass,
		"--home-dir=" + c.StateDir,
		"--config-dir=" + c.confDir(),
		"--console-mode",
	}
}

const mainClass = "org.neo4j.server.CommunityEntryPoint"
