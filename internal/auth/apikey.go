package auth

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

// hashPrefix starts every stored key hash; it names the algorithm so that it can change.
const hashPrefix = "sha256:"

// APIKey is an API key as the server stores it: a name, the key's hash, and the role it
// grants. The key itself is never stored.
type APIKey struct {
	// Name identifies the key in logs and becomes the caller's Subject. It has no spaces.
	Name string
	// Hash is HashKey of the key: "sha256:" and 64 hex digits.
	Hash string
	// Role is what the key's holder may do (reader, editor or admin).
	Role Role
}

// HashKey returns the form in which the server stores key: "sha256:" followed by the hex
// SHA-256 of the key. An unsalted fast hash is enough because keys are long random strings
// (see `batterykg hash-key --generate`), not passwords.
func HashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hashPrefix + hex.EncodeToString(sum[:])
}

// parseHash returns the digest a "sha256:<hex>" hash holds.
func parseHash(h string) ([sha256.Size]byte, error) {
	var d [sha256.Size]byte
	hexs, ok := strings.CutPrefix(h, hashPrefix)
	if !ok {
		return d, fmt.Errorf("hash %q does not start with %q", abbrev(h), hashPrefix)
	}
	if len(hexs) != 2*sha256.Size {
		return d, fmt.Errorf("hash has %d hex digits, want %d", len(hexs), 2*sha256.Size)
	}
	if _, err := hex.Decode(d[:], []byte(hexs)); err != nil {
		return d, fmt.Errorf("hash is not hex: %v", err)
	}
	return d, nil
}

// abbrev shortens s for an error message, in case someone pasted a key where its hash goes.
func abbrev(s string) string {
	if len(s) > 12 {
		return s[:8] + "…"
	}
	return s
}

// LoadAPIKeys reads a keys file: one key a line, as `<name> <role> sha256:<hex>`, the
// fields separated by spaces or tabs. Blank lines are skipped and `#` starts a comment
// that runs to the end of the line. Names must be unique, and so must hashes. An error
// names the line it is about ("line 3: ...").
func LoadAPIKeys(r io.Reader) ([]APIKey, error) {
	var keys []APIKey
	names := map[string]int{}
	hashes := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want `<name> <role> sha256:<hex>`, got %d fields", n, len(f))
		}
		k, err := parseKey(f[0], f[1], f[2])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if prev, ok := names[k.Name]; ok {
			return nil, fmt.Errorf("line %d: key name %q already used on line %d", n, k.Name, prev)
		}
		h := strings.ToLower(k.Hash)
		if prev, ok := hashes[h]; ok {
			return nil, fmt.Errorf("line %d: same key hash as line %d", n, prev)
		}
		names[k.Name], hashes[h] = n, n
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading keys: %w", err)
	}
	return keys, nil
}

func parseKey(name, role, hash string) (APIKey, error) {
	r, err := ParseRole(role)
	if err != nil {
		return APIKey{}, err
	}
	if _, err := parseHash(hash); err != nil {
		return APIKey{}, err
	}
	return APIKey{Name: name, Hash: hash, Role: r}, nil
}

// storedKey is an APIKey ready for comparison.
type storedKey struct {
	name   string
	role   Role
	digest [sha256.Size]byte
}

// compileKeys checks keys and decodes their hashes.
func compileKeys(keys []APIKey) ([]storedKey, error) {
	out := make([]storedKey, 0, len(keys))
	names := map[string]bool{}
	digests := map[[sha256.Size]byte]bool{}
	for i, k := range keys {
		if k.Name == "" || strings.ContainsFunc(k.Name, func(c rune) bool { return c <= ' ' || c == '#' }) {
			return nil, fmt.Errorf("API key %d: name %q is empty or has spaces or '#'", i+1, k.Name)
		}
		if k.Role < RoleReader || k.Role > RoleAdmin {
			return nil, fmt.Errorf("API key %q: role %v cannot be granted", k.Name, k.Role)
		}
		d, err := parseHash(k.Hash)
		if err != nil {
			return nil, fmt.Errorf("API key %q: %w", k.Name, err)
		}
		if names[k.Name] {
			return nil, fmt.Errorf("API key %q: name used twice", k.Name)
		}
		if digests[d] {
			return nil, fmt.Errorf("API key %q: same hash as another key", k.Name)
		}
		names[k.Name], digests[d] = true, true
		out = append(out, storedKey{name: k.Name, role: k.Role, digest: d})
	}
	return out, nil
}

var errUnknownKey = errors.New("API key matches no configured key")
