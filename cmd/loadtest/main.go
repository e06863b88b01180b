// Command loadtest sends GraphQL operations to a batterykg server from many concurrent
// clients for a while and reports requests per second, latency percentiles and errors.
//
//	go run ./cmd/loadtest -url http://127.0.0.1:8080/graphql -c 50 -d 30s
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/batterykg/batterykg/internal/loadgen"
)

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

func run(url string, clients int, dur time.Duration, token string) error {
	pool := loadgen.SeedOperations()
	t := loadgen.NewHTTPTarget(loadgen.Client(clients), url, pool)
	if token != "" {
		t.Header.Set("Authorization", "Bearer "+token)
	}
	m := loadgen.Drive(context.Background(), t, clients, dur, 0)
	if m.Requests == 0 {
		return fmt.Errorf("no request completed")
	}
	fmt.Printf("%d clients, %s: %d requests, %.1f req/s, p50 %s, p95 %s, p99 %s, max %s, errors %d\n",
		clients, m.Elapsed.Round(time.Millisecond), m.Requests, m.RPS,
		m.P50.Round(100*time.Microsecond), m.P95.Round(100*time.Microsecond), m.P99.Round(100*time.Microsecond),
		m.Max.Round(time.Millisecond), m.Errors)
	if m.Errors > 0 {
		return fmt.Errorf("%d requests failed; the first: %s", m.Errors, m.FirstErr)
	}
	return nil
}
