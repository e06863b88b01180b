package neo4jstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/batterykg/batterykg/internal/cypherfile"
)

// Import runs the data stewards' Cypher files with the importer (cypherfile.Import, opts as
// given, on the store's database unless opts names another) and keeps the derived data the
// files may have changed: each transaction sets the name sort keys of the nodes it wrote
// (when the database has the batterykg plugin), and once the import has run, finished or
// not, the stage coverage is recounted and any name key still wrong is repaired (not after a
// dry run, which changes nothing). Every import of the project goes through here, so the
// derived data stays exact.
func (s *Store) Import(ctx context.Context, paths []string, opts cypherfile.Options) ([]cypherfile.FileReport, error) {
	files, err := cypherfile.Files(paths)
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
	if !opts.DryRun && opts.Upkeep == nil {
		touched, err := s.CanCheckTouched(ctx)
		if err != nil {
			return nil, err
		}
		if touched {
			opts.Upkeep = KeepNameKeys
		}
	}
	reports, err := cypherfile.ImportFiles(ctx, s.driver, files, opts)
	if opts.DryRun {
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
