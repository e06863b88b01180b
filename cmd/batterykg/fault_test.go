package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/faultproxy"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// proxiedServe serves through a fault proxy in front of the test Neo4j, with the schema
// already in place, an admin key, the given statement time limit and any further serve flags.
func proxiedServe(t *testing.T, queryTimeout, requestTimeout time.Duration, flags ...string) (url, key string, proxy *faultproxy.Proxy) {
	t.Helper()
	c, proxy := neo4jtest.Proxied(t)
	key = "fault-test-admin-key-0123456789ab"
	keys := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(keys, []byte("admin admin "+auth.HashKey(key)+"\n"), 0o600)
	args := []string{"--uri", c.URI, "--password", c.Password, "--user", c.User, "--database", c.Database,
		"--migrate=false", "--api-keys", keys, "--query-timeout", queryTimeout.String(), "--request-timeout", requestTimeout.String()}
	url, _ = serve(t, append(args, flags...)...)
	waitReady(t, url, time.Minute)
	return url, key, proxy
}

// TestInFlightWhenNeo4jLeaves: reads and a write waiting on Neo4j when its connections are
// cut end with UNAVAILABLE long before their deadline, the write saying it was not applied;
// requests sent meanwhile answer UNAVAILABLE at once with Retry-After; once Neo4j answers
// again the server serves without a restart.
func TestInFlightWhenNeo4jLeaves(t *testing.T) {
	const queryTimeout = 30 * time.Second
	url, key, proxy := proxiedServe(t, queryTimeout, 40*time.Second)
	proxy.SetDelay(time.Minute) // every answer held back: the requests below wait on Neo4j
	var wg sync.WaitGroup
	answers := make([]answer, 5)
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 0 { // a write that cannot change anything: the node does not exist
				answers[i] = gql(url, key, `mutation { deleteNode(id: "no-such-node-in-flight") { deleted } }`)
				return
			}
			answers[i] = gql(url, "", `{ stages { code } }`)
		}()
	}
	time.Sleep(time.Second)
	proxy.Cut()
	wg.Wait()
	for i, a := range answers {
		// Cut after 1 s; the driver alone would retry for 5 s more (MaxTransactionRetryTime).
		if a.code != "UNAVAILABLE" || a.took > 4*time.Second {
			t.Errorf("request %d in flight: %s %q after %s; want UNAVAILABLE soon after the cut, well before the %s deadline", i, a.code, a.message, a.took, queryTimeout)
		}
		if a.retryAfter == "" {
			t.Errorf("request %d in flight: no Retry-After", i)
		}
	}
	if !strings.HasSuffix(answers[0].message, "the change was not applied") {
		t.Errorf("write in flight answered %q: want it to say it was not applied", answers[0].message)
	}
	a := gql(url, "", `{ stages { code } }`)
	t.Logf("in flight when cut: %s, %s … %s", answers[0].took, answers[1].took, answers[4].took)
	if a.code != "UNAVAILABLE" || a.retryAfter == "" || a.took > 2*time.Second {
		t.Errorf("read while Neo4j is gone: %s %q, Retry-After %q, after %s", a.code, a.message, a.retryAfter, a.took)
	}
	if r, err := http.Get(url + "/readyz"); err != nil || r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz while Neo4j is gone: %v %v", r, err)
	}

	proxy.SetDelay(0)
	proxy.Restore()
	deadline := time.Now().Add(15 * time.Second)
	for a = gql(url, "", `{ stages { code } }`); a.code != "" && time.Now().Before(deadline); a = gql(url, "", `{ stages { code } }`) {
		time.Sleep(50 * time.Millisecond)
	}
	if a.code != "" || !strings.Contains(a.body, "stages") {
		t.Errorf("after Neo4j is back: %s %q", a.code, a.message)
	}
}

// TestSlowNeo4j: with every answer of Neo4j delayed past the statements' time limit, more
// requests than the driver's pool holds each end at their deadline with UNAVAILABLE (a slow
// Neo4j is not taken for a gone one), a request that needs no Neo4j is answered meanwhile,
// and once Neo4j is fast again the pool serves at once.
func TestSlowNeo4j(t *testing.T) {
	const queryTimeout, requestTimeout = 2 * time.Second, 4 * time.Second
	// 60 callers are played from one address: the per-caller limits, which would refuse most
	// of them at once, are off so that the pool itself is what the test exercises.
	url, _, proxy := proxiedServe(t, queryTimeout, requestTimeout, "--no-caller-limits")
	proxy.SetDelay(3 * time.Second)
	var wg sync.WaitGroup
	answers := make([]answer, 60) // the driver's pool holds 50 connections
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = gql(url, "", `{ stages { code } }`)
		}()
	}
	time.Sleep(500 * time.Millisecond)
	if a := gql(url, "", `{ __typename }`); a.code != "" || a.took > time.Second {
		t.Errorf("a request that needs no Neo4j, while Neo4j is slow: %s %q after %s", a.code, a.message, a.took)
	}
	wg.Wait()
	for i, a := range answers {
		if a.code != "UNAVAILABLE" || a.message != "query timed out" || a.took > requestTimeout+2*time.Second {
			t.Errorf("request %d to a slow Neo4j: %s %q after %s; want UNAVAILABLE \"query timed out\" at its %s deadline",
				i, a.code, a.message, a.took, queryTimeout)
		}
	}
	proxy.SetDelay(0)
	time.Sleep(4 * time.Second) // the answers already held back drain
	if a := gql(url, "", `{ stages { code } }`); a.code != "" || !strings.Contains(a.body, "stages") {
		t.Errorf("once Neo4j is fast again: %s %q", a.code, a.message)
	}
}
