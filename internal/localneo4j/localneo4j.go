// Package localneo4j runs a real Neo4j community server on loopback without Docker or the
// Neo4j tarball: it fetches the server's jars from Maven Central with Maven (Fetch), writes a
// loopback-only neo4j.conf into an instance folder and starts the server JVM detached from
// the calling process (Start), reports whether it runs (StatusOf) and stops it (Stop).
//
// One instance lives in one state folder (Neo4j's home: conf/, data/, logs/, run/); the jars
// live in a cache folder that instances share. Linux only (flock, /proc).
package localneo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jplugin"
)

// Version is the Neo4j version fetched and run; it matches pom.xml.
const Version = "5.26.30"

// stateNeed is the free space a first start wants in the state folder: Neo4j preallocates a
// 256 MiB transaction log for each of its two databases.
const stateNeed = 700 << 20

// Status tells whether an instance runs.
type Status struct {
	Running bool   // a server JVM of this StateDir is alive
	Ready   bool   // and its Bolt port accepts connections
	PID     int    // its process id, 0 when not running
	BoltURI string // bolt://127.0.0.1:<port>
	Version string // Neo4j version
	LogFile string // the server's console log
}

// StatusOf reports the instance of cfg.StateDir truthfully: a stale pid file (process gone,
// or its pid reused by another program) counts as not running.
func StatusOf(cfg Config) Status {
	c, err := cfg.withDefaults()
	if err != nil {
		return Status{Version: Version}
	}
	return status(c)
}

func status(c Config) Status {
	st := Status{Version: Version, LogFile: c.consoleLog(), BoltURI: c.boltURI(c.BoltPort)}
	pid := readPIDFile(c.pidFile())
	if !serverAlive(pid, c.StateDir) {
		pid = 0
		if pids := serverPIDs(c.StateDir); len(pids) > 0 { // pid file lost or stale
			pid = pids[0]
		}
	}
	if pid == 0 {
		return st
	}
	// A running instance listens where the conf it was started with says.
	port := c.BoltPort
	if p := confBoltPort(readString(c.confFile())); p > 0 {
		port = p
	}
	st.BoltURI = c.boltURI(port)
	st.Running, st.PID = true, pid
	st.Ready = boltAnswers(port)
	return st
}

// Start makes sure the instance runs and answers on Bolt, and returns its status. It fetches
// the jars if needed, writes conf/neo4j.conf, sets the initial password on the first start,
// and starts the server JVM in its own session, so that it outlives the caller. If the
// instance already runs it is returned as it is; concurrent Starts of one StateDir start one
// JVM. On failure no JVM started by this call is left running.
func Start(ctx context.Context, cfg Config) (Status, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return Status{}, err
	}
	if err := os.MkdirAll(c.StateDir, 0o755); err != nil {
		return Status{}, newErr(ErrConfig, "", err.Error())
	}
	unlock, err := lockDir(ctx, c.lockFile())
	if err != nil {
		return Status{}, err
	}
	defer unlock()

	if st := status(c); st.Running {
		return c.adopt(ctx, st)
	}
	os.Remove(c.pidFile()) // stale, if there
	// A JVM of this instance that was just killed may still hold the port for a moment.
	if _, dying := serverProcs(c.StateDir); len(dying) > 0 {
		c.progress("waiting for the killed JVM (pid %v) to exit", dying)
		waitNoServer(ctx, c.StateDir, 30*time.Second)
	}

	java, err := findJava()
	if err != nil {
		return Status{}, err
	}
	if !portFree(c.BoltPort) {
		who := portOwner(c.BoltPort)
		if who == "" {
			who = "another process"
		}
		return Status{}, newErr(ErrPortInUse, "", fmt.Sprintf("127.0.0.1:%d is taken by %s; pick another BoltPort or stop it",
			c.BoltPort, who))
	}
	firstStart := !exists(c.systemDBDir())
	if firstStart {
		if err := checkDisk(c.StateDir, stateNeed, "a new Neo4j database"); err != nil {
			return Status{}, err
		}
	}
	if err := c.checkPassword(firstStart); err != nil {
		return Status{}, err
	}
	if _, err := fetch(ctx, c); err != nil {
		return Status{}, err
	}
	for _, d := range []string{c.confDir(), c.dataDir(), c.logsDir(), c.runDir(), c.pluginsDir()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return Status{}, newErr(ErrConfig, "", err.Error())
		}
	}
	if jar, err := neo4jplugin.Install(ctx, java, c.libDir(), c.pluginsDir()); err != nil {
		c.progress("Neo4j starts without the batterykg plugin (%v): the importer's model check will read the whole graph", err)
	} else {
		c.progress("batterykg plugin: %s", jar)
	}
	if err := os.WriteFile(c.confFile(), []byte(renderConf(c)), 0o644); err != nil {
		return Status{}, newErr(ErrConfig, "", err.Error())
	}
	if firstStart {
		if err := c.initAuth(ctx, java); err != nil {
			return Status{}, err
		}
	}
	return c.launch(ctx, java)
}

