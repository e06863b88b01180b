package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/batterykg/batterykg/internal/auth"
)

// minKeyLen is the shortest API key hash-key accepts: keys are stored as unsalted SHA-256,
// which only long random keys make safe.
const minKeyLen = 16

// runHashKey prints the hash under which the server stores an API key, for the keys file
// (see auth.LoadAPIKeys). The key is read from stdin, without echo on a terminal, never
// from the arguments, which would leave it in shell history. With --generate it makes a
// random key instead and prints the key, its hash and the keys-file line.
//
//	batterykg hash-key < key.txt                          sha256:…
//	batterykg hash-key --name ci --role editor < key.txt  ci editor sha256:…
//	batterykg hash-key --generate --name ci --role editor
func runHashKey(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("hash-key", flag.ContinueOnError)
	generate := fs.Bool("generate", false, "generate a random 32-byte key and print it with its hash and keys-file line")
	name := fs.String("name", "", "`NAME` of the key: print the keys-file line (name, role, hash) instead of the bare hash")
	roleName := fs.String("role", "reader", "role the key grants in the keys-file line: reader, editor or admin")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: batterykg hash-key [--name NAME --role ROLE] < KEYFILE\n"+
			"       batterykg hash-key --generate [--name NAME --role ROLE]\n\n"+
			"Prints the sha256:<hex> hash under which the server stores an API key. The key is\n"+
			"read from stdin, never from the command line.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("hash-key takes no arguments: give the key on stdin, so that it stays out of shell history")
	}
	role, err := auth.ParseRole(*roleName)
	if err != nil {
		return err
	}
	if *name != "" && strings.ContainsFunc(*name, func(c rune) bool { return c <= ' ' || c == '#' }) {
		return fmt.Errorf("key name %q must not contain spaces or '#'", *name)
	}

	if *generate {
		var b [32]byte
		if _, err := rand.Read(b[:]); err != nil {
			return err
		}
		key := "bkg_" + base64.RawURLEncoding.EncodeToString(b[:])
		hash := auth.HashKey(key)
		if *name == "" {
			*name = "key-" + hash[len("sha256:"):][:8]
		}
		fmt.Printf("key:  %s\nhash: %s\nline: %s %s %s\n", key, hash, *name, role, hash)
		fmt.Fprintln(os.Stderr, "The key is shown only this once: hand it to its holder, and put the line (not the key) in the keys file.")
		return nil
	}

	key, err := readKey(os.Stdin)
	if err != nil {
		return err
	}
	if err := checkKey(key); err != nil {
		return err
	}
	if *name != "" {
		fmt.Printf("%s %s %s\n", *name, role, auth.HashKey(key))
		return nil
	}
	fmt.Println(auth.HashKey(key))
	return nil
}

// readKey reads a key from f: typed without echo on a terminal, else the whole input,
// without surrounding white space.
func readKey(f *os.File) (string, error) {
	if term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(os.Stderr, "API key: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", fmt.Errorf("reading key: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	b, err := io.ReadAll(io.LimitReader(f, 4097))
	if err != nil {
		return "", fmt.Errorf("reading key from stdin: %w", err)
	}
	if len(b) > 4096 {
		return "", errors.New("key on stdin is longer than 4096 bytes")
	}
	return strings.TrimSpace(string(b)), nil
}

// checkKey refuses keys a client could not send as a bearer token, or that the server
// would take for a JWT, or that are short enough to guess.
func checkKey(key string) error {
	switch {
	case key == "":
		return errors.New("no key on stdin (or use --generate)")
	case strings.ContainsFunc(key, func(c rune) bool { return c <= ' ' || c > '~' }):
		return errors.New("key must be printable ASCII without spaces or line breaks")
	case strings.Count(key, ".") == 2:
		return errors.New("key has exactly two dots, so the server would read it as a JWT; use --generate")
	case len(key) < minKeyLen:
		return fmt.Errorf("key has %d characters; want at least %d random ones (use --generate)", len(key), minKeyLen)
	}
	return nil
}
