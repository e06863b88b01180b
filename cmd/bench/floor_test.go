package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"

	"github.com/batterykg/batterykg/internal/loadgen"
)

// TestFloorAnswersAsManyBytes: the floor target asks batterykg once per request of the pool
// and then gets answers of the same sizes from the floor server.
func TestFloorAnswersAsManyBytes(t *testing.T) {
	answers := []string{`{"data":{"a":1}}`, `{"data":{"actors":{"totalCount":1234,"edges":[]}}}`}
	var (
		mu  sync.Mutex // the floor server's handler appends, the test reads
		got []int
	)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req request
		json.NewDecoder(r.Body).Decode(&req)
		w.Write([]byte(answers[len(req.Query)%2]))
	}))
	defer api.Close()
	floor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		floorHandler().ServeHTTP(rec, r)
		if rec.Code == http.StatusOK {
			mu.Lock()
			got = append(got, rec.Body.Len())
			mu.Unlock()
		}
		if rec.Code == http.StatusOK && !json.Valid(rec.Body.Bytes()) {
			t.Errorf("not JSON: %q", rec.Body.String())
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	defer floor.Close()
	pool := []request{{Query: "{ b }"}, {Query: "{ ab }"}} // answered answers[1], answers[0]
	client := loadgen.Client(1)
	ft, err := newFloorTarget(context.Background(), client, floor.URL, loadgen.NewHTTPTarget(client, api.URL, pool), pool)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if err := ft.Do(context.Background(), i); err != nil {
			t.Fatal(err)
		}
	}
	want := []int{len(answers[1]), len(answers[0]), len(answers[1]), len(answers[0])}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(got, want) {
		t.Fatalf("floor answered %v bytes, want %v", got, want)
	}
	resp, err := http.Get(floor.URL + "?bytes=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bytes=1: HTTP %d, want 400", resp.StatusCode)
	}
}