// adopt returns an instance that already runs, once it answers.
func (c Config) adopt(ctx context.Context, st Status) (Status, error) {
	if st.BoltURI != c.boltURI(c.BoltPort) {
		return st, newErr(ErrAlreadyRunning, st.LogFile, fmt.Sprintf("the instance in %s runs (pid %d) on %s, not port %d; stop it first",
			c.StateDir, st.PID, st.BoltURI, c.BoltPort))
	}
	if !st.Ready {
		c.progress("Neo4j in %s is running (pid %d) but not answering yet; waiting...", c.StateDir, st.PID)
		ctx, cancel := context.WithTimeout(ctx, c.StartTimeout)
		defer cancel()
		for !st.Ready {
			select {
			case <-ctx.Done():
				return st, newErr(ErrTimeout, st.LogFile, fmt.Sprintf("running instance (pid %d) did not answer on %s within %s",
					st.PID, st.BoltURI, c.StartTimeout))
			case <-time.After(200 * time.Millisecond):
			}
			if st = status(c); !st.Running {
				return st, newErr(ErrExited, st.LogFile, "the running instance exited while we waited for it")
			}
		}
	}
	c.progress("Neo4j %s already running (pid %d) on %s", Version, st.PID, st.BoltURI)
	return st, nil
}

// checkPassword refuses a password that the data directory was not initialised with: Neo4j
// only takes the initial password before the first start.
func (c Config) checkPassword(firstStart bool) error {
	if firstStart || c.Password == "" {
		return nil
	}
	b, err := os.ReadFile(c.authMarker())
	if err != nil {
		return nil // data not made by us: cannot tell
	}
	got := strings.TrimSpace(string(b))
	if got == passwordTag(c.Password) {
		return nil
	}
	how := "a different password"
	if got == "none" {
		how = "authentication disabled (user neo4j still has the default password)"
	}
	return newErr(ErrPassword, "", fmt.Sprintf("%s was created with %s; change it with ALTER CURRENT USER SET PASSWORD, or delete %s to start afresh",
		c.dataDir(), how, c.dataDir()))
}

func passwordTag(pw string) string {
	h := sha256.Sum256([]byte("localneo4j:" + pw))
	return "sha256:" + hex.EncodeToString(h[:])
}

// initAuth runs before the first start: with a password, `neo4j-admin dbms
// set-initial-password` writes data/dbms/auth.ini, which the first start turns into user
// neo4j. It records which password the data was created with.
func (c Config) initAuth(ctx context.Context, java string) error {
	tag := "none"
	if c.Password != "" {
		c.progress("setting the initial password of user neo4j")
		cmd := exec.CommandContext(ctx, java, "-Xmx256m", "-cp", c.libDir()+"/*",
			"org.neo4j.cli.AdminTool", "dbms", "set-initial-password", c.Password)
		cmd.Env = append(os.Environ(), "NEO4J_HOME="+c.StateDir, "NEO4J_CONF="+c.confDir())
		cmd.Dir = c.StateDir
		out, err := cmd.CombinedOutput()
		os.WriteFile(c.adminLog(), out, 0o644)
		if err != nil {
			why := err.Error()
			if t := tailLines(out, 1); len(t) > 0 {
				why = t[0]
			}
			return newErr(ErrExited, c.adminLog(), "neo4j-admin dbms set-initial-password failed: "+why)
		}
		tag = passwordTag(c.Password)
	}
	if err := writeFileAtomic(c.authMarker(), []byte(tag+"\n")); err != nil {
		return newErr(ErrConfig, "", err.Error())
	}
	return nil
}

