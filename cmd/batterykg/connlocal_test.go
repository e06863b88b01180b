package main

import (
	"context"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// A wrong password makes import, validate and export say which variable or flag to set,
// not "INTERNAL: internal error".
func TestToolsExplainAuthFailure(t *testing.T) {
	_, cfg := neo4jtest.Driver(t)
	for _, run := range []struct {
		name string
		run  func(ctx context.Context, args []string) error
	}{
		{"import", runImport}, {"validate", runValidate}, {"export", runExport},
	} {
		args := []string{"--uri", cfg.URI, "--user", cfg.User, "--password", "not-" + cfg.Password}
		if run.name == "import" {
			args = append(args, "../../data/seed")
		}
		err := run.run(context.Background(), args)
		if err == nil || !strings.Contains(err.Error(), run.name+": Neo4j at "+cfg.URI+" refused user \"neo4j\": the password was refused. Set NEO4J_PASSWORD (or --password)") ||
			strings.Contains(err.Error(), "INTERNAL") {
			t.Errorf("%s with a wrong password: %v", run.name, err)
		}
	}
	err := runValidate(context.Background(), []string{"--uri", "bolt://127.0.0.1:1", "--password", "x"})
	if err == nil || !strings.Contains(err.Error(), "cannot reach Neo4j at bolt://127.0.0.1:1") || !strings.Contains(err.Error(), "make run") {
		t.Errorf("validate with no Neo4j: %v", err)
	}
}

// Without NEO4J_PASSWORD the tools use the password `make run` gives the local Neo4j.
func TestToolsDefaultToTheDevPassword(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "")
	var c connFlags
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c.registerTool(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	// envOr treats an empty variable as unset.
	if c.password != devPassword {
		t.Errorf("password %q, want %q", c.password, devPassword)
	}
	t.Setenv("NEO4J_PASSWORD", "mine")
	c = connFlags{}
	fs = flag.NewFlagSet("x", flag.ContinueOnError)
	c.registerTool(fs)
	if err := fs.Parse([]string{}); err != nil || c.password != "mine" {
		t.Errorf("password %q (%v), want mine", c.password, err)
	}
}

// The tools' statements read the whole graph: their time limit is not a request's, and
// --query-timeout still sets it.
func TestToolsQueryTimeout(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want time.Duration
	}{{nil, toolQueryTimeout}, {[]string{"--query-timeout", "30s"}, 30 * time.Second}} {
		var c connFlags
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		c.registerTool(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if c.timeout != tc.want || c.config().QueryTimeout != tc.want {
			t.Errorf("%v: timeout %v, want %v", tc.args, c.timeout, tc.want)
		}
	}
	var serve connFlags
	serve.register(flag.NewFlagSet("serve", flag.ContinueOnError))
	if serve.timeout != 10*time.Second {
		t.Errorf("serve's query timeout %v, want 10s", serve.timeout)
	}
}
