package main

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/batterykg/batterykg/internal/auth"
)

// authFlags configure who may read and write.
type authFlags struct {
	anonymousRead                    bool
	apiKeys, hsSecretFile, rsKeyFile string
	issuer, audience, roleClaim      string
	leeway                           time.Duration
}

func (a *authFlags) register(fs *flag.FlagSet) {
	anon, _ := strconv.ParseBool(envOr("BATTERYKG_ANONYMOUS_READ", "true"))
	fs.BoolVar(&a.anonymousRead, "anonymous-read", anon, "let callers without a token read (env BATTERYKG_ANONYMOUS_READ)")
	fs.StringVar(&a.apiKeys, "api-keys", envOr("BATTERYKG_API_KEYS", ""), "file of API keys: `<name> <role> sha256:<hex>` lines (env BATTERYKG_API_KEYS)")
	fs.StringVar(&a.hsSecretFile, "jwt-hs256-secret-file", envOr("BATTERYKG_JWT_HS256_SECRET_FILE", ""), "file holding the HS256 secret of JWTs (env BATTERYKG_JWT_HS256_SECRET_FILE)")
	fs.StringVar(&a.rsKeyFile, "jwt-rs256-public-key", envOr("BATTERYKG_JWT_RS256_PUBLIC_KEY", ""), "PEM file of the RS256 public key of JWTs (env BATTERYKG_JWT_RS256_PUBLIC_KEY)")
	fs.StringVar(&a.issuer, "jwt-issuer", envOr("BATTERYKG_JWT_ISSUER", ""), "required `iss` of JWTs (env BATTERYKG_JWT_ISSUER)")
	fs.StringVar(&a.audience, "jwt-audience", envOr("BATTERYKG_JWT_AUDIENCE", "batterykg"), "required `aud` of JWTs (env BATTERYKG_JWT_AUDIENCE)")
	fs.StringVar(&a.roleClaim, "jwt-role-claim", envOr("BATTERYKG_JWT_ROLE_CLAIM", "role"), "JWT claim holding the role (env BATTERYKG_JWT_ROLE_CLAIM)")
	fs.DurationVar(&a.leeway, "jwt-leeway", 30*time.Second, "clock skew allowed on exp/nbf/iat")
}

// authenticator builds the authenticator the flags describe.
func (a *authFlags) authenticator(log *slog.Logger) (*auth.Authenticator, error) {
	cfg := auth.Config{AnonymousRead: a.anonymousRead, Log: log}
	if a.apiKeys != "" {
		f, err := os.Open(a.apiKeys)
		if err != nil {
			return nil, fmt.Errorf("api keys: %w", err)
		}
		defer f.Close()
		if cfg.APIKeys, err = auth.LoadAPIKeys(f); err != nil {
			return nil, fmt.Errorf("api keys %s: %w", a.apiKeys, err)
		}
	}
	if a.hsSecretFile != "" || a.rsKeyFile != "" {
		j := &auth.JWTConfig{Issuer: a.issuer, Audience: a.audience, RoleClaim: a.roleClaim, Leeway: a.leeway}
		if a.hsSecretFile != "" {
			b, err := os.ReadFile(a.hsSecretFile)
			if err != nil {
				return nil, fmt.Errorf("jwt secret: %w", err)
			}
			j.HS256Secret = bytes.TrimSpace(b)
		}
		if a.rsKeyFile != "" {
			b, err := os.ReadFile(a.rsKeyFile)
			if err != nil {
				return nil, fmt.Errorf("jwt public key: %w", err)
			}
			j.RS256PublicKeyPEM = b
		}
		cfg.JWT = j
	}
	if len(cfg.APIKeys) == 0 && cfg.JWT == nil {
		log.Warn("no API keys and no JWT key configured: nobody can write")
	}
	return auth.New(cfg)
}
