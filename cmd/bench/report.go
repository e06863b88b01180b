package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/loadgen"
)

// report collects a compare run's results.
type report struct {
	Machine  string         `json:"machine"`
	Started  time.Time      `json:"started"`
	Finished time.Time      `json:"finished"`
	Settings map[string]any `json:"settings"`
	// Load is the load average (1, 5, 15 min) at the start of each phase.
	Load       []loadSample `json:"load"`
	SideBySide []*sbsRow    `json:"sideBySide"`
	Scale      []scaleRow   `json:"scale"`
}

type loadSample struct {
	At    time.Time `json:"at"`
	Phase string    `json:"phase"`
	Load  string    `json:"loadavg"`
}

// sbsRow is one operation of the side-by-side comparison.
type sbsRow struct {
	Op                string                   `json:"op"`
	About             string                   `json:"about"`
	OursStatements    float64                  `json:"batterykgStatementsPerRequest"`
	CypherStatements  float64                  `json:"cypherStatementsPerRequest"`
	LibraryStatements float64                  `json:"libraryStatementsPerRequest,omitempty"`
	SameAnswer        bool                     `json:"sameAnswer"`
	AnswerDiff        string                   `json:"answerDiff,omitempty"`
	LibraryError      string                   `json:"libraryError,omitempty"`
	HasLibrary        bool                     `json:"hasLibrary"`
	Runs              map[string][]measurement `json:"runs"`
}

func (r *sbsRow) add(kind string, m measurement) { r.Runs[kind] = append(r.Runs[kind], m) }

func (r *sbsRow) med(kind string) (measurement, bool) {
	runs := r.Runs[kind]
	return loadgen.Median(runs), len(runs) > 0
}

// scaleRow is one relationship query at one graph size.
type scaleRow struct {
	Size   int         `json:"actors"`
	Op     string      `json:"op"`
	About  string      `json:"about"`
	API    measurement `json:"batterykg"`
	Cypher measurement `json:"cypher"`
}

func newReport(f compareFlags) *report {
	r := &report{Machine: machine(), Started: time.Now(), Settings: map[string]any{
		"actors": f.actors, "sizes": f.sizes, "clients": f.clients, "duration": f.duration.String(), "latencyDuration": f.latency.String(),
		"warmup": f.warmup.String(), "rounds": f.rounds, "countRequests": f.countRequests,
		"scaleRequests": f.scaleRequests, "scaleDuration": f.scaleDuration.String(), "scaleWarmup": f.scaleWarmup.String(),
		"neo4jHeap": f.neo4j.heap, "neo4jPageCache": f.neo4j.pageCache, "seed": f.neo4j.gen.seed,
	}}
	r.sample("start")
	return r
}

func (r *report) row(op operation) *sbsRow {
	for _, x := range r.SideBySide {
		if x.Op == op.Name {
			return x
		}
	}
	x := &sbsRow{Op: op.Name, About: op.About, HasLibrary: op.Library != nil, Runs: map[string][]measurement{}}
	r.SideBySide = append(r.SideBySide, x)
	return x
}

// sample records the load average now.
func (r *report) sample(phase string) {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) >= 3 {
		r.Load = append(r.Load, loadSample{At: time.Now(), Phase: phase, Load: strings.Join(f[:3], " ")})
	}
}

