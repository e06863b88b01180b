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
	"os/exec"
	"strconv"
	"time"

	"github.com/batterykg/batterykg/internal/loadgen"
)

// floorMaxBytes is the largest answer the floor server writes.
const floorMaxBytes = 8 << 20

// runFloor is the HTTP floor `compare --http-floor` measures beside batterykg: a Go HTTP
// server in a process of its own that reads each request and answers it with `bytes` bytes
// of JSON, and does nothing else. A request to it costs what a request to any server behind
// HTTP costs at least (the hop between two processes, the wake-ups, reading and writing the
// bytes), so its p50 added to the Cypher's is the least the API could take.
func runFloor(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("floor", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return serveChild(ctx, &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: floorHandler()}, *addr, "")
}

// floorHandler reads the request and answers with a JSON object of `bytes` bytes.
func floorHandler() http.Handler {
	pad := bytes.Repeat([]byte(" "), floorMaxBytes)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		n, err := strconv.Atoi(r.URL.Query().Get("bytes"))
		if err != nil || n < 2 || n > floorMaxBytes {
			http.Error(w, "bytes: 2 to 8 MiB", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("{"))
		w.Write(pad[:n-2])
		w.Write([]byte("}"))
	})
}

// startFloor starts the floor server (this binary's floor command).
func startFloor(ctx context.Context) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return startChild(ctx, "HTTP floor", exec.Command(self, "floor"))
}

// floorTarget posts the requests of an operation's pool to the floor server, each asking for
// as many bytes as batterykg answered it with.
type floorTarget struct {
	client *http.Client
	urls   []string // one per request of the pool
	bodies [][]byte
}

// newFloorTarget asks api for each request of pool once and returns the floor target that
// answers each with the same number of bytes.
func newFloorTarget(ctx context.Context, client *http.Client, floorURL string, api *loadgen.HTTPTarget, pool []request) (*floorTarget, error) {
	t := &floorTarget{client: client}
	for i, r := range pool {
		answer, err := api.Fetch(ctx, i)
		if err != nil {
			return nil, err
		}
		body, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		t.bodies = append(t.bodies, body)
		t.urls = append(t.urls, fmt.Sprintf("%s?bytes=%d", floorURL, max(2, len(answer))))
	}
	return t, nil
}

func (t *floorTarget) Do(ctx context.Context, i int) error {
	k := i % len(t.urls)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.urls[k], bytes.NewReader(t.bodies[k]))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("HTTP floor: HTTP %d", resp.StatusCode)
	}
	return err
}
