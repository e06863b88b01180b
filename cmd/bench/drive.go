package main

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

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// target answers request i of an operation's pool, one way or another.
type target interface {
	do(ctx context.Context, i int) error
}

// request is one GraphQL request of a pool.
type request struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// httpTarget posts the pool's requests to a GraphQL endpoint.
type httpTarget struct {
	url    string
	client *http.Client
	bodies [][]byte
}

func newHTTPTarget(client *http.Client, url string, pool []request) *httpTarget {
	t := &httpTarget{url: url, client: client}
	for _, r := range pool {
		b, _ := json.Marshal(r)
		t.bodies = append(t.bodies, b)
	}
	return t
}

func (t *httpTarget) do(ctx context.Context, i int) error {
	_, err := t.fetch(ctx, i)
	return err
}

// fetch posts request i and returns the response body; a GraphQL error is an error.
func (t *httpTarget) fetch(ctx context.Context, i int) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(t.bodies[i%len(t.bodies)]))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) {
		return nil, fmt.Errorf("HTTP %d: %.300s", resp.StatusCode, body)
	}
	return body, nil
}

// cypherTarget runs the statements batterykg compiles for each request of the pool straight
// through the Go driver, the way the store runs them (a session per statement, a managed
// read transaction with the store's default 10 s timeout, all records collected), without
// GraphQL, HTTP or decoding.
type cypherTarget struct {
	driver     neo4j.DriverWithContext
	db         string
	statements [][]neo4jstore.Statement
}

// queryTimeout is the transaction timeout of cypherTarget: the store's default (a query cut
// off by the client must not go on running in Neo4j and slow down the next measurement).
const queryTimeout = 10 * time.Second

func (t *cypherTarget) do(ctx context.Context, i int) error {
	for _, st := range t.statements[i%len(t.statements)] {
		sess := t.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: t.db, AccessMode: neo4j.AccessModeRead})
		_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, st.Cypher, st.Params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		}, neo4j.WithTxTimeout(queryTimeout))
		sess.Close(ctx)
		if err != nil {
			return err
		}
	}
	return nil
}

// measurement is the outcome of driving a target.
type measurement struct {
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

// drive sends requests to t from clients goroutines until dur has passed or maxRequests
// (when positive) have been sent, and measures latency and throughput. Client c starts at
// pool item c and goes round the pool.
func drive(ctx context.Context, t target, clients int, dur time.Duration, maxRequests int) measurement {
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var mu sync.Mutex
	var lat []time.Duration
	var m measurement
	var sent int
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			errs, firstErr := 0, ""
			for i := c; ; i += clients {
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
				err := t.do(ctx, i)
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

// median returns the run of median throughput among runs, with the median of each latency
// percentile (so one slow run does not decide any column) and the errors of all runs.
func median(runs []measurement) measurement {
	if len(runs) == 0 {
		return measurement{}
	}
	med := func(get func(m measurement) time.Duration) time.Duration {
		v := make([]time.Duration, len(runs))
		for i, r := range runs {
			v[i] = get(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	byRPS := slices.Clone(runs)
	slices.SortFunc(byRPS, func(a, b measurement) int {
		switch {
		case a.RPS < b.RPS:
			return -1
		case a.RPS > b.RPS:
			return 1
		}
		return 0
	})
	m := byRPS[len(byRPS)/2]
	m.P50 = med(func(m measurement) time.Duration { return m.P50 })
	m.P95 = med(func(m measurement) time.Duration { return m.P95 })
	m.P99 = med(func(m measurement) time.Duration { return m.P99 })
	m.Errors = 0
	for _, r := range runs {
		m.Errors += r.Errors
		if m.FirstErr == "" {
			m.FirstErr = r.FirstErr
		}
	}
	return m
}
