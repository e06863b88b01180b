package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/batterykg/batterykg/internal/kg"
)

const (
	issuer   = "https://id.example.org/"
	audience = "batterykg"
)

var (
	secret     = []byte("0123456789abcdef0123456789abcdef-test-secret")
	rsaKey     = mustRSA(2048)
	otherRSA   = mustRSA(2048)
	rsaPEM     = pemOf(&rsaKey.PublicKey)
	quiet      = slog.New(slog.DiscardHandler)
	readerKey  = "bkg_reader-key-0123456789abcdef"
	editorKey  = "bkg_editor-key-0123456789abcdef"
	adminKey   = "bkg_admin-key-0123456789abcdef"
	apiKeys    = []APIKey{{"ci-reader", HashKey(readerKey), RoleReader}, {"ci-editor", HashKey(editorKey), RoleEditor}, {"ops", HashKey(adminKey), RoleAdmin}}
	hsConfig   = &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience}
	rsConfig   = &JWTConfig{RS256PublicKeyPEM: rsaPEM, Issuer: issuer, Audience: audience}
	bothConfig = &JWTConfig{HS256Secret: secret, RS256PublicKeyPEM: rsaPEM, Issuer: issuer, Audience: audience}
)

func mustRSA(bits int) *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		panic(err)
	}
	return k
}

func pemOf(k *rsa.PublicKey) []byte {
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		panic(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// claims returns valid claims for a reader, changed by edits.
func claims(edits ...func(jwt.MapClaims)) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{
		"iss":  issuer,
		"aud":  audience,
		"sub":  "alice",
		"role": "editor",
		"iat":  now.Unix(),
		"nbf":  now.Unix(),
		"exp":  now.Add(time.Hour).Unix(),
	}
	for _, e := range edits {
		e(c)
	}
	return c
}

func set(k string, v any) func(jwt.MapClaims) { return func(c jwt.MapClaims) { c[k] = v } }
func del(k string) func(jwt.MapClaims)        { return func(c jwt.MapClaims) { delete(c, k) } }

func sign(m jwt.SigningMethod, key any, c jwt.MapClaims) string {
	s, err := jwt.NewWithClaims(m, c).SignedString(key)
	if err != nil {
		panic(err)
	}
	return s
}

func hs(c jwt.MapClaims) string { return sign(jwt.SigningMethodHS256, secret, c) }
func rs(c jwt.MapClaims) string { return sign(jwt.SigningMethodRS256, rsaKey, c) }

// unsigned returns a token with the given header and no signature, as an attacker would
// write one.
func unsigned(header string, c jwt.MapClaims) string {
	body, _ := json.Marshal(c)
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(header)) + "." + enc(body) + "."
}

func request(authz ...string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{__typename}"}`))
	for _, a := range authz {
		r.Header.Add("Authorization", a)
	}
	return r
}

func newAuth(t *testing.T, cfg Config) *Authenticator {
	t.Helper()
	cfg.Log = quiet
	a, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

// checkRefused checks that err is the uniform "invalid credentials" error and that its
// hidden cause mentions cause.
func checkRefused(t *testing.T, p Principal, err error, cause string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted as %+v, want refused (%s)", p, cause)
	}
	var e *kg.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *kg.Error", err)
	}
	if e.Code != kg.EUNAUTHORIZED || e.Message != "invalid credentials" {
		t.Errorf("error code %q message %q, want %q %q", e.Code, e.Message, kg.EUNAUTHORIZED, "invalid credentials")
	}
	if e.Err == nil || !strings.Contains(e.Err.Error(), cause) {
		t.Errorf("hidden cause %v, want it to mention %q", e.Err, cause)
	}
	if p != (Principal{}) {
		t.Errorf("refused call returned principal %+v", p)
	}
}