// machine describes the CPU and memory.
func machine() string {
	model, mem := "", ""
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "model name"); ok && model == "" {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				var kb float64
				fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
				mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
			}
		}
	}
	return fmt.Sprintf("%d CPUs (%s), %s RAM, %s/%s", runtime.NumCPU(), model, mem, runtime.GOOS, runtime.GOARCH)
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func stmts(x float64) string {
	if x == 0 {
		return "–"
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.2f", x), "0"), ".0")
}

// print writes the results as Markdown tables.
func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "\n## Results\n\nMachine: %s. Run %s – %s (%s).\n", r.Machine,
		r.Started.Format("2006-01-02 15:04"), r.Finished.Format("15:04"), r.Finished.Sub(r.Started).Round(time.Second))
	fmt.Fprintf(w, "Settings: %v.\n\nLoad average (1/5/15 min) by phase:", r.Settings)
	for _, s := range r.Load {
		fmt.Fprintf(w, " %s: %s;", s.Phase, s.Load)
	}
	fmt.Fprintln(w)
	if len(r.SideBySide) > 0 {
		rounds := len(r.SideBySide[0].Runs["batterykg"])
		fmt.Fprintf(w, "\n### batterykg and the Neo4j GraphQL Library (%v actors, %v clients, median of %d runs of %v)\n\n",
			r.Settings["actors"], r.Settings["clients"], rounds, r.Settings["duration"])
		fmt.Fprintln(w, "| operation | batterykg req/s | p50 ms | p99 ms | statements/req | @neo4j/graphql req/s | p50 ms | p99 ms | statements/req | throughput ratio | same answer |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
		for _, x := range r.SideBySide {
			a, _ := x.med("batterykg")
			l, ok := x.med("library")
			lib := "| – | – | – | – | – | –"
			switch {
			case ok:
				same := "yes"
				if !x.SameAnswer {
					same = "no (see JSON)"
				}
				lib = fmt.Sprintf("| %.1f | %.1f | %.1f | %s | %s | %s", l.RPS, ms(l.P50), ms(l.P99), stmts(x.LibraryStatements), ratio(a.RPS, l.RPS), same)
			case x.LibraryError != "":
				lib = "| failed | | | | | " + x.LibraryError
			case !x.HasLibrary:
				lib = "| not expressible | | | | |"
			}
			fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %s %s |\n", x.Op, a.RPS, ms(a.P50), ms(a.P99), stmts(x.OursStatements), lib)
		}
		fmt.Fprintf(w, "\n### batterykg and its own Cypher through the Go driver (median of %d runs)\n\n", rounds)
		fmt.Fprintf(w, "One client (%v per run): latency without queueing. %v clients: as above.\n\n", r.Settings["latencyDuration"], r.Settings["clients"])
		fmt.Fprintln(w, "| operation | 1 client: API p50 ms | Cypher p50 ms | API/Cypher | API p99 ms | Cypher p99 ms | loaded: API req/s | Cypher req/s | API p50 ms | Cypher p50 ms | API/Cypher p50 |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
		for _, x := range r.SideBySide {
			a, _ := x.med("batterykg")
			c, _ := x.med("cypher")
			a1, _ := x.med("batterykg-1")
			c1, _ := x.med("cypher-1")
			fmt.Fprintf(w, "| %s | %.1f | %.1f | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |\n", x.Op,
				ms(a1.P50), ms(c1.P50), ratio(float64(a1.P50), float64(c1.P50)), ms(a1.P99), ms(c1.P99),
				a.RPS, c.RPS, ms(a.P50), ms(c.P50), ratio(float64(a.P50), float64(c.P50)))
		}
		if len(r.SideBySide) > 0 && len(r.SideBySide[0].Runs["batterykg-i"]) > 0 {
			fmt.Fprintf(w, "\n### This build, the Cypher, the baseline build (--baseline) and the HTTP floor (--http-floor), one client, interleaved request by request (median of %d runs)\n\n", rounds)
			fmt.Fprint(w, "The floor: a server in its own process that only answers with as many bytes as this build; Cypher + floor is the least an API behind HTTP could take.\n\n")
			fmt.Fprintln(w, "| operation | this build p50 ms | Cypher p50 ms | this build/Cypher | baseline p50 ms | baseline/Cypher | floor p50 ms | (Cypher + floor)/Cypher | requests each |")
			fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
			for _, x := range r.SideBySide {
				a, _ := x.med("batterykg-i")
				c, _ := x.med("cypher-i")
				b, hasB := x.med("baseline-i")
				fl, hasF := x.med("floor-i")
				base, floor := "– | –", "– | –"
				if hasB {
					base = fmt.Sprintf("%.2f | %s", ms(b.P50), ratio(float64(b.P50), float64(c.P50)))
				}
				if hasF {
					floor = fmt.Sprintf("%.3f | %s", ms(fl.P50), ratio(float64(c.P50+fl.P50), float64(c.P50)))
				}
				fmt.Fprintf(w, "| %s | %.2f | %.2f | %s | %s | %s | %d |\n", x.Op, ms(a.P50), ms(c.P50),
					ratio(float64(a.P50), float64(c.P50)), base, floor, a.Requests)
			}
		}
		fmt.Fprintln(w)
		for _, x := range r.SideBySide {
			fmt.Fprintf(w, "- %s: %s\n", x.Op, x.About)
		}
	}
	if len(r.Scale) > 0 {
		fmt.Fprintf(w, "\n### Relationship queries by graph size (one request at a time)\n\n")
		fmt.Fprintln(w, "| query | actors | API p50 ms | API p95 ms | Cypher p50 ms | Cypher p95 ms | requests (API / Cypher) |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---|")
		rows := slices.Clone(r.Scale)
		slices.SortStableFunc(rows, func(a, b scaleRow) int { return a.Size - b.Size })
		seen := map[string]bool{}
		for _, op := range rows {
			if seen[op.Op] {
				continue
			}
			seen[op.Op] = true
			for _, x := range rows {
				if x.Op == op.Op {
					fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s / %s |\n", x.Op, x.Size, lat(x.API, x.API.P50), lat(x.API, x.API.P95),
						lat(x.Cypher, x.Cypher.P50), lat(x.Cypher, x.Cypher.P95), count(x.API), count(x.Cypher))
				}
			}
		}
		var failures []string
		for _, x := range rows {
			for _, m := range []struct {
				way string
				m   measurement
			}{{"API", x.API}, {"Cypher", x.Cypher}} {
				if m.m.FirstErr != "" {
					failures = append(failures, fmt.Sprintf("%s at %d actors via %s: %.200s", x.Op, x.Size, m.way, m.m.FirstErr))
				}
			}
		}
		if len(failures) > 0 {
			fmt.Fprintf(w, "\nErrors:\n\n")
			for _, f := range failures {
				fmt.Fprintf(w, "- %s\n", f)
			}
		}
		fmt.Fprintln(w)
		seen = map[string]bool{}
		for _, x := range r.Scale {
			if !seen[x.Op] {
				seen[x.Op] = true
				fmt.Fprintf(w, "- %s: %s\n", x.Op, x.About)
			}
		}
	}
}

// lat formats a latency, or says that no request completed.
func lat(m measurement, d time.Duration) string {
	if m.Requests == 0 {
		return fmt.Sprintf("> %s", m.Elapsed.Round(time.Second))
	}
	return fmt.Sprintf("%.1f", ms(d))
}

// count gives the requests measured, with the failed ones.
func count(m measurement) string {
	if m.Errors > 0 {
		return fmt.Sprintf("%d (%d failed)", m.Requests, m.Errors)
	}
	return fmt.Sprint(m.Requests)
}
