package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// maxTokenLen bounds the bearer tokens worth looking at; real ones are far shorter.
const maxTokenLen = 8 << 10

// Config says who may call the API.
type Config struct {
	// AnonymousRead gives callers without credentials RoleReader; when false they have
	// RoleNone and the middleware answers them 401.
	AnonymousRead bool
	// APIKeys are the accepted API keys, by hash (see LoadAPIKeys).
	APIKeys []APIKey
	// JWT says which JWTs to accept; nil refuses all JWTs.
	JWT *JWTConfig
	// Log receives one record per refused request, with the reason (default
	// slog.Default()). Tokens are never logged.
	Log *slog.Logger
}

// Authenticator finds out who calls. It is safe for concurrent use.
type Authenticator struct {
	anonymousRead bool
	keys          []storedKey
	jwt           *jwtVerifier
	log           *slog.Logger
}

// New checks cfg and returns an Authenticator for it. API keys need a name without
// spaces, a grantable role and a well-formed hash, all distinct; a JWT config needs a
// key, an issuer and an audience.
func New(cfg Config) (*Authenticator, error) {
	a := &Authenticator{anonymousRead: cfg.AnonymousRead, log: cfg.Log}
	if a.log == nil {
		a.log = slog.Default()
	}
	var err error
	if a.keys, err = compileKeys(cfg.APIKeys); err != nil {
		return nil, err
	}
	if cfg.JWT != nil {
		if a.jwt, err = newJWTVerifier(*cfg.JWT); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// invalid is the error every refused credential gets: the same message and code for
// every reason, which is kept as the hidden cause for logs.
func invalid(method string, cause error) error {
	return kg.Wrap(kg.EUNAUTHORIZED, "invalid credentials", fmt.Errorf("%s: %w", method, cause))
}

// Authenticate returns the caller of r. Without an Authorization header the caller is
// anonymous, with RoleReader when anonymous reads are on and RoleNone otherwise. With one
// it must be `Bearer <token>`: a token of three dot-separated parts is verified as a JWT,
// anything else is looked up as an API key. A refused token gives a *kg.Error with code
// kg.EUNAUTHORIZED, message "invalid credentials" and the reason as hidden cause.
func (a *Authenticator) Authenticate(r *http.Request) (Principal, error) {
	hs := r.Header.Values("Authorization")
	if len(hs) == 0 {
		role := RoleNone
		if a.anonymousRead {
			role = RoleReader
		}
		return Principal{Role: role, Method: MethodAnonymous}, nil
	}
	if len(hs) > 1 {
		return Principal{}, invalid("header", errors.New("more than one Authorization header"))
	}
	scheme, token, _ := strings.Cut(strings.TrimSpace(hs[0]), " ")
	token = strings.TrimSpace(token)
	switch {
	case !strings.EqualFold(scheme, "Bearer"):
		return Principal{}, invalid("header", fmt.Errorf("scheme %q is not Bearer", abbrev(scheme)))
	case token == "":
		return Principal{}, invalid("header", errors.New("empty bearer token"))
	case len(token) > maxTokenLen:
		return Principal{}, invalid("header", fmt.Errorf("bearer token of %d bytes", len(token)))
	case strings.Count(token, ".") == 2:
		if a.jwt == nil {
			return Principal{}, invalid(MethodJWT, errors.New("JWTs are not accepted (no JWT config)"))
		}
		p, err := a.jwt.verify(token)
		if err != nil {
			return Principal{}, invalid(MethodJWT, err)
		}
		return p, nil
	}
	return a.lookupKey(token)
}

// lookupKey finds the configured API key whose hash is token's. It compares against every
// key, in constant time, so that the time taken says nothing about which keys exist.
func (a *Authenticator) lookupKey(token string) (Principal, error) {
	d := sha256.Sum256([]byte(token))
	found := -1
	for i := range a.keys {
		if subtle.ConstantTimeCompare(d[:], a.keys[i].digest[:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return Principal{}, invalid(MethodAPIKey, errUnknownKey)
	}
	k := a.keys[found]
	return Principal{Subject: k.name, Role: k.role, Method: MethodAPIKey}, nil
}

// Middleware authenticates every request and puts its Principal in the request context
// (see FromContext). It answers 401 itself, with `WWW-Authenticate: Bearer` and a GraphQL
// error body with code UNAUTHENTICATED, when a request's credentials are refused ("invalid
// credentials", and the reason logged), and when a request has none while anonymous reads
// are off ("authentication required"): rejecting at the HTTP level keeps
// the API closed even where a resolver forgot to call Require. Mutations still need
// Require(ctx, RoleEditor) in their resolvers. CORS preflights (OPTIONS without
// Authorization) pass untouched; put Middleware inside the CORS handler so that its 401
// carries CORS headers.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := a.Authenticate(r)
		switch {
		case err != nil:
			a.log.WarnContext(r.Context(), "authentication failed", "err", err, "remote", r.RemoteAddr)
			unauthorized(w, `Bearer error="invalid_token"`, "invalid credentials")
			return
		case p.Role == RoleNone && r.Method != http.MethodOptions:
			unauthorized(w, "Bearer", "authentication required")
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
}

// unauthorized answers a refused request with a 401, the challenge, and a GraphQL-shaped
// error body: {"errors":[{"message":msg,"extensions":{"code":"UNAUTHENTICATED"}}]}.
func unauthorized(w http.ResponseWriter, challenge, msg string) {
	h := w.Header()
	h.Set("WWW-Authenticate", challenge)
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusUnauthorized)
	w.Write([]byte(`{"errors":[{"message":"` + msg + `","extensions":{"code":"` + kg.EUNAUTHORIZED + `"}}]}` + "\n"))
}