func TestParseRole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Role
		ok   bool
	}{
		{"reader", RoleReader, true},
		{"editor", RoleEditor, true},
		{"admin", RoleAdmin, true},
		{"Admin", RoleAdmin, true},
		{"none", RoleNone, false},
		{"root", RoleNone, false},
		{"", RoleNone, false},
	} {
		got, err := ParseRole(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseRole(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && got.String() != strings.ToLower(tc.in) {
			t.Errorf("%v.String() = %q", got, got.String())
		}
	}
	if !(RoleNone < RoleReader && RoleReader < RoleEditor && RoleEditor < RoleAdmin) {
		t.Error("roles are not ordered")
	}
	if RoleNone.String() != "none" || Role(9).String() != "Role(9)" {
		t.Errorf("String: %q %q", RoleNone, Role(9))
	}
}

func TestHashKey(t *testing.T) {
	const want = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	if got := HashKey("hello"); got != want {
		t.Errorf("HashKey(hello) = %s, want %s", got, want)
	}
}

func TestLoadAPIKeys(t *testing.T) {
	h1, h2 := HashKey("key-one-0123456789"), HashKey("key-two-0123456789")
	file := "# batterykg API keys\n\n" +
		"ci-reader reader " + h1 + "\n" +
		"  ops\tADMIN\t" + h2 + "   # the operators\n"
	keys, err := LoadAPIKeys(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []APIKey{{"ci-reader", h1, RoleReader}, {"ops", h2, RoleAdmin}}
	if len(keys) != len(want) || keys[0] != want[0] || keys[1] != want[1] {
		t.Errorf("LoadAPIKeys = %+v, want %+v", keys, want)
	}

	for _, tc := range []struct {
		name, file, want string
	}{
		{"two fields", "# c\nci reader\n", "line 2: want `<name> <role> sha256:<hex>`, got 2 fields"},
		{"four fields", "ci reader " + h1 + " extra\n", "line 1: want `<name> <role> sha256:<hex>`, got 4 fields"},
		{"unknown role", "\n\nci root " + h1 + "\n", `line 3: unknown role "root"`},
		{"none role", "ci none " + h1 + "\n", `line 1: unknown role "none"`},
		{"no prefix", "ci reader " + h1[len("sha256:"):] + "\n", `line 1: hash "` + h1[7:15] + `…" does not start with "sha256:"`},
		{"raw key pasted", "ci reader bkg_abcdefghijklmnop\n", `line 1: hash "bkg_abcd…" does not start`},
		{"short hash", "ci reader sha256:abcd\n", "line 1: hash has 4 hex digits, want 64"},
		{"not hex", "ci reader sha256:" + strings.Repeat("zz", 32) + "\n", "line 1: hash is not hex"},
		{"duplicate name", "ci reader " + h1 + "\nci editor " + h2 + "\n", `line 2: key name "ci" already used on line 1`},
		{"duplicate hash", "a reader " + h1 + "\n#\nb editor " + "sha256:" + strings.ToUpper(h1[7:]) + "\n", "line 3: same key hash as line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadAPIKeys(strings.NewReader(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestNewValidates(t *testing.T) {
	small := mustRSA(1024)
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // "" for a valid config
	}{
		{"empty", Config{}, ""},
		{"keys", Config{APIKeys: apiKeys}, ""},
		{"hs256", Config{JWT: hsConfig}, ""},
		{"rs256", Config{JWT: rsConfig}, ""},
		{"both", Config{JWT: bothConfig}, ""},
		{"key without name", Config{APIKeys: []APIKey{{"", HashKey("x"), RoleReader}}}, "name"},
		{"key name with space", Config{APIKeys: []APIKey{{"a b", HashKey("x"), RoleReader}}}, "name"},
		{"key role none", Config{APIKeys: []APIKey{{"a", HashKey("x"), RoleNone}}}, "cannot be granted"},
		{"key bad hash", Config{APIKeys: []APIKey{{"a", "md5:00", RoleReader}}}, "does not start"},
		{"key names twice", Config{APIKeys: []APIKey{{"a", HashKey("x"), RoleReader}, {"a", HashKey("y"), RoleReader}}}, "name used twice"},
		{"key hash twice", Config{APIKeys: []APIKey{{"a", HashKey("x"), RoleReader}, {"b", HashKey("x"), RoleAdmin}}}, "same hash"},
		{"jwt without key", Config{JWT: &JWTConfig{Issuer: issuer, Audience: audience}}, "needs an HS256 secret or an RS256 public key"},
		{"jwt without issuer", Config{JWT: &JWTConfig{HS256Secret: secret, Audience: audience}}, "needs an issuer"},
		{"jwt without audience", Config{JWT: &JWTConfig{RS256PublicKeyPEM: rsaPEM, Issuer: issuer}}, "needs an audience"},
		{"short secret", Config{JWT: &JWTConfig{HS256Secret: []byte("short"), Issuer: issuer, Audience: audience}}, "at least 32"},
		{"bad pem", Config{JWT: &JWTConfig{RS256PublicKeyPEM: []byte("not a key"), Issuer: issuer, Audience: audience}}, "RS256 public key"},
		{"small rsa", Config{JWT: &JWTConfig{RS256PublicKeyPEM: pemOf(&small.PublicKey), Issuer: issuer, Audience: audience}}, "1024 bits"},
		{"secret is the public key", Config{JWT: &JWTConfig{HS256Secret: rsaPEM, RS256PublicKeyPEM: rsaPEM, Issuer: issuer, Audience: audience}}, "anyone could sign"},
		{"negative leeway", Config{JWT: &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience, Leeway: -time.Second}}, "negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("New: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("New error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestAPIKeys(t *testing.T) {
	a := newAuth(t, Config{APIKeys: apiKeys})
	for _, tc := range []struct {
		name  string
		authz []string
		want  Principal
		cause string // hidden cause of a refusal
	}{
		{"reader", []string{"Bearer " + readerKey}, Principal{"ci-reader", RoleReader, MethodAPIKey}, ""},
		{"editor", []string{"Bearer " + editorKey}, Principal{"ci-editor", RoleEditor, MethodAPIKey}, ""},
		{"admin", []string{"Bearer " + adminKey}, Principal{"ops", RoleAdmin, MethodAPIKey}, ""},
		{"scheme case", []string{"bearer  " + adminKey + " "}, Principal{"ops", RoleAdmin, MethodAPIKey}, ""},
		{"unknown key", []string{"Bearer bkg_not-a-key"}, Principal{}, "matches no configured key"},
		{"key with extra char", []string{"Bearer " + adminKey + "x"}, Principal{}, "matches no configured key"},
		{"hash as key", []string{"Bearer " + HashKey(adminKey)}, Principal{}, "matches no configured key"},
		{"basic scheme", []string{"Basic " + adminKey}, Principal{}, `scheme "Basic" is not Bearer`},
		{"no scheme", []string{adminKey}, Principal{}, "is not Bearer"},
		{"empty token", []string{"Bearer "}, Principal{}, "empty bearer token"},
		{"two headers", []string{"Bearer " + adminKey, "Bearer " + readerKey}, Principal{}, "more than one"},
		{"huge token", []string{"Bearer " + strings.Repeat("a", 10000)}, Principal{}, "10000 bytes"},
		{"jwt without jwt config", []string{"Bearer " + hs(claims())}, Principal{}, "JWTs are not accepted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := a.Authenticate(request(tc.authz...))
			if tc.cause != "" {
				checkRefused(t, p, err, tc.cause)
				return
			}
			if err != nil || p != tc.want {
				t.Errorf("Authenticate = %+v, %v; want %+v", p, err, tc.want)
			}
		})
	}
}

func TestJWT(t *testing.T) {
	editor := Principal{"alice", RoleEditor, MethodJWT}
	hour := time.Hour
	for _, tc := range []struct {
		name  string
		cfg   *JWTConfig
		token string
		want  Principal
		cause string
	}{
		{"hs256 good", hsConfig, hs(claims()), editor, ""},
		{"hs256 good with both keys", bothConfig, hs(claims()), editor, ""},
		{"hs256 reader", hsConfig, hs(claims(set("role", "reader"))), Principal{"alice", RoleReader, MethodJWT}, ""},
		{"hs256 admin", hsConfig, hs(claims(set("role", "admin"))), Principal{"alice", RoleAdmin, MethodJWT}, ""},
		{"hs256 aud list", hsConfig, hs(claims(set("aud", []string{"other", audience}))), editor, ""},
		{"role list takes the highest known", hsConfig, hs(claims(set("role", []string{"offline_access", "reader", "editor"}))), editor, ""},
		{"custom role claim", &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience, RoleClaim: "bkg_role"}, hs(claims(del("role"), set("bkg_role", "admin"))), Principal{"alice", RoleAdmin, MethodJWT}, ""},
		{"expired within leeway", &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience, Leeway: time.Minute}, hs(claims(set("exp", time.Now().Add(-30*time.Second).Unix()))), editor, ""},
		{"rs256 good", rsConfig, rs(claims()), editor, ""},
		{"rs256 good with both keys", bothConfig, rs(claims()), editor, ""},

		{"hs256 wrong secret", hsConfig, sign(jwt.SigningMethodHS256, []byte("another-secret-another-secret-0123"), claims()), Principal{}, "signature is invalid"},
		{"hs256 tampered claims", hsConfig, tamper(hs(claims(set("role", "reader"))), claims(set("role", "admin"))), Principal{}, "signature is invalid"},
		{"expired", hsConfig, hs(claims(set("exp", time.Now().Add(-time.Minute).Unix()))), Principal{}, "token is expired"},
		{"expired beyond leeway", &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience, Leeway: time.Minute}, hs(claims(set("exp", time.Now().Add(-2*time.Minute).Unix()))), Principal{}, "token is expired"},
		{"no exp", hsConfig, hs(claims(del("exp"))), Principal{}, "exp claim is required"},
		{"not yet valid", hsConfig, hs(claims(set("nbf", time.Now().Add(hour).Unix()))), Principal{}, "token is not valid yet"},
		{"issued in the future", hsConfig, hs(claims(set("iat", time.Now().Add(hour).Unix()))), Principal{}, "token used before issued"},
		{"wrong issuer", hsConfig, hs(claims(set("iss", "https://evil.example/"))), Principal{}, "invalid issuer"},
		{"no issuer", hsConfig, hs(claims(del("iss"))), Principal{}, "iss claim is required"},
		{"wrong audience", hsConfig, hs(claims(set("aud", "another-api"))), Principal{}, "invalid audience"},
		{"no audience", hsConfig, hs(claims(del("aud"))), Principal{}, "aud claim is required"},
		{"no subject", hsConfig, hs(claims(del("sub"))), Principal{}, "no sub claim"},
		{"missing role", hsConfig, hs(claims(del("role"))), Principal{}, `claim "role": missing`},
		{"unknown role", hsConfig, hs(claims(set("role", "superuser"))), Principal{}, `unknown role "superuser"`},
		{"role none", hsConfig, hs(claims(set("role", "none"))), Principal{}, `unknown role "none"`},
		{"role list without a known role", hsConfig, hs(claims(set("role", []string{"offline_access"}))), Principal{}, "no known role"},
		{"role of wrong type", hsConfig, hs(claims(set("role", 3))), Principal{}, "want a role name"},
		{"role claim renamed away", &JWTConfig{HS256Secret: secret, Issuer: issuer, Audience: audience, RoleClaim: "bkg_role"}, hs(claims()), Principal{}, `claim "bkg_role": missing`},

		{"alg none", bothConfig, unsigned(`{"alg":"none","typ":"JWT"}`, claims()), Principal{}, "signing method none is invalid"},
		{"alg None", bothConfig, unsigned(`{"alg":"None","typ":"JWT"}`, claims()), Principal{}, "unavailable"},
		{"alg none with signature", hsConfig, unsigned(`{"alg":"none"}`, claims()) + "c2ln", Principal{}, "is invalid"},
		{"no alg", hsConfig, unsigned(`{"typ":"JWT"}`, claims()), Principal{}, "unverifiable"},
		{"hs384 refused", hsConfig, sign(jwt.SigningMethodHS384, secret, claims()), Principal{}, "signing method HS384 is invalid"},
		{"hs512 refused", hsConfig, sign(jwt.SigningMethodHS512, secret, claims()), Principal{}, "signing method HS512 is invalid"},
		{"ps256 refused", rsConfig, sign(jwt.SigningMethodPS256, rsaKey, claims()), Principal{}, "signing method PS256 is invalid"},
		{"rs256 token, hs256 config", hsConfig, rs(claims()), Principal{}, "signing method RS256 is invalid"},
		{"hs256 token, rs256 config", rsConfig, hs(claims()), Principal{}, "signing method HS256 is invalid"},
		// The key-confusion attack: HMAC with the RSA public key, which is public, as secret.
		{"hs256 signed with the rsa public key, rs256 config", rsConfig, sign(jwt.SigningMethodHS256, rsaPEM, claims(set("role", "admin"))), Principal{}, "signing method HS256 is invalid"},
		{"hs256 signed with the rsa public key, both", bothConfig, sign(jwt.SigningMethodHS256, rsaPEM, claims(set("role", "admin"))), Principal{}, "signature is invalid"},
		{"hs256 signed with the rsa public key DER, both", bothConfig, sign(jwt.SigningMethodHS256, derOf(rsaPEM), claims(set("role", "admin"))), Principal{}, "signature is invalid"},
		{"rs256 other key", rsConfig, sign(jwt.SigningMethodRS256, otherRSA, claims()), Principal{}, "signature is invalid"},
		{"garbage", hsConfig, "a.b.c", Principal{}, "malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newAuth(t, Config{JWT: tc.cfg, APIKeys: apiKeys})
			p, err := a.Authenticate(request("Bearer " + tc.token))
			if tc.cause != "" {
				checkRefused(t, p, err, tc.cause)
				return
			}
			if err != nil || p != tc.want {
				t.Errorf("Authenticate = %+v, %v; want %+v", p, err, tc.want)
			}
		})
	}
}

