// Package auth answers two questions for every API request: who is calling, and what may
// they do.
//
// A caller proves who it is with an `Authorization: Bearer <token>` header. The token is
// either a JWT (three dot-separated parts) signed with HS256 or RS256 by a configured
// issuer for a configured audience, or an opaque API key, which the server knows only by
// its SHA-256 hash (see [HashKey] and [LoadAPIKeys]). A request without the header is
// anonymous; whether anonymous callers may read is a switch ([Config.AnonymousRead]).
//
// What a caller may do is its [Role]: [RoleReader] may query, [RoleEditor] may also change
// the graph, and [RoleAdmin] may do everything. [Authenticator.Middleware] puts the caller's
// [Principal] in the request context, and resolvers check it with [Require]:
//
//	if err := auth.Require(ctx, auth.RoleEditor); err != nil {
//		return nil, err // kg.EUNAUTHORIZED or kg.EFORBIDDEN
//	}
//
// Errors are *kg.Error values. Authentication failures all read "invalid credentials" so
// that they tell a client nothing about which check failed; the reason is kept in the
// error's hidden cause, for logs only.
package auth

import (
	"context"
	"fmt"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// Role is what a caller may do. Roles are ordered: each includes the ones below it.
type Role int

// The roles, in increasing order of power.
const (
	// RoleNone may do nothing: an anonymous caller when anonymous reads are off.
	RoleNone Role = iota
	// RoleReader may run queries.
	RoleReader
	// RoleEditor may also run mutations that change the graph.
	RoleEditor
	// RoleAdmin may do everything, including administrative operations.
	RoleAdmin
)

// ParseRole returns the role named s: "reader", "editor" or "admin" (case does not
// matter). "none" is not a role that can be granted, so it is an error too.
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(s) {
	case "reader":
		return RoleReader, nil
	case "editor":
		return RoleEditor, nil
	case "admin":
		return RoleAdmin, nil
	}
	return RoleNone, fmt.Errorf("unknown role %q (want reader, editor or admin)", s)
}

// String returns the role's name: "none", "reader", "editor" or "admin".
func (r Role) String() string {
	switch r {
	case RoleNone:
		return "none"
	case RoleReader:
		return "reader"
	case RoleEditor:
		return "editor"
	case RoleAdmin:
		return "admin"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// How a Principal was authenticated.
const (
	MethodAPIKey    = "api-key"
	MethodJWT       = "jwt"
	MethodAnonymous = "anonymous"
)

// Principal is the caller of a request.
type Principal struct {
	// Subject names the caller: the API key's name, or the JWT's `sub` claim. It is empty
	// for anonymous callers.
	Subject string
	// Role is what the caller may do.
	Role Role
	// Method is how the caller was authenticated: MethodAPIKey, MethodJWT or
	// MethodAnonymous.
	Method string
}

// Anonymous reports whether the caller presented no credentials.
func (p Principal) Anonymous() bool { return p.Method != MethodAPIKey && p.Method != MethodJWT }

type ctxKey struct{}

// WithPrincipal returns a copy of ctx that carries p. The middleware uses it; tests may too.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// FromContext returns the caller ctx carries. Without one (outside the middleware) it is an
// anonymous caller with RoleNone, so that a missing middleware fails closed.
func FromContext(ctx context.Context) Principal {
	if p, ok := ctx.Value(ctxKey{}).(Principal); ok {
		return p
	}
	return Principal{Role: RoleNone, Method: MethodAnonymous}
}

// Require returns nil when the caller in ctx has at least the role min. Otherwise it
// returns a *kg.Error: kg.EUNAUTHORIZED when the caller is anonymous (credentials could
// help), kg.EFORBIDDEN when the caller is authenticated but its role is too low.
func Require(ctx context.Context, min Role) error {
	p := FromContext(ctx)
	if p.Role >= min {
		return nil
	}
	if p.Anonymous() {
		return kg.Errorf(kg.EUNAUTHORIZED, "authentication required: this needs the %s role", min)
	}
	return kg.Errorf(kg.EFORBIDDEN, "forbidden: this needs the %s role, the caller has %s", min, p.Role)
}
