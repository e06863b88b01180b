package neo4jstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherfile"
)

// Import runs the data stewards' Cypher files with the importer (cypherfile.Import, opts as
// given, on the store's database unless opts names another) and keeps the derived data the
// files may have changed exact. With the batterykg plugin, each transaction does before it
// commits (derivedUpkeep): it sets the name sort keys of the nodes it wrote and adjusts the
// stage coverage counts by what it changed. What no transaction hook sees (CALL { ... } IN
// TRANSACTIONS, a database without the plugin), and the counts of a bulk load (a transaction
// of more than coverageAdjustMax nodes), are made good once the import has run, finished or
// not: stage coverage recounted, wrong name keys repaired. A dry run changes nothing. Every
// import of the project goes through here.
func (s *Store) Import(ctx context.Context, paths []string, opts cypherfile.Options) ([]cypherfile.FileReport, error) {
	files, _, err := cypherfile.Files(paths)
	if err != nil {
		return nil, err
	}
	return s.ImportFiles(ctx, files, opts)
}

// ImportFiles is Import for files already expanded by cypherfile.Files.
func (s *Store) ImportFiles(ctx context.Context, files []string, opts cypherfile.Options) ([]cypherfile.FileReport, error) {
	if opts.Database == "" {
		opts.Database = s.cfg.Database
	}
	var upkeep *derivedUpkeep
	if !opts.DryRun && opts.Upkeep == nil {
		plugin, err := s.CanCheckTouched(ctx)
		if err != nil {
			return nil, err
		}
		if plugin {
			upkeep = &derivedUpkeep{}
			opts.Upkeep = upkeep.keep
		}
	}
	reports, err := cypherfile.ImportFiles(ctx, s.driver, files, opts)
	if opts.DryRun || (upkeep != nil && !upkeep.recountAfter && !unhooked(reports)) {
		return reports, err
	}
	after := context.WithoutCancel(ctx)
	if rerr := s.RecountCoverage(after); rerr != nil {
		err = errors.Join(err, fmt.Errorf("recounting stage coverage: %w (`batterykg migrate` recounts it)", rerr))
	}
	if _, rerr := s.RepairNameKeys(after); rerr != nil {
		err = errors.Join(err, fmt.Errorf("setting the name sort keys: %w (`batterykg migrate` sets them)", rerr))
	}
	return reports, err
}

// derivedUpkeep keeps, inside each of an import's transactions, the derived data of what it
// wrote: the name sort keys and the stage coverage counts. It needs the batterykg plugin.
type derivedUpkeep struct {
	// recountAfter: a transaction wrote more than coverageAdjustMax nodes; the counts are
	// no longer adjusted but recounted once the import has run.
	recountAfter bool
}

func (u *derivedUpkeep) keep(ctx context.Context, tx neo4j.ExplicitTransaction) error {
	if err := KeepNameKeys(ctx, tx); err != nil {
		return err
	}
	if u.recountAfter {
		return nil
	}
	did, err := adjustCoverage(ctx, tx, coverageAdjustMax)
	if err != nil {
		return fmt.Errorf("adjusting the stage coverage counts: %w", err)
	}
	u.recountAfter = did == tooMany
	return nil
}

// unhooked reports whether the import planned a transaction the upkeep hook does not run in
// (CALL { ... } IN TRANSACTIONS commits as it goes).
func unhooked(reports []cypherfile.FileReport) bool {
	for _, r := range reports {
		for _, u := range r.Units {
			if u.Kind == cypherfile.ModeAutocommit {
				return true
			}
		}
	}
	return false
}

// APOCScaffoldLeft is the number of nodes that still carry [APOCImportLabel]: an APOC export
// whose last statements did not run.
func (s *Store) APOCScaffoldLeft(ctx context.Context) (int64, error) {
	recs, err := s.read(ctx, "MATCH (n:`"+APOCImportLabel+"`) RETURN count(n)", nil)
	if err != nil {
		return 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	return n, nil
}
