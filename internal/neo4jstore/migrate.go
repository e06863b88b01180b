package neo4jstore

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/kg"
)

//go:embed migrations/*.cypher
var migrationFiles embed.FS

// Migration is one schema step: a numbered file of schema statements.
type Migration struct {
	Version    int
	Name       string
	Statements []string
	Checksum   string
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".cypher")
		num, rest, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNN_name.cypher", e.Name())
		}
		src, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(src)
		stmts, err := schemaStatements(string(src))
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Version: v, Name: rest, Statements: stmts, Checksum: hex.EncodeToString(sum[:8])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// schemaStatements splits a migration file with the importer's splitter.
func schemaStatements(src string) ([]string, error) {
	stmts, err := cypherfile.Split(src)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(stmts))
	for _, st := range stmts {
		if len(st.Params) > 0 {
			return nil, fmt.Errorf("line %d: a migration holds schema statements only", st.Line)
		}
		out = append(out, st.Text)
	}
	return out, nil
}

// Migrate applies the migrations not yet recorded in the database, in order, and records
// each as a (:SchemaMigration {version}) node. Schema statements are idempotent
// (IF NOT EXISTS), so a migration interrupted half-way is simply applied again. Then it makes
// the derived data that is missing: the stage coverage counts, the name sort keys.
func (s *Store) Migrate(ctx context.Context, log *slog.Logger) (applied int, err error) {
	ctx = maintenance(ctx) // index builds and the recount take longer than a request
	ms, err := Migrations()
	if err != nil {
		return 0, kg.Wrap(kg.EINTERNAL, "reading migrations", err)
	}
	recs, err := s.read(ctx, "MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS sum", nil)
	if err != nil {
		return 0, err
	}
	done := map[int64]string{}
	for _, r := range recs {
		v, _ := r.Get("v")
		sum, _ := r.Get("sum")
		vi, _ := v.(int64)
		ss, _ := sum.(string)
		done[vi] = ss
	}
	for _, m := range ms {
		if sum, ok := done[int64(m.Version)]; ok {
			if sum != m.Checksum {
				log.Warn("migration changed since it was applied", "version", m.Version, "name", m.Name)
			}
			continue
		}
		for _, stmt := range m.Statements {
			if _, err := s.write(ctx, stmt, nil); err != nil {
				return applied, fmt.Errorf("migration %03d_%s: %w", m.Version, m.Name, err)
			}
		}
		_, err := s.write(ctx, `MERGE (m:SchemaMigration {version: $v})
			SET m.name = $name, m.checksum = $sum, m.appliedAt = datetime()`,
			map[string]any{"v": m.Version, "name": m.Name, "sum": m.Checksum})
		if err != nil {
			return applied, err
		}
		applied++
		log.Info("schema migration applied", "version", m.Version, "name", m.Name)
	}
	// Wait for the indexes to come online, so the first queries can use them.
	if _, err = s.write(ctx, "CALL db.awaitIndexes(60)", nil); err != nil {
		return applied, err
	}
	// Derived data every write keeps: counted when missing (a new database, an older
	// version's), not recounted (12 s at 1,000,000 actors, on every start of the server);
	// RepairDerived recounts.
	recs, err = s.write(ctx, coverageReady, map[string]any{"n": len(kg.CoverageScopes())})
	if err != nil {
		return applied, err
	}
	if ready, _ := recs[0].Values[0].(bool); !ready {
		if err := s.RecountCoverage(ctx); err != nil {
			return applied, fmt.Errorf("counting stage coverage: %w", err)
		}
		log.Info("stage coverage counted")
	}
	// The name sort keys: this fills them in when migration 005 is new (1.8 s at 1,000,000
	// actors when none is missing).
	if n, err := s.RepairNameKeys(ctx); err != nil {
		return applied, fmt.Errorf("setting the name sort keys: %w", err)
	} else if n > 0 {
		log.Info("name sort keys set", "nodes", n)
	}
	return applied, nil
}

// RepairDerived makes the derived data exact from scratch: it recounts stage coverage and
// sets every wrong name sort key, and returns how many keys it set. Every write through the
// API and the importer keeps them; this repairs writes that went around both (cypher-shell).
// `batterykg migrate` runs it.
func (s *Store) RepairDerived(ctx context.Context) (keys int64, err error) {
	if err := s.RecountCoverage(ctx); err != nil {
		return 0, fmt.Errorf("recounting stage coverage: %w", err)
	}
	keys, err = s.RepairNameKeys(ctx)
	if err != nil {
		return 0, fmt.Errorf("setting the name sort keys: %w", err)
	}
	return keys, nil
}
