package localneo4j

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// isServerCmdline reports whether a /proc/<pid>/cmdline (NUL-separated) is the Neo4j server
// JVM of the instance whose home is home.
func isServerCmdline(cmdline []byte, home string) bool {
	var main, dir bool
	for _, a := range bytes.Split(cmdline, []byte{0}) {
		switch string(a) {
		case mainClass:
			main = true
		case "--home-dir=" + home:
			dir = true
		}
	}
	return main && dir
}

// isZombie reports whether /proc/<pid>/stat content says the process has exited.
func isZombie(stat []byte) bool {
	// pid (comm) state ...; comm may contain spaces and parentheses.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 || i+2 >= len(stat) {
		return true
	}
	s := stat[i+2]
	return s == 'Z' || s == 'X'
}

// serverAlive reports whether pid is a live Neo4j server JVM of home.
func serverAlive(pid int, home string) bool {
	alive, _ := serverState(pid, home)
	return alive
}

// serverState tells whether pid is a Neo4j server JVM of home that is alive, or that is
// dying: after SIGKILL the main thread turns zombie (and /proc/<pid>/cmdline empty) while
// the other threads still hold its files, the Bolt port among them, for a moment.
func serverState(pid int, home string) (alive, dying bool) {
	if pid <= 0 {
		return false, false
	}
	dir := "/proc/" + strconv.Itoa(pid)
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return false, false
	}
	if !isZombie(stat) {
		cmd, err := os.ReadFile(dir + "/cmdline")
		return err == nil && isServerCmdline(cmd, home), false
	}
	tasks, _ := os.ReadDir(dir + "/task")
	for _, t := range tasks {
		if t.Name() == strconv.Itoa(pid) {
			continue
		}
		tdir := dir + "/task/" + t.Name()
		if st, err := os.ReadFile(tdir + "/stat"); err != nil || isZombie(st) {
			continue
		}
		if cmd, err := os.ReadFile(tdir + "/cmdline"); err == nil && isServerCmdline(cmd, home) {
			return false, true
		}
	}
	return false, false
}

// serverPIDs lists the live Neo4j server JVMs of home, whatever their pid files say.
func serverPIDs(home string) []int {
	alive, _ := serverProcs(home)
	return alive
}

// serverProcs lists the Neo4j server JVMs of home that are alive and those still dying.
func serverProcs(home string) (alive, dying []int) {
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		switch a, d := serverState(pid, home); {
		case a:
			alive = append(alive, pid)
		case d:
			dying = append(dying, pid)
		}
	}
	return alive, dying
}

// waitNoServer waits until no server JVM of home is alive or dying; false on timeout or when
// ctx ends.
func waitNoServer(ctx context.Context, home string, d time.Duration) bool {
	end := time.Now().Add(d)
	for {
		alive, dying := serverProcs(home)
		if len(alive)+len(dying) == 0 {
			return true
		}
		if time.Now().After(end) || ctx.Err() != nil {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// parsePID parses a pid file's content.
func parsePID(b []byte) (int, bool) {
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid, err == nil && pid > 0
}

func readPIDFile(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := parsePID(b)
	return pid
}

func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// portFree reports whether 127.0.0.1:port can be bound now.
func portFree(port int) bool {
	l, err := net.Listen("tcp4", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// boltAnswers reports whether something accepts TCP connections on 127.0.0.1:port.
func boltAnswers(port int) bool {
	c, err := net.DialTimeout("tcp4", "127.0.0.1:"+strconv.Itoa(port), time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// portOwner names, best effort, the process listening on TCP port: "pid 123 (java, Neo4j
// home /x)", or "" when it cannot be told.
func portOwner(port int) string {
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, ino := range listenInodes(b, port) {
			inodes[ino] = true
		}
	}
	if len(inodes) == 0 {
		return ""
	}
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		fds, _ := os.ReadDir("/proc/" + e.Name() + "/fd")
		for _, fd := range fds {
			l, err := os.Readlink("/proc/" + e.Name() + "/fd/" + fd.Name())
			if err != nil || !strings.HasPrefix(l, "socket:[") {
				continue
			}
			if inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] {
				return describePID(e.Name())
			}
		}
	}
	return ""
}

func describePID(pid string) string {
	comm, _ := os.ReadFile("/proc/" + pid + "/comm")
	s := "pid " + pid + " (" + strings.TrimSpace(string(comm))
	cmd, _ := os.ReadFile("/proc/" + pid + "/cmdline")
	for _, a := range bytes.Split(cmd, []byte{0}) {
		if h, ok := strings.CutPrefix(string(a), "--home-dir="); ok {
			s += ", Neo4j home " + h
		}
	}
	return s + ")"
}

// listenInodes returns the socket inodes of the LISTEN entries for port in a /proc/net/tcp[6]
// table.
func listenInodes(table []byte, port int) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(table))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 10 || f[3] != "0A" { // 0A = TCP_LISTEN
			continue
		}
		i := strings.LastIndexByte(f[1], ':')
		if i < 0 {
			continue
		}
		p, err := strconv.ParseUint(f[1][i+1:], 16, 16)
		if err == nil && int(p) == port {
			out = append(out, f[9])
		}
	}
	return out
}

// freeBytes returns the space available to us on the file system holding dir (or its nearest
// existing parent).
func freeBytes(dir string) (uint64, error) {
	for {
		var st syscall.Statfs_t
		err := syscall.Statfs(dir, &st)
		if err == nil {
			return st.Bavail * uint64(st.Bsize), nil
		}
		parent := filepath.Dir(dir)
		if !errors.Is(err, syscall.ENOENT) || parent == dir {
			return 0, err
		}
		dir = parent
	}
}

func checkDisk(dir string, need uint64, what string) error {
	free, err := freeBytes(dir)
	if err != nil {
		return nil // cannot tell: let the real write fail if it must
	}
	if free < need {
		return newErr(ErrDiskSpace, "", fmt.Sprintf("%s needs about %d MB free in %s, only %d MB are",
			what, need>>20, dir, free>>20))
	}
	return nil
}

// lockDir takes an exclusive flock on path, polling so that ctx can cancel the wait.
func lockDir(ctx context.Context, path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, newErr(ErrLocked, "", err.Error())
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, newErr(ErrLocked, "", err.Error())
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, newErr(ErrLocked, "", fmt.Sprintf("flock %s: %v", path, err))
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, newErr(ErrLocked, "", fmt.Sprintf("waiting for %s: %v", path, ctx.Err()))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// tailLines returns up to n last non-blank lines of b.
func tailLines(b []byte, n int) []string {
	var out []string
	lines := strings.Split(string(b), "\n")
	for i := len(lines) - 1; i >= 0 && len(out) < n; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			out = append([]string{l}, out...)
		}
	}
	return out
}
