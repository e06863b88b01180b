package neo4jstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/batterykg/batterykg/internal/cypherfile"
)

// Import runs the data stewards' Cypher files with the importer (cypherfile.Import, opts as
// given, on the store's database unless opts names another) and then recounts stage
// coverage, which the files may have changed: whatever was committed, the import finished or
// not (not after a dry run, which changes nothing). Every import of the project goes through
// here, so the stored counts stay exact.
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
	reports, err := cypherfile.ImportFiles(ctx, s.driver, files, opts)
	if opts.DryRun {
		return reports, err
	}
	if rerr := s.RecountCoverage(context.WithoutCancel(ctx)); rerr != nil {
		err = errors.Join(err, fmt.Errorf("recounting stage coverage: %w (`batterykg migrate` recounts it)", rerr))
	}
	return reports, err
}
