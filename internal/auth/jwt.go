package auth

import (
	"bytes"
	"crypto/rsa"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// JWTConfig says which JWTs to accept. At least one key is needed; a token must be signed
// with one of them, with the algorithm that goes with it: HS256 with the secret, RS256 with
// the public key. No other algorithm, "none" least of all, is ever accepted. A token must
// also carry `exp` and `sub`; `nbf` and `iat` are checked when present.
type JWTConfig struct {
	// HS256Secret verifies HS256 tokens; at least 32 bytes. Empty: HS256 is refused.
	HS256Secret []byte
	// RS256PublicKeyPEM verifies RS256 tokens: a PEM "PUBLIC KEY", "RSA PUBLIC KEY" or
	// certificate, at least 2048 bits. Empty: RS256 is refused.
	RS256PublicKeyPEM []byte
	// Issuer must equal the token's `iss` claim.
	Issuer string
	// Audience must be one of the token's `aud` values.
	Audience string
	// RoleClaim names the claim that holds the caller's role (default "role"). The claim
	// is a role name, or a list of names of which the most powerful known one counts
	// (names that are not roles, such as an identity provider's own, are ignored).
	RoleClaim string
	// Leeway allows for clock skew when checking `exp`, `nbf` and `iat`.
	Leeway time.Duration
}

// jwtVerifier checks JWTs against a JWTConfig.
type jwtVerifier struct {
	secret    []byte
	rsaKey    *rsa.PublicKey
	roleClaim string
	parser    *jwt.Parser
}

func newJWTVerifier(c JWTConfig) (*jwtVerifier, error) {
	v := &jwtVerifier{roleClaim: c.RoleClaim}
	if v.roleClaim == "" {
		v.roleClaim = "role"
	}
	var methods []string
	if len(c.HS256Secret) > 0 {
		if len(c.HS256Secret) < 32 {
			return nil, fmt.Errorf("JWT HS256 secret has %d bytes, want at least 32", len(c.HS256Secret))
		}
		if len(c.RS256PublicKeyPEM) > 0 && bytes.Equal(bytes.TrimSpace(c.HS256Secret), bytes.TrimSpace(c.RS256PublicKeyPEM)) {
			return nil, errors.New("JWT HS256 secret is the RS256 public key: anyone could sign tokens")
		}
		v.secret = bytes.Clone(c.HS256Secret)
		methods = append(methods, jwt.SigningMethodHS256.Alg())
	}
	if len(c.RS256PublicKeyPEM) > 0 {
		k, err := jwt.ParseRSAPublicKeyFromPEM(c.RS256PublicKeyPEM)
		if err != nil {
			return nil, fmt.Errorf("JWT RS256 public key: %w", err)
		}
		if k.N.BitLen() < 2048 {
			return nil, fmt.Errorf("JWT RS256 public key has %d bits, want at least 2048", k.N.BitLen())
		}
		v.rsaKey = k
		methods = append(methods, jwt.SigningMethodRS256.Alg())
	}
	switch {
	case len(methods) == 0:
		return nil, errors.New("JWT config needs an HS256 secret or an RS256 public key")
	case c.Issuer == "":
		return nil, errors.New("JWT config needs an issuer")
	case c.Audience == "":
		return nil, errors.New("JWT config needs an audience")
	case c.Leeway < 0:
		return nil, fmt.Errorf("JWT leeway %v is negative", c.Leeway)
	}
	v.parser = jwt.NewParser(
		jwt.WithValidMethods(methods),
		jwt.WithIssuer(c.Issuer),
		jwt.WithAudience(c.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(c.Leeway),
	)
	return v, nil
}

// key returns the key that verifies t. The parser already refuses algorithms outside
// the configured ones; checking the method's type again here keeps a key from ever being
// used with an algorithm it was not meant for.
func (v *jwtVerifier) key(t *jwt.Token) (any, error) {
	switch t.Method {
	case jwt.SigningMethodHS256:
		if v.secret != nil {
			return v.secret, nil
		}
	case jwt.SigningMethodRS256:
		if v.rsaKey != nil {
			return v.rsaKey, nil
		}
	}
	return nil, fmt.Errorf("signing algorithm %q not accepted", t.Header["alg"])
}

// verify checks token's signature and claims and returns its caller.
func (v *jwtVerifier) verify(token string) (Principal, error) {
	claims := jwt.MapClaims{}
	if _, err := v.parser.ParseWithClaims(token, claims, v.key); err != nil {
		return Principal{}, err
	}
	sub, err := claims.GetSubject()
	if err != nil {
		return Principal{}, err
	}
	if sub == "" {
		return Principal{}, errors.New("token has no sub claim")
	}
	role, err := roleFromClaim(claims[v.roleClaim])
	if err != nil {
		return Principal{}, fmt.Errorf("claim %q: %w", v.roleClaim, err)
	}
	return Principal{Subject: sub, Role: role, Method: MethodJWT}, nil
}

// roleFromClaim reads a role claim: a role name, or a list whose most powerful role counts.
func roleFromClaim(c any) (Role, error) {
	switch c := c.(type) {
	case nil:
		return RoleNone, errors.New("missing")
	case string:
		return ParseRole(c)
	case []any:
		best := RoleNone
		for _, e := range c {
			if s, ok := e.(string); ok {
				if r, err := ParseRole(s); err == nil && r > best {
					best = r
				}
			}
		}
		if best == RoleNone {
			return RoleNone, errors.New("no known role (want reader, editor or admin)")
		}
		return best, nil
	}
	return RoleNone, fmt.Errorf("a %T, want a role name or a list of them", c)
}
