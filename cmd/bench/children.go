package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// child is a GraphQL server process the benchmark started: batterykg (this binary's serve
// command) or the Neo4j GraphQL Library's Node server.
type child struct {
	name string
	cmd  *exec.Cmd
	url  string // the GraphQL endpoint
	done chan error
}

// serveChild is the server side of startChild: it listens on addr, prints "listening on
// http://ADDR/path" for startChild, serves srv until ctx is done, and then shuts it down,
// letting requests in flight finish for up to 10 s.
func serveChild(ctx context.Context, srv *http.Server, addr, path string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("listening on http://%s/%s\n", ln.Addr(), path)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startChild runs cmd and waits for the "listening on URL" line it prints on stdout.
func startChild(ctx context.Context, name string, cmd *exec.Cmd) (*child, error) {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	c := &child{name: name, cmd: cmd, done: make(chan error, 1)}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
				select {
				case urls <- u:
				default:
				}
			}
		}
	}()
	go func() { c.done <- cmd.Wait() }()
	select {
	case c.url = <-urls:
		return c, nil
	case err := <-c.done:
		return nil, fmt.Errorf("%s exited before serving: %v", name, err)
	case <-time.After(2 * time.Minute):
		c.stop()
		return nil, fmt.Errorf("%s did not serve within 2 minutes", name)
	case <-ctx.Done():
		c.stop()
		return nil, ctx.Err()
	}
}

// stop sends SIGTERM to the child's process group and waits (SIGKILL after 15 s).
func (c *child) stop() {
	if c == nil || c.cmd.Process == nil {
		return
	}
	syscall.Kill(-c.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(15 * time.Second):
		syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
		<-c.done
	}
}

// startAPI starts batterykg's server (this binary's serve command) against uri.
func startAPI(ctx context.Context, uri, password, cpuprofile string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"serve", "--uri", uri, "--password", password}
	if cpuprofile != "" {
		args = append(args, "--cpuprofile", cpuprofile)
	}
	return startChild(ctx, "batterykg", exec.Command(self, args...))
}

// startLibrary starts the Neo4j GraphQL Library's server of dir against uri, installing its
// node_modules first if they are missing (npm ci: the versions of package-lock.json).
func startLibrary(ctx context.Context, dir, uri, password string) (*child, error) {
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@neo4j", "graphql")); err != nil {
		logf("installing %s/node_modules (npm ci)", dir)
		npm := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		npm.Dir, npm.Stdout, npm.Stderr = dir, os.Stderr, os.Stderr
		if err := npm.Run(); err != nil {
			return nil, fmt.Errorf("npm ci in %s: %w", dir, err)
		}
	}
	cmd := exec.Command("node", "server.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NEO4J_URI="+uri, "NEO4J_USER=neo4j", "NEO4J_PASSWORD="+password, "PORT=0", "NODE_ENV=production")
	return startChild(ctx, "@neo4j/graphql", cmd)
}
