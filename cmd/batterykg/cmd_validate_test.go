package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

func TestValidateCommand(t *testing.T) {
	vxLoad(t, "../../data/seed")
	conn := vxConnArgs(t)
	ctx := context.Background()

	var out bytes.Buffer
	if err := validateCmd(ctx, conn, &out, io.Discard); err != nil {
		t.Fatalf("the seed fails validate: %v\n%s", err, out.String())
	}
	table := out.String()
	for _, want := range []string{`^STATUS\s+CHECK\s+SEVERITY\s+COUNT$`, `^ok\s+node-without-sources\s+error\s+0$`,
		`^warn\s+actor-without-stage\s+warning\s+[1-9]`, `: passed$`} {
		if !regexp.MustCompile("(?m)" + want).MatchString(table) {
			t.Errorf("table has no %q:\n%s", want, table)
		}
	}

	// The seed has warnings: --strict fails.
	out.Reset()
	err := validateCmd(ctx, append(conn, "--strict"), &out, io.Discard)
	var vf *validationFailedError
	if !errors.As(err, &vf) || !vf.Strict {
		t.Errorf("validate --strict on the seed: %v", err)
	}

	// Break the graph: a FUNDS from a Topic and a node without sources.
	neo4jtest.Run(t, `MATCH (t:Topic {id: 'topic-smart-battery-disassembly'}), (p:Project {id: 'batfactory'})
		CREATE (t)-[:FUNDS {sources: ['brochure#introduction'], confidence: 'SOURCED'}]->(p)`, nil)
	neo4jtest.Run(t, `MATCH (n:Actor {id: 'uliege'}) REMOVE n.sources`, nil)
	out.Reset()
	err = validateCmd(ctx, conn, &out, io.Discard)
	if !errors.As(err, &vf) || vf.Strict || strings.Join(vf.Checks, ",") != "node-without-sources,relationship-outside-model" {
		t.Fatalf("validate on a broken graph: %v", err)
	}
	for _, want := range []string{`^FAIL\s+relationship-outside-model\s+error\s+1$`, `^  Topic topic-smart-battery-disassembly -\[:FUNDS\]-> Project batfactory$`,
		`^FAIL\s+node-without-sources\s+error\s+1$`, `^  uliege$`, `: FAILED$`} {
		if !regexp.MustCompile("(?m)" + want).MatchString(out.String()) {
			t.Errorf("table has no %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	err = validateCmd(ctx, append(conn, "--json", "--examples", "2"), &out, io.Discard)
	if !errors.As(err, &vf) {
		t.Fatalf("validate --json on a broken graph: %v", err)
	}
	var rep struct {
		Passed, Strict   bool
		Errors, Warnings int
		Checks           []struct {
			Name, Severity string
			Count          int
			Examples       []string
			Passed         bool
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out.String())
	}
	if rep.Passed || rep.Errors != 2 || rep.Warnings == 0 {
		t.Errorf("--json summary: %+v", rep)
	}
	for _, c := range rep.Checks {
		if len(c.Examples) > 2 {
			t.Errorf("%s: %d examples with --examples 2", c.Name, len(c.Examples))
		}
		if c.Name == "relationship-outside-model" && (c.Passed || c.Count != 1 || c.Severity != "error") {
			t.Errorf("--json: %+v", c)
		}
	}

	// --checks runs only the checks named.
	out.Reset()
	if err := validateCmd(ctx, append(conn, "--checks", "duplicate-name,actor-kind"), &out, io.Discard); err != nil {
		t.Errorf("validate --checks: %v", err)
	}
	if strings.Contains(out.String(), "node-without-sources") || !strings.Contains(out.String(), "2 checks:") {
		t.Errorf("--checks ran other checks:\n%s", out.String())
	}
	if err := validateCmd(ctx, append(conn, "--checks", "nope"), io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("--checks nope: %v", err)
	}
	neo4jtest.Wipe(t)
}
