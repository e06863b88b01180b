package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
)

// boltCounter is a TCP proxy in front of Neo4j's Bolt port that counts the Cypher statements
// clients send: the RUN messages (signature 0x10) in the client-to-server stream. It counts
// the same way for any client (the Go driver behind batterykg, the JavaScript driver behind
// the Neo4j GraphQL Library), so statements per request compare fairly. It forwards every
// byte unchanged.
//
// Bolt: the client opens with 20 bytes (magic and four version proposals) and the server
// answers with 4 (the version). If that answer is the manifest marker 0x000001FF (Bolt 5.7+
// handshake v2), the server goes on with a list of versions and capabilities and the client
// answers with 4 bytes (the chosen version) and a varint (its capabilities). After that both
// send messages in chunks: a 2-byte big-endian length and that many bytes, a message ending
// with a zero-length chunk. A message starts with a structure marker (0xB0 | fields) and its
// signature byte.
type boltCounter struct {
	ln     net.Listener
	target string
	runs   atomic.Int64
	wg     sync.WaitGroup
}

// startBoltCounter listens on a free loopback port and forwards to target (host:port).
func startBoltCounter(target string) (*boltCounter, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &boltCounter{ln: ln, target: target}
	c.wg.Add(1)
	go c.accept()
	return c, nil
}

// URI is the Bolt URI clients connect to.
func (c *boltCounter) URI() string { return "bolt://" + c.ln.Addr().String() }

// Runs is the number of statements counted so far.
func (c *boltCounter) Runs() int64 { return c.runs.Load() }

// Close stops accepting and closes open connections.
func (c *boltCounter) Close() {
	c.ln.Close()
	c.wg.Wait()
}

func (c *boltCounter) accept() {
	defer c.wg.Done()
	var conns sync.WaitGroup
	var mu sync.Mutex
	var open []net.Conn
	for {
		client, err := c.ln.Accept()
		if err != nil {
			break
		}
		server, err := net.Dial("tcp", c.target)
		if err != nil {
			client.Close()
			continue
		}
		mu.Lock()
		open = append(open, client, server)
		mu.Unlock()
		conns.Add(1)
		go func() {
			defer conns.Done()
			c.pipe(client, server)
		}()
	}
	mu.Lock()
	for _, conn := range open {
		conn.Close()
	}
	mu.Unlock()
	conns.Wait()
}

// pipe forwards both ways until either side closes, counting RUN messages on the way in.
func (c *boltCounter) pipe(client, server net.Conn) {
	defer client.Close()
	defer server.Close()
	version := make(chan []byte, 1)
	done := make(chan struct{}, 2)
	go func() { // server -> client: note the negotiated version, then copy
		defer func() { done <- struct{}{} }()
		in := bufio.NewReader(server)
		answer, err := handshakeAnswer(in)
		if err != nil {
			close(version)
			return
		}
		version <- answer[:4]
		// The whole answer in one write: the JavaScript driver expects a manifest to arrive
		// in one piece.
		if _, err := client.Write(answer); err != nil {
			return
		}
		io.Copy(client, in)
	}()
	go func() { // client -> server: parse and count
		defer func() { done <- struct{}{} }()
		c.clientStream(bufio.NewReader(client), server, version)
	}()
	<-done
}

func (c *boltCounter) clientStream(in *bufio.Reader, out io.Writer, version <-chan []byte) error {
	hello := make([]byte, 20)
	if _, err := io.ReadFull(in, hello); err != nil {
		return err
	}
	if _, err := out.Write(hello); err != nil {
		return err
	}
	v, ok := <-version
	if !ok {
		return errors.New("no handshake answer")
	}
	if binary.BigEndian.Uint32(v) == 0x000001FF { // manifest: chosen version + capabilities varint
		chosen := make([]byte, 4)
		if _, err := io.ReadFull(in, chosen); err != nil {
			return err
		}
		buf := chosen
		for {
			b, err := in.ReadByte()
			if err != nil {
				return err
			}
			buf = append(buf, b)
			if b&0x80 == 0 {
				break
			}
		}
		if _, err := out.Write(buf); err != nil {
			return err
		}
	}
	pos := 0 // bytes of the current message seen so far
	header := make([]byte, 2)
	var chunk []byte
	for {
		if _, err := io.ReadFull(in, header); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint16(header))
		if cap(chunk) < 2+n {
			chunk = make([]byte, 2+n)
		}
		chunk = chunk[:2+n]
		copy(chunk, header)
		if _, err := io.ReadFull(in, chunk[2:]); err != nil {
			return err
		}
		if n == 0 {
			pos = 0
		} else {
			if pos <= 1 && pos+n > 1 && chunk[2+1-pos] == 0x10 {
				c.runs.Add(1)
			}
			pos += n
		}
		if _, err := out.Write(chunk); err != nil {
			return err
		}
	}
}

// handshakeAnswer reads the server's handshake answer: 4 bytes, or for a manifest the marker,
// a varint count, that many 4-byte versions and a varint of capabilities.
func handshakeAnswer(in *bufio.Reader) ([]byte, error) {
	answer := make([]byte, 4)
	if _, err := io.ReadFull(in, answer); err != nil {
		return nil, err
	}
	if binary.BigEndian.Uint32(answer) != 0x000001FF {
		return answer, nil
	}
	varint := func() (uint64, error) {
		var v uint64
		for shift := 0; ; shift += 7 {
			b, err := in.ReadByte()
			if err != nil {
				return 0, err
			}
			answer = append(answer, b)
			v |= uint64(b&0x7F) << shift
			if b&0x80 == 0 {
				return v, nil
			}
		}
	}
	n, err := varint()
	if err != nil {
		return nil, err
	}
	versions := make([]byte, 4*n)
	if _, err := io.ReadFull(in, versions); err != nil {
		return nil, err
	}
	answer = append(answer, versions...)
	if _, err := varint(); err != nil {
		return nil, err
	}
	return answer, nil
}