// tamper swaps the payload of a signed token for c, keeping header and signature.
func tamper(token string, c jwt.MapClaims) string {
	parts := strings.Split(token, ".")
	body, _ := json.Marshal(c)
	parts[1] = base64.RawURLEncoding.EncodeToString(body)
	return strings.Join(parts, ".")
}

func derOf(p []byte) []byte {
	b, _ := pem.Decode(p)
	return b.Bytes
}

func TestAnonymous(t *testing.T) {
	for _, on := range []bool{true, false} {
		a := newAuth(t, Config{AnonymousRead: on, APIKeys: apiKeys})
		p, err := a.Authenticate(request())
		want := Principal{Role: RoleNone, Method: MethodAnonymous}
		if on {
			want.Role = RoleReader
		}
		if err != nil || p != want || !p.Anonymous() {
			t.Errorf("AnonymousRead=%v: Authenticate = %+v, %v; want %+v", on, p, err, want)
		}
	}
}

func TestRequire(t *testing.T) {
	roles := []Role{RoleNone, RoleReader, RoleEditor, RoleAdmin}
	for _, method := range []string{MethodAnonymous, MethodAPIKey, MethodJWT} {
		for _, has := range roles {
			for _, min := range roles {
				p := Principal{Subject: "s", Role: has, Method: method}
				err := Require(WithPrincipal(context.Background(), p), min)
				want := ""
				switch {
				case has >= min:
				case method == MethodAnonymous:
					want = kg.EUNAUTHORIZED
				default:
					want = kg.EFORBIDDEN
				}
				if got := kg.ErrorCode(err); got != want {
					t.Errorf("%s %v, Require(%v) = %v (code %q), want code %q", method, has, min, err, got, want)
				}
				if err != nil && !strings.Contains(kg.ErrorMessage(err), min.String()) {
					t.Errorf("message %q does not name the role needed", kg.ErrorMessage(err))
				}
			}
		}
	}
	// No principal at all: fail closed.
	if got := kg.ErrorCode(Require(context.Background(), RoleReader)); got != kg.EUNAUTHORIZED {
		t.Errorf("Require without principal: code %q, want %q", got, kg.EUNAUTHORIZED)
	}
	if err := Require(context.Background(), RoleNone); err != nil {
		t.Errorf("Require(RoleNone) without principal: %v", err)
	}
	if p := FromContext(context.Background()); p != (Principal{Role: RoleNone, Method: MethodAnonymous}) {
		t.Errorf("FromContext(empty) = %+v", p)
	}
}

