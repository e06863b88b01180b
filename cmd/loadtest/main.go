// Command loadtest sends GraphQL operations to a batterykg server from many concurrent
// clients for a while and reports requests per second, latency percentiles and errors.
//
//	go run ./cmd/loadtest -url http://127.0.0.1:8080/graphql -c 50 -d 30s
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"
)

// operations are representative dashboard and researcher queries over the seed graph.
var operations = []string{
	`query ActorsPage { actors(filter: {region: [WAL]}, first: 20) { totalCount edges { node { id name kind stages { code } } } pageInfo { hasNextPage endCursor } } }`,
	`query Nested { actors(first: 10, orderBy: [{field: PROJECT_COUNT, direction: DESC}]) { edges { node { name projects(first: 5) { edges { role project { name participants(first: 10) { totalCount edges { role actor { name } } } } } } } } } }`,
	`query Stats { actorStats { total byKind { key count } byRegion { key count } byStage { key count } } fundingTotals { byProgramme { key amount currency undisclosed } } }`,
	`query Project { project(id: "batfactory") { name totalInvestment participants { totalCount edges { role actor { name } } } funders { edges { amount programme { name } } } } }`,
	`query Search { search(text: "recycling", first: 10) { score node { id } } }`,
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint")
	clients := flag.Int("c", 50, "concurrent clients")
	dur := flag.Duration("d", 30*time.Second, "how long to send")
	token := flag.String("token", "", "bearer token, if reads need one")
	flag.Parse()
	if err := run(*url, *clients, *dur, *token); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type result struct {
	took time.Duration
	err  bool
}

func run(url string, clients int, dur time.Duration, token string) error {
	bodies := make([][]byte, len(operations))
	for i, op := range operations {
		bodies[i], _ = json.Marshal(map[string]string{"query": op})
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	results := make([][]result, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(bodies[i%len(bodies)]))
				req.Header.Set("Content-Type", "application/json")
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				t0 := time.Now()
				resp, err := hc.Do(req)
				failed := err != nil
				if err == nil {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					failed = resp.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`))
				}
				if ctx.Err() != nil && err != nil {
					break // cut off by the end of the run
				}
				results[c] = append(results[c], result{time.Since(t0), failed})
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var lat []time.Duration
	errors := 0
	for _, rs := range results {
		for _, r := range rs {
			lat = append(lat, r.took)
			if r.err {
				errors++
			}
		}
	}
	if len(lat) == 0 {
		return fmt.Errorf("no request completed")
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	fmt.Printf("%d clients, %s: %d requests, %.1f req/s, p50 %s, p95 %s, p99 %s, max %s, errors %d\n",
		clients, elapsed.Round(time.Millisecond), len(lat), float64(len(lat))/elapsed.Seconds(),
		pct(.50).Round(100*time.Microsecond), pct(.95).Round(100*time.Microsecond), pct(.99).Round(100*time.Microsecond),
		lat[len(lat)-1].Round(time.Millisecond), errors)
	if errors > 0 {
		return fmt.Errorf("%d requests failed", errors)
	}
	return nil
}
