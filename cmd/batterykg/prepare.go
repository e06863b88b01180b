package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

// preparation readies the database in the background while the server already listens:
// each step (wait for Neo4j, apply the migrations, load the seed) runs in order, and a failed
// step is retried after a pause that doubles from first to 30 s, until every step has
// succeeded or ctx ends. Until then /readyz answers 503, so a load balancer sends no traffic
// to a server whose schema (the full-text index, the constraints) is not in place yet.
type preparation struct {
	steps []step
	first time.Duration // first pause after a failure
	log   *slog.Logger
	ping  func(context.Context) error
	// onReady, when set, is called once every step has succeeded, with the time it took.
	onReady func(took time.Duration)
	current atomic.Pointer[string] // the name of the step running
	done    atomic.Bool
}

// step is one named part of the preparation.
type step struct {
	name string
	run  func(context.Context) error
}

// run performs the steps, retrying from the failed one; it returns when all succeeded or ctx
// ended.
func (p *preparation) run(ctx context.Context) {
	start := time.Now()
	pause := p.first
	for i, tried := 0, -1; i < len(p.steps); {
		s := p.steps[i]
		if tried < i {
			p.current.Store(&s.name)
			p.log.Info("preparing the database: " + s.name + "; GraphiQL waits until it is ready")
			tried = i
		}
		err := s.run(ctx)
		if err == nil {
			i++
			continue
		}
		if ctx.Err() != nil {
			return
		}
		p.log.Error("preparing the database: "+s.name+" failed; trying again", "in", pause, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, 30*time.Second)
	}
	p.done.Store(true)
	if p.onReady != nil {
		p.onReady(time.Since(start))
	} else {
		p.log.Info("database ready", "took", time.Since(start).Round(100*time.Millisecond))
	}
}

// Preparing returns the step running ("" once the database is ready): GraphiQL's page says
// it while the server is not ready.
func (p *preparation) Preparing() string {
	if p.done.Load() {
		return ""
	}
	if name := p.current.Load(); name != nil {
		return *name
	}
	return "starting"
}

// Ping is what /readyz asks: not ready while preparing, then whether Neo4j answers.
func (p *preparation) Ping(ctx context.Context) error {
	if !p.done.Load() {
		return kg.Errorf(kg.EUNAVAILABLE, "preparing the database: %s", p.Preparing())
	}
	return p.ping(ctx)
}