func TestMiddleware(t *testing.T) {
	const (
		invalidBody  = `{"errors":[{"message":"invalid credentials","extensions":{"code":"UNAUTHENTICATED"}}]}` + "\n"
		requiredBody = `{"errors":[{"message":"authentication required","extensions":{"code":"UNAUTHENTICATED"}}]}` + "\n"
	)
	for _, tc := range []struct {
		name      string
		anonRead  bool
		method    string
		authz     []string
		status    int
		challenge string
		body      string
		want      Principal // seen by the next handler
	}{
		{"bad key", true, "POST", []string{"Bearer nope"}, 401, `Bearer error="invalid_token"`, invalidBody, Principal{}},
		{"bad jwt", true, "POST", []string{"Bearer " + hs(claims(set("iss", "x")))}, 401, `Bearer error="invalid_token"`, invalidBody, Principal{}},
		{"bad scheme", true, "GET", []string{"Basic dTpw"}, 401, `Bearer error="invalid_token"`, invalidBody, Principal{}},
		{"anonymous, reads on", true, "POST", nil, 200, "", "ok", Principal{Role: RoleReader, Method: MethodAnonymous}},
		{"anonymous, reads off", false, "POST", nil, 401, "Bearer", requiredBody, Principal{}},
		{"anonymous GET, reads off", false, "GET", nil, 401, "Bearer", requiredBody, Principal{}},
		{"preflight, reads off", false, "OPTIONS", nil, 200, "", "ok", Principal{Role: RoleNone, Method: MethodAnonymous}},
		{"api key, reads off", false, "POST", []string{"Bearer " + editorKey}, 200, "", "ok", Principal{"ci-editor", RoleEditor, MethodAPIKey}},
		{"jwt, reads off", false, "POST", []string{"Bearer " + rs(claims())}, 200, "", "ok", Principal{"alice", RoleEditor, MethodJWT}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newAuth(t, Config{AnonymousRead: tc.anonRead, APIKeys: apiKeys, JWT: bothConfig})
			var seen *Principal
			h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				p := FromContext(r.Context())
				seen = &p
				io.WriteString(w, "ok")
			}))
			r := request(tc.authz...)
			r.Method = tc.method
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Errorf("status %d, want %d", w.Code, tc.status)
			}
			if got := w.Header().Get("WWW-Authenticate"); got != tc.challenge {
				t.Errorf("WWW-Authenticate %q, want %q", got, tc.challenge)
			}
			if got := w.Body.String(); got != tc.body {
				t.Errorf("body %q, want %q", got, tc.body)
			}
			if tc.status == 401 {
				if seen != nil {
					t.Error("refused request reached the next handler")
				}
				if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type %q", ct)
				}
				if !json.Valid(w.Body.Bytes()) {
					t.Error("body is not JSON")
				}
				return
			}
			if seen == nil || *seen != tc.want {
				t.Errorf("next handler saw %+v, want %+v", seen, tc.want)
			}
		})
	}
}

// TestMiddlewareLogsCause checks that a refusal is logged with its reason but without the
// token.
func TestMiddlewareLogsCause(t *testing.T) {
	var buf strings.Builder
	a, err := New(Config{APIKeys: apiKeys, JWT: hsConfig, Log: slog.New(slog.NewTextHandler(&buf, nil))})
	if err != nil {
		t.Fatal(err)
	}
	token := hs(claims(set("aud", "another-api")))
	a.Middleware(http.NotFoundHandler()).ServeHTTP(httptest.NewRecorder(), request("Bearer "+token))
	log := buf.String()
	if !strings.Contains(log, "invalid audience") {
		t.Errorf("log %q does not give the reason", log)
	}
	if strings.Contains(log, token) || strings.Contains(log, strings.Split(token, ".")[2]) {
		t.Errorf("log %q holds the token", log)
	}
}
