package localneo4j

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

//go:embed pom.xml
var pomXML []byte

// cacheNeed is the free space a fetch wants in the cache folder: ~125 MB of jars in lib plus
// the same again in the Maven repository, and some margin.
const cacheNeed = 300 << 20

// Fetch makes sure the Neo4j jars are in <CacheDir>/neo4j-<Version>/lib and returns that
// folder. A complete cache is reused; an incomplete one (no marker) is fetched again with
// Maven from Maven Central. Maven's output goes to <CacheDir>/neo4j-<Version>/maven.log.
func Fetch(ctx context.Context, cfg Config) (libDir string, err error) {
	if cfg.StateDir == "" {
		cfg.StateDir = "." // not used by Fetch
	}
	c, err := cfg.withDefaults()
	if err != nil {
		return "", err
	}
	return fetch(ctx, c)
}

func fetch(ctx context.Context, c Config) (string, error) {
	if cacheComplete(c) {
		return c.libDir(), nil
	}
	unlock, err := lockDir(ctx, c.distDir()+".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if cacheComplete(c) { // another process finished it while we waited
		return c.libDir(), nil
	}
	if _, err := findJava(); err != nil {
		return "", err
	}
	mvn, err := exec.LookPath("mvn")
	if err != nil {
		return "", newErr(ErrFetch, "", "mvn (Maven) is not on PATH; install it (apt-get install maven)")
	}
	if err := checkDisk(c.CacheDir, cacheNeed, "fetching Neo4j "+Version); err != nil {
		return "", err
	}
	dist := c.distDir()
	if err := os.MkdirAll(dist, 0o755); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	os.Remove(markerPath(c))
	pom := filepath.Join(dist, "pom.xml")
	if err := os.WriteFile(pom, pomXML, 0o644); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	partial := c.libDir() + ".partial"
	if err := os.RemoveAll(partial); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	logPath := filepath.Join(dist, "maven.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	defer logf.Close()

	c.progress("fetching Neo4j %s from Maven Central into %s (about 125 MB, a minute or so)...", Version, dist)
	t0 := time.Now()
	cmd := exec.CommandContext(ctx, mvn, "-q", "-B", "-Dstyle.color=never", "-f", pom,
		"-Dmaven.repo.local="+c.m2Dir(),
		"dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory="+partial)
	cmd.Dir = dist
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	runErr := cmd.Run()
	logf.Write(out.Bytes())
	if runErr != nil {
		why := lastMavenLine(out.Bytes())
		if ctx.Err() != nil {
			why = "cancelled: " + ctx.Err().Error()
		} else if why == "" {
			why = runErr.Error()
		}
		return "", newErr(ErrFetch, logPath, "mvn dependency:copy-dependencies failed: "+why)
	}
	jars, size, err := countJars(partial)
	if err != nil || jars == 0 {
		return "", newErr(ErrFetch, logPath, fmt.Sprintf("Maven succeeded but %s holds no jars", partial))
	}
	if _, err := os.Stat(filepath.Join(partial, "neo4j-server-"+Version+".jar")); err != nil {
		return "", newErr(ErrFetch, logPath, "Maven succeeded but neo4j-server-"+Version+".jar is missing")
	}
	if err := os.RemoveAll(c.libDir()); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	if err := os.Rename(partial, c.libDir()); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	if err := writeFileAtomic(markerPath(c), []byte(markerContent(jars))); err != nil {
		return "", newErr(ErrFetch, "", err.Error())
	}
	c.progress("fetched %d jars (%d MB) in %.0fs", jars, size>>20, time.Since(t0).Seconds())
	return c.libDir(), nil
}

func markerPath(c Config) string { return filepath.Join(c.distDir(), "complete") }

func pomHash() string {
	h := sha256.Sum256(pomXML)
	return hex.EncodeToString(h[:])
}

func markerContent(jars int) string {
	return fmt.Sprintf("version=%s\npom-sha256=%s\njars=%d\n", Version, pomHash(), jars)
}

// cacheComplete reports whether the marker of a finished fetch of this very pom is there and
// lib still holds the jars it counted.
func cacheComplete(c Config) bool {
	b, err := os.ReadFile(markerPath(c))
	if err != nil {
		return false
	}
	want := 0
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "pom-sha256="); ok && v != pomHash() {
			return false
		}
		if v, ok := strings.CutPrefix(l, "jars="); ok {
			want, _ = strconv.Atoi(v)
		}
	}
	n, _, err := countJars(c.libDir())
	return err == nil && want > 0 && n == want
}

func countJars(dir string) (n int, size int64, err error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, err
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".jar") {
			n++
			if fi, err := e.Info(); err == nil {
				size += fi.Size()
			}
		}
	}
	return n, size, nil
}

// lastMavenLine picks the most telling line of Maven's output: the last [ERROR] line that is
// not one of Maven's boilerplate hints, without its "-> [Help 1]" tail.
func lastMavenLine(out []byte) string {
	var last, any string
	for _, l := range strings.Split(ansiRE.ReplaceAllString(string(out), ""), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		any = l
		msg, ok := strings.CutPrefix(l, "[ERROR]")
		if !ok {
			continue
		}
		msg = strings.TrimSpace(msg)
		if msg == "" || strings.HasPrefix(msg, "-> [Help") || strings.HasPrefix(msg, "[Help ") ||
			strings.HasPrefix(msg, "To see the full stack trace") ||
			strings.HasPrefix(msg, "Re-run Maven using") ||
			strings.HasPrefix(msg, "For more information about the errors") {
			continue
		}
		if i := strings.Index(msg, " -> [Help"); i >= 0 {
			msg = msg[:i]
		}
		last = msg
	}
	if last == "" {
		return any
	}
	return last
}

var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// javaVersionRE finds the version in `java -version` output: `openjdk version "17.0.15"`.
var javaVersionRE = regexp.MustCompile(`version "([0-9]+)(?:\.([0-9]+))?[^"]*"`)

// javaMajor returns the major Java version from `java -version` output, or 0.
func javaMajor(out []byte) int {
	m := javaVersionRE.FindSubmatch(out)
	if m == nil {
		return 0
	}
	major, _ := strconv.Atoi(string(m[1]))
	if major == 1 && len(m[2]) > 0 { // 1.8 -> 8
		major, _ = strconv.Atoi(string(m[2]))
	}
	return major
}

// findJava returns the path of a java 17 or newer on PATH.
func findJava() (string, error) {
	java, err := exec.LookPath("java")
	if err != nil {
		return "", newErr(ErrNoJava, "", "no `java` on PATH; Neo4j "+Version+" needs Java 17 or 21 (apt-get install openjdk-17-jre-headless)")
	}
	out, err := exec.Command(java, "-version").CombinedOutput()
	if err != nil {
		return "", newErr(ErrNoJava, "", fmt.Sprintf("%s -version failed: %v", java, err))
	}
	if v := javaMajor(out); v < 17 {
		return "", newErr(ErrNoJava, "", fmt.Sprintf("%s is Java %d; Neo4j %s needs Java 17 or 21", java, v, Version))
	}
	return java, nil
}
