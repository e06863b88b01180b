// Package loadgen sends requests to a target from concurrent clients and measures
// throughput and latency percentiles. `cmd/loadtest` drives a running server with it, and
// `cmd/bench` the contenders of its comparison.
package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Target answers request i of a pool, one way or another.
type Target interface {
	Do(ctx context.Context, i int) error
}

// Request is one GraphQL request of a pool.
type Request struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// HTTPTarget posts the requests of a pool to a GraphQL endpoint, round robin.
type HTTPTarget struct {
	url    string
	client *http.Client
	bodies [][]byte
	// Header is added to every request (an Authorization header, say).
	Header http.Header
}

// NewHTTPTarget returns the target posting pool to url.
func NewHTTPTarget(client *http.Client, url string, pool []Request) *HTTPTarget {
	t := &HTTPTarget{url: url, client: client, Header: http.Header{}}
	for _, r := range pool {
		b, _ := json.Marshal(r)
		t.bodies = append(t.bodies, b)
	}
	return t
}

// Client is an HTTP client that keeps a connection per concurrent client alive.
func Client(clients int) *http.Client {
	return &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{
		MaxIdleConns: 2 * clients, MaxIdleConnsPerHost: 2 * clients, IdleConnTimeout: time.Minute}}
}

// Do posts request i; an answer other than 200 without errors is an error.
func (t *HTTPTarget) Do(ctx context.Context, i int) error {
	_, err := t.Fetch(ctx, i)
	return err
}

// Fetch posts request i and returns the response body; a GraphQL error is an error.
func (t *HTTPTarget) Fetch(ctx context.Context, i int) ([]byte, error) {
	status, _, body, err := t.Post(ctx, i)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) {
		return nil, fmt.Errorf("HTTP %d: %.300s", status, body)
	}
	return body, nil
}

// Post posts request i and returns the response as it is, GraphQL errors included.
func (t *HTTPTarget) Post(ctx context.Context, i int) (status int, header http.Header, body []byte, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(t.bodies[i%len(t.bodies)]))
	if err != nil {
		return 0, nil, nil, err
	}
	for k, v := range t.Header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header, body, err
}

// Measurement is the outcome of driving a target.
type Measurement struct {
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	Elapsed  time.Duration `json:"elapsed"`
	RPS      float64       `json:"rps"`
	P50      time.Duration `json:"p50"`
	P95      time.Duration `json:"p95"`
	P99      time.Duration `json:"p99"`
	Max      time.Duration `json:"max"`
	FirstErr string        `json:"firstError,omitempty"`
}

// Drive sends requests to t from clients goroutines until dur has passed or maxRequests
// (when positive) have been sent, and measures latency and throughput. Client c starts at
// pool item c and goes round the pool. A request cut off by the end of the run is not
// counted.
func Drive(ctx context.Context, t Target, clients int, dur time.Duration, maxRequests int) Measurement {
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var mu sync.Mutex
	var lat []time.Duration
	var m Measurement
	var sent int
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			errs, firstErr := 0, ""
			for i := c; ; i++ {
				mu.Lock()
				if maxRequests > 0 && sent >= maxRequests {
					mu.Unlock()
					break
				}
				sent++
				mu.Unlock()
				if ctx.Err() != nil {
					break
				}
				t0 := time.Now()
				err := t.Do(ctx, i)
				took := time.Since(t0)
				if err != nil && ctx.Err() != nil {
					break // cut off by the end of the run
				}
				mine = append(mine, took)
				if err != nil {
					errs++
					if firstErr == "" {
						firstErr = err.Error()
					}
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			m.Errors += errs
			if m.FirstErr == "" {
				m.FirstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	m.Elapsed = time.Since(start)
	m.Requests = len(lat)
	if len(lat) == 0 {
		return m
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	m.RPS = float64(len(lat)) / m.Elapsed.Seconds()
	m.P50, m.P95, m.P99, m.Max = pct(0.50), pct(0.95), pct(0.99), lat[len(lat)-1]
	return m
}

// Median returns the run of median throughput among runs, with the median of each latency
// percentile (so one slow run does not decide any column) and the errors of all runs.
func Median(runs []Measurement) Measurement {
	if len(runs) == 0 {
		return Measurement{}
	}
	med := func(get func(m Measurement) time.Duration) time.Duration {
		v := make([]time.Duration, len(runs))
		for i, r := range runs {
			v[i] = get(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	byRPS := slices.Clone(runs)
	slices.SortFunc(byRPS, func(a, b Measurement) int {
		switch {
		case a.RPS < b.RPS:
			return -1
		case a.RPS > b.RPS:
			return 1
		}
		return 0
	})
	m := byRPS[len(byRPS)/2]
	m.P50 = med(func(m Measurement) time.Duration { return m.P50 })
	m.P95 = med(func(m Measurement) time.Duration { return m.P95 })
	m.P99 = med(func(m Measurement) time.Duration { return m.P99 })
	m.Errors = 0
	for _, r := range runs {
		m.Errors += r.Errors
		if m.FirstErr == "" {
			m.FirstErr = r.FirstErr
		}
	}
	return m
}

// seedOperations are representative dashboard and researcher queries over the seed graph
// (data/seed).
var seedOperations = []string{
	`query ActorsPage { actors(filter: {region: [WAL]}, first: 20) { totalCount edges { node { id name kind stages { code } } } pageInfo { hasNextPage endCursor } } }`,
	`query Nested { actors(first: 10, orderBy: [{field: PROJECT_COUNT, direction: DESC}]) { edges { node { name projects(first: 5) { edges { role project { name participants(first: 10) { totalCount edges { role actor { name } } } } } } } } } }`,
	`query Stats { actorStats { total byKind { key count } byRegion { key count } byStage { key count } } fundingTotals { byProgramme { key amount currency undisclosed } } }`,
	`query Project { project(id: "batfactory") { name totalInvestment participants { totalCount edges { role actor { name } } } funders { edges { amount programme { name } } } } }`,
	`query Search { search(text: "recycling", first: 10) { score node { id } } }`,
}

// SeedOperations returns a pool of representative dashboard and researcher queries over the
// seed graph (data/seed): the load test's, and the fault benchmark's.
func SeedOperations() []Request {
	pool := make([]Request, len(seedOperations))
	for i, op := range seedOperations {
		pool[i] = Request{Query: op}
	}
	return pool
}
