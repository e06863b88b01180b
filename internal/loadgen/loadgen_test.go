package loadgen

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestDrive: every client goes round the whole pool, the request budget is kept, errors are
// counted with the first one kept, the extra header is sent, and the percentiles are ordered.
func TestDrive(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req Request
		json.NewDecoder(r.Body).Decode(&req)
		mu.Lock()
		seen[req.Query]++
		mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer k" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if req.Query == "bad" {
			w.Write([]byte(`{"errors":[{"message":"no"}],"data":null}`))
			return
		}
		w.Write([]byte(`{"data":{}}`))
	}))
	defer srv.Close()
	target := NewHTTPTarget(Client(4), srv.URL, []Request{{Query: "a"}, {Query: "b"}, {Query: "bad"}, {Query: "c"}})
	target.Header.Set("Authorization", "Bearer k")

	// One client: round robin, exactly.
	m := Drive(context.Background(), target, 1, time.Minute, 40)
	if m.Requests != 40 || m.Errors != 10 || !strings.Contains(m.FirstErr, `"no"`) {
		t.Fatalf("requests %d, errors %d, first error %q; want 40, 10, the GraphQL error", m.Requests, m.Errors, m.FirstErr)
	}
	for _, q := range []string{"a", "b", "bad", "c"} {
		if seen[q] != 10 {
			t.Errorf("%s sent %d times, want 10: %v", q, seen[q], seen)
		}
	}
	// Four clients share the budget.
	clear(seen)
	m = Drive(context.Background(), target, 4, time.Minute, 40)
	if m.Requests != 40 || len(seen) != 4 {
		t.Errorf("four clients: %d requests, queries sent %v", m.Requests, seen)
	}
	if !(m.P50 <= m.P95 && m.P95 <= m.P99 && m.P99 <= m.Max && m.RPS > 0) {
		t.Errorf("percentiles out of order: %+v", m)
	}
}

// TestMedian takes the run of median throughput and the median of each percentile.
func TestMedian(t *testing.T) {
	runs := []Measurement{
		{RPS: 10, P50: 3, P95: 9, P99: 1, Errors: 1, FirstErr: "x"},
		{RPS: 30, P50: 1, P95: 7, P99: 3},
		{RPS: 20, P50: 2, P95: 8, P99: 2, Requests: 7},
	}
	m := Median(runs)
	if m.RPS != 20 || m.Requests != 7 || m.P50 != 2 || m.P95 != 8 || m.P99 != 2 || m.Errors != 1 || m.FirstErr != "x" {
		t.Fatalf("median %+v", m)
	}
}

// recorder counts the pool items asked of it; each call takes a millisecond.
type recorder struct {
	mu sync.Mutex
	n  map[int]int
}

func (r *recorder) Do(_ context.Context, i int) error {
	time.Sleep(time.Millisecond)
	r.mu.Lock()
	r.n[i]++
	r.mu.Unlock()
	return nil
}

// TestClientsGoRoundThePool: client c starts at item c and takes the next one each time, so
// with as many clients as items each still sends every item (a step of one client count
// would pin each client to one item).
func TestClientsGoRoundThePool(t *testing.T) {
	r := &recorder{n: map[int]int{}}
	Drive(context.Background(), r, 2, time.Minute, 20)
	if r.n[0] != 1 || r.n[1] < 2 {
		t.Fatalf("items asked %v: want 0 once (client 0 only) and 1 from both clients", r.n)
	}
}
