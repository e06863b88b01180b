// Package neo4jplugin builds batterykg's Neo4j plugin and installs it into a local Neo4j's
// plugins folder. The plugin (TouchedProcedures.java) has read procedures that tell a
// transaction what it has written so far, from Neo4j's own transaction state, and what the
// committed graph looks like without its writes:
//
//	CALL batterykg.touchedNodes() YIELD node
//	CALL batterykg.touchedRelationships() YIELD relationship
//	CALL batterykg.removedSourceIds() YIELD id
//	CALL batterykg.removedNodes() YIELD id
//	CALL batterykg.committed(statement, params) YIELD row
//
// The importer's model check uses them to run validate's checks on what a transaction
// touched rather than on the whole graph (internal/neo4jstore, ValidateOptions.Touched), and
// the store to adjust the stage coverage counts by what a transaction changed rather than
// recount them (internal/neo4jstore/coverage.go). A Neo4j without the plugin still works:
// the check then covers the whole graph, and the counts are recounted.
//
// The plugin reads Neo4j's internal transaction state, so it is compiled against the very
// jars the server runs (javac, at the first start of each Neo4j version) and never shipped
// prebuilt.
package neo4jplugin

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

//go:embed TouchedProcedures.java
var source []byte

// Procedures are the names of the plugin's procedures.
var Procedures = []string{"batterykg.touchedNodes", "batterykg.touchedRelationships", "batterykg.removedSourceIds",
	"batterykg.removedNodes", "batterykg.committed"}

// jarPrefix starts the name of every jar Install writes; the rest is the build's hash.
const jarPrefix = "batterykg-plugin-"

// ErrNoJavac is returned by Install when no Java compiler is found.
var ErrNoJavac = errors.New("no javac (a JDK) next to java or on PATH")

// Install makes sure pluginsDir holds the plugin built from this source against the jars in
// libDir, and returns the jar's path. The build is kept beside libDir (in the jar cache, so
// every instance of that Neo4j version shares it) and copied in; when there is none, the
// javac that sits beside java (or on PATH) compiles it: a few seconds, once per source and
// Neo4j version. Older builds are removed from pluginsDir.
func Install(ctx context.Context, java, libDir, pluginsDir string) (string, error) {
	sum := sha256.Sum256(append(append([]byte{}, source...), filepath.Base(filepath.Dir(libDir))...))
	name := jarPrefix + hex.EncodeToString(sum[:6]) + ".jar"
	jar := filepath.Join(pluginsDir, name)
	if _, err := os.Stat(jar); err == nil {
		return jar, nil
	}
	built := filepath.Join(filepath.Dir(libDir), name)
	if _, err := os.Stat(built); err != nil {
		if err := build(ctx, java, libDir, built); err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(pluginsDir, 0o755); err != nil {
		return "", err
	}
	b, err := os.ReadFile(built)
	if err != nil {
		return "", err
	}
	if err := writeAtomic(jar, b); err != nil {
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(pluginsDir, jarPrefix+"*.jar"))
	for _, o := range old {
		if o != jar {
			os.Remove(o)
		}
	}
	return jar, nil
}

// build compiles the plugin against libDir's jars into the jar at path.
func build(ctx context.Context, java, libDir, path string) error {
	javac, err := findJavac(java)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "batterykg-plugin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "TouchedProcedures.java")
	if err := os.WriteFile(src, source, 0o644); err != nil {
		return err
	}
	classes := filepath.Join(tmp, "classes")
	cmd := exec.CommandContext(ctx, javac, "-nowarn", "-encoding", "UTF-8", "-d", classes,
		"-cp", filepath.Join(libDir, "*"), src)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("compiling the batterykg plugin against %s: %v\n%s", libDir, err, strings.TrimSpace(string(out)))
	}
	b, err := jarOf(classes)
	if err != nil {
		return err
	}
	return writeAtomic(path, b)
}

// findJavac returns the javac of java's JDK, else the one on PATH.
func findJavac(java string) (string, error) {
	if real, err := filepath.EvalSymlinks(java); err == nil {
		if c := filepath.Join(filepath.Dir(real), "javac"); isExecutable(c) {
			return c, nil
		}
	}
	if c, err := exec.LookPath("javac"); err == nil {
		return c, nil
	}
	return "", ErrNoJavac
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

// jarOf returns a jar (a zip with a manifest) of the class files under dir.
func jarOf(dir string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	m, err := zw.Create("META-INF/MANIFEST.MF")
	if err == nil {
		_, err = m.Write([]byte("Manifest-Version: 1.0\r\nCreated-By: batterykg (internal/neo4jplugin)\r\n\r\n"))
	}
	if err == nil {
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			w, err := zw.Create(filepath.ToSlash(rel))
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		})
	}
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return buf.Bytes(), err
}

// writeAtomic writes b to path through a temporary file renamed into place.
func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".batterykg-plugin-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
