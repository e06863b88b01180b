// Command testreport reads `go test -json` on stdin and prints a short report: the output of
// failed tests, a line per package, how many tests ran against Neo4j (they log
// neo4jtest.Marker), and a closing "N passed, N failed, N skipped" line. It exits non-zero
// when a test or a package build failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

type pkgResult struct {
	passed, failed, skipped, integration int
	elapsed                              float64
	status                               string
	output                               []string // package-level output (build errors)
}

func main() {
	os.Exit(report(os.Stdin, os.Stdout))
}

func report(in io.Reader, out io.Writer) int {
	pkgs := map[string]*pkgResult{}
	testOut := map[string][]string{}
	integration := map[string]bool{}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			fmt.Fprintln(out, string(line)) // not JSON: a build error printed by go itself
			continue
		}
		p := pkgs[e.Package]
		if p == nil {
			p = &pkgResult{}
			pkgs[e.Package] = p
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			if e.Test == "" {
				p.output = append(p.output, e.Output)
				continue
			}
			testOut[key] = append(testOut[key], e.Output)
			if strings.Contains(e.Output, neo4jtest.Marker) && !integration[key] && !strings.Contains(e.Test, "/") {
				integration[key] = true
				p.integration++
			}
		case "pass", "fail", "skip":
			if e.Test == "" {
				p.status, p.elapsed = e.Action, e.Elapsed
				continue
			}
			if strings.Contains(e.Test, "/") {
				continue // subtests count through their parent, which fails with them
			}
			switch e.Action {
			case "pass":
				p.passed++
			case "fail":
				p.failed++
				fmt.Fprintf(out, "--- FAIL: %s %s\n%s", e.Package, e.Test, strings.Join(testOut[key], ""))
			case "skip":
				p.skipped++
			}
		}
	}
	names := make([]string, 0, len(pkgs))
	for n := range pkgs {
		names = append(names, n)
	}
	sort.Strings(names)
	var passed, failed, skipped, integ, badPkgs int
	var elapsed float64
	for _, n := range names {
		p := pkgs[n]
		passed, failed, skipped, integ = passed+p.passed, failed+p.failed, skipped+p.skipped, integ+p.integration
		elapsed += p.elapsed
		if p.status == "fail" && p.failed == 0 {
			badPkgs++
			fmt.Fprintf(out, "--- FAIL: %s (package)\n%s", n, strings.Join(p.output, ""))
		}
		if p.passed+p.failed+p.skipped == 0 && p.status != "fail" {
			continue
		}
		fmt.Fprintf(out, "%-4s %-55s %3d passed %2d failed %2d skipped %3d integration %6.1fs\n",
			strings.ToUpper(p.status), n, p.passed, p.failed, p.skipped, p.integration, p.elapsed)
	}
	fmt.Fprintf(out, "integration tests against Neo4j: %d (of %d tests); packages took %s\n", integ, passed+failed+skipped,
		(time.Duration(elapsed * float64(time.Second))).Round(time.Second))
	fmt.Fprintf(out, "%d passed, %d failed, %d skipped\n", passed, failed+badPkgs, skipped)
	if failed > 0 || badPkgs > 0 {
		return 1
	}
	return 0
}