// launch starts the server JVM detached and waits until it is ready.
func (c Config) launch(ctx context.Context, java string) (Status, error) {
	logPath := c.consoleLog()
	if fi, err := os.Stat(logPath); err == nil && fi.Size() > 10<<20 {
		os.Rename(logPath, logPath+".1") // keep one old log
	}
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return Status{}, newErr(ErrConfig, "", err.Error())
	}
	defer logf.Close()
	fmt.Fprintf(logf, "==== localneo4j: starting Neo4j %s at %s ====\n", Version, time.Now().Format(time.RFC3339))
	offset, _ := logf.Seek(0, io.SeekEnd)

	cmd := exec.Command(java, jvmArgs(c)...)
	cmd.Dir = c.StateDir
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+c.StateDir, "NEO4J_CONF="+c.confDir())
	cmd.Stdout, cmd.Stderr = logf, logf
	// Own session and process group: no terminal signal (Ctrl-C) of the caller reaches it,
	// and it lives on when the caller exits.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	c.progress("starting Neo4j %s on %s (log: %s)", Version, c.boltURI(c.BoltPort), logPath)
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return Status{}, newErr(ErrExited, logPath, "starting java: "+err.Error())
	}
	pid := cmd.Process.Pid
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }() // reaps the JVM whenever it ends
	kill := func() {
		syscall.Kill(-pid, syscall.SIGKILL)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
		}
		os.Remove(c.pidFile())
	}
	if err := writeFileAtomic(c.pidFile(), []byte(strconv.Itoa(pid)+"\n")); err != nil {
		kill()
		return Status{}, newErr(ErrConfig, "", err.Error())
	}

	deadline := time.NewTimer(c.StartTimeout)
	defer deadline.Stop()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			os.Remove(c.pidFile())
			why := "exit status unknown"
			if err != nil {
				why = err.Error()
			}
			if r := failureReason(logSince(logPath, offset)); r != "" {
				why += ": " + r
			}
			return Status{}, newErr(ErrExited, logPath, "the JVM ended after "+time.Since(t0).Round(100*time.Millisecond).String()+" ("+why+")")
		case <-ctx.Done():
			kill()
			return Status{}, newErr(ErrTimeout, logPath, "start cancelled: "+ctx.Err().Error())
		case <-deadline.C:
			kill()
			why := ""
			if t := logTail(logPath, offset, 1); t != "" {
				why = "; last log line: " + t
			}
			return Status{}, newErr(ErrTimeout, logPath, fmt.Sprintf("Bolt did not answer on %s within %s, killed the JVM%s",
				c.boltURI(c.BoltPort), c.StartTimeout, why))
		case <-tick.C:
			if logHasStarted(logPath, offset) && boltAnswers(c.BoltPort) {
				c.progress("started in %.1fs (pid %d)", time.Since(t0).Seconds(), pid)
				return Status{Running: true, Ready: true, PID: pid, BoltURI: c.boltURI(c.BoltPort),
					Version: Version, LogFile: logPath}, nil
			}
		}
	}
}

// logSince reads path from offset on.
func logSince(path string, offset int64) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return nil
	}
	b, _ := io.ReadAll(f)
	return b
}

// logHasStarted reports whether the console log has Neo4j's "Started." line after offset.
func logHasStarted(path string, offset int64) bool {
	return hasStartedLine(logSince(path, offset))
}

func hasStartedLine(b []byte) bool {
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), " Started.") {
			return true
		}
	}
	return false
}

// failureReason picks the line of a console log that says why the JVM ended: the deepest
// "Caused by:", else the first exception or ERROR line, else the last lines.
func failureReason(log []byte) string {
	var first, cause string
	for _, l := range strings.Split(string(log), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "Caused by: "):
			cause = strings.TrimPrefix(l, "Caused by: ")
		case first == "" && !strings.HasPrefix(l, "at ") &&
			(strings.Contains(l, "Exception") || strings.Contains(l, " ERROR ") || strings.Contains(l, "Error:")):
			first = strings.TrimPrefix(l, `Exception in thread "main" `)
		}
	}
	r := cause
	if r == "" {
		r = first
	}
	if r == "" {
		r = strings.Join(tailLines(log, 3), " | ")
	}
	if len(r) > 400 {
		r = r[:400] + "..."
	}
	return r
}

func logTail(path string, offset int64, n int) string {
	return strings.Join(tailLines(logSince(path, offset), n), " | ")
}

// Stop stops the instance: SIGTERM, up to 60 s for a clean shutdown, then SIGKILL. It
// returns once no server JVM of StateDir is left and the Bolt port is free. Stopping a
// stopped instance is not an error. If ctx ends during the clean shutdown, the JVM is killed
// at once.
func Stop(ctx context.Context, cfg Config) error {
	c, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	if !exists(c.StateDir) {
		return nil
	}
	unlock, err := lockDir(ctx, c.lockFile())
	if err != nil {
		return err
	}
	defer unlock()
	st := status(c)
	pids, dying := serverProcs(c.StateDir)
	if len(pids) == 0 {
		if len(dying) > 0 { // killed a moment ago: let it let go of the port
			waitNoServer(ctx, c.StateDir, 10*time.Second)
		}
		os.Remove(c.pidFile())
		return nil
	}
	c.progress("stopping Neo4j (pid %v)...", pids)
	t0 := time.Now()
	signalAll(pids, syscall.SIGTERM)
	if !waitNoServer(ctx, c.StateDir, 60*time.Second) {
		c.progress("Neo4j did not stop within 60s; killing it")
		signalAll(serverPIDs(c.StateDir), syscall.SIGKILL)
		if !waitNoServer(context.Background(), c.StateDir, 10*time.Second) {
			return newErr(ErrStop, st.LogFile, fmt.Sprintf("server JVM %v of %s survived SIGKILL", serverPIDs(c.StateDir), c.StateDir))
		}
	}
	os.Remove(c.pidFile())
	port := confBoltPort(readString(c.confFile()))
	for end := time.Now().Add(10 * time.Second); port > 0 && !portFree(port) && time.Now().Before(end); {
		time.Sleep(100 * time.Millisecond)
	}
	c.progress("stopped in %.1fs", time.Since(t0).Seconds())
	return nil
}

func signalAll(pids []int, sig syscall.Signal) {
	for _, pid := range pids {
		syscall.Kill(pid, sig)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func readString(p string) string {
	b, _ := os.ReadFile(p)
	return string(b)
}
