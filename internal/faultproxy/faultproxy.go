// Package faultproxy is a TCP proxy that can delay what the server answers, or cut every
// connection: fault tests and the fault benchmark put it between batterykg and Neo4j to make
// Neo4j slow, or gone, on demand.
package faultproxy

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Proxy forwards the connections it accepts to a target address.
type Proxy struct {
	ln     net.Listener
	target string
	delay  atomic.Int64 // nanoseconds added before each chunk the target sends back
	refuse atomic.Bool
	mu     sync.Mutex
	conns  map[net.Conn]chan struct{} // closed when the connection is cut
}

// New listens on a free loopback port and forwards to target (host:port).
func New(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{ln: ln, target: target, conns: map[net.Conn]chan struct{}{}}
	go p.serve()
	return p, nil
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// SetDelay makes every chunk the target sends back wait d (0: none) before it is forwarded.
func (p *Proxy) SetDelay(d time.Duration) { p.delay.Store(int64(d)) }

// Cut closes every forwarded connection and closes new ones at once, as a Neo4j that has
// gone would, until Restore.
func (p *Proxy) Cut() {
	p.refuse.Store(true)
	p.closeAll()
}

// Restore forwards new connections again after Cut.
func (p *Proxy) Restore() { p.refuse.Store(false) }

// Close stops accepting and closes every forwarded connection.
func (p *Proxy) Close() error {
	err := p.ln.Close()
	p.closeAll()
	return err
}

func (p *Proxy) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c, cut := range p.conns {
		c.Close()
		close(cut)
		delete(p.conns, c)
	}
}

// forwarded registers a client connection; forget unregisters it.
func (p *Proxy) forwarded(c net.Conn) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	cut := make(chan struct{})
	p.conns[c] = cut
	return cut
}

func (p *Proxy) forget(c net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if cut, ok := p.conns[c]; ok {
		close(cut)
		delete(p.conns, c)
	}
}

func (p *Proxy) serve() {
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		if p.refuse.Load() {
			in.Close()
			continue
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		cut := p.forwarded(in)
		go func() {
			io.Copy(out, in)
			out.Close()
		}()
		go func() {
			defer func() {
				in.Close()
				out.Close()
				p.forget(in)
			}()
			buf := make([]byte, 32<<10)
			for {
				n, err := out.Read(buf)
				if n > 0 {
					if d := time.Duration(p.delay.Load()); d > 0 {
						select {
						case <-time.After(d):
						case <-cut:
							return
						}
					}
					if _, werr := in.Write(buf[:n]); werr != nil {
						return
					}
				}
				if err != nil {
					return
				}
			}
		}()
	}
}
