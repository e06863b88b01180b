package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

// TestPreparationRetriesAndGatesReadiness: a failing step is retried (and the steps before it
// are not run again), and the server reports ready only once every step has succeeded.
func TestPreparationRetriesAndGatesReadiness(t *testing.T) {
	var runs [2]int
	release := make(chan struct{})
	p := &preparation{
		first: time.Millisecond,
		log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		ping:  func(context.Context) error { return nil },
		steps: []step{
			{"migrations", func(context.Context) error { runs[0]++; return nil }},
			{"seed", func(context.Context) error {
				runs[1]++
				if runs[1] < 3 {
					return errors.New("Neo4j busy")
				}
				<-release
				return nil
			}},
		},
	}
	finished := make(chan struct{})
	go func() { p.run(context.Background()); close(finished) }()
	if err := p.Ping(context.Background()); kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Fatalf("ready while preparing: %v", err)
	}
	close(release)
	<-finished
	if err := p.Ping(context.Background()); err != nil {
		t.Fatalf("not ready after preparing: %v", err)
	}
	if runs != [2]int{1, 3} {
		t.Errorf("step runs = %v, want migrations once and the seed three times", runs)
	}
}

// TestPreparationStopsWithTheServer: a step that keeps failing is retried until the server
// stops, and the server never reports ready.
func TestPreparationStopsWithTheServer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tries := 0
	p := &preparation{
		first: time.Millisecond,
		log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		ping:  func(context.Context) error { return nil },
		steps: []step{{"migrations", func(context.Context) error {
			if tries++; tries == 5 {
				cancel()
			}
			return errors.New("refused")
		}}},
	}
	p.run(ctx)
	if tries != 5 || p.Ping(context.Background()) == nil {
		t.Fatalf("tries %d, ready %v", tries, p.Ping(context.Background()) == nil)
	}
}
