package main

import (
	"context"
	"os/exec"
	"slices"
	"time"

	"github.com/batterykg/batterykg/internal/loadgen"
)

// startBaseline starts the batterykg server of another build of this benchmark (bin, the
// `compare --baseline` flag: an earlier commit, say), so that both servers are measured in
// one run on the same Neo4j.
func startBaseline(ctx context.Context, bin, uri, password string) (*child, error) {
	return startChild(ctx, "baseline", exec.Command(bin, "serve", "--uri", uri, "--password", password))
}

// interleaved sends one request at a time to each target in turn, the order rotating every
// cycle, for dur or maxRounds cycles (when positive): whatever else loads the machine, and
// however warm Neo4j's JVM is, falls on every target alike, which back-to-back runs cannot
// promise. It returns each target's latencies.
func interleaved(ctx context.Context, targets []loadgen.Target, dur time.Duration, maxRounds int) []measurement {
	lat := make([][]time.Duration, len(targets))
	out := make([]measurement, len(targets))
	start := time.Now()
	for i := 0; time.Since(start) < dur && ctx.Err() == nil && (maxRounds <= 0 || i < maxRounds); i++ {
		for k := range targets {
			j := (k + i) % len(targets)
			t0 := time.Now()
			err := targets[j].Do(ctx, i)
			took := time.Since(t0)
			if err != nil && ctx.Err() != nil {
				break
			}
			lat[j] = append(lat[j], took)
			if err != nil {
				out[j].Errors++
				if out[j].FirstErr == "" {
					out[j].FirstErr = err.Error()
				}
			}
		}
	}
	for j, l := range lat {
		m := &out[j]
		m.Elapsed = time.Since(start)
		m.Requests = len(l)
		if len(l) == 0 {
			continue
		}
		slices.Sort(l)
		pct := func(p float64) time.Duration { return l[min(len(l)-1, int(p*float64(len(l))))] }
		m.RPS = float64(len(l)) / m.Elapsed.Seconds()
		m.P50, m.P95, m.P99, m.Max = pct(0.50), pct(0.95), pct(0.99), l[len(l)-1]
	}
	return out
}
