package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/batterykg/batterykg/internal/graphformat"
	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// exportFormat is `batterykg export --format graphml|csv|json`: the whole graph for graph
// tools. GraphML and JSON go to out (or stdout when out is empty), CSV to out/nodes.csv and
// out/edges.csv. Files are written next to their place and renamed into it only when the
// whole export succeeded. Progress lines (every 2 s) and a summary go to stderr unless quiet.
func exportFormat(ctx context.Context, store *neo4jstore.Store, format, out string, pageSize int, quiet bool, stdout, stderr io.Writer) error {
	start := time.Now()
	schema, err := store.GraphSchema(ctx)
	if err != nil {
		return err
	}
	var files []*pendingFile
	create := func(path string) (io.Writer, error) {
		f, err := newPendingFile(path)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return f.f, nil
	}
	defer func() {
		for _, f := range files {
			f.abort()
		}
	}()
	var w graphformat.Writer
	dest := "standard output"
	switch format {
	case "csv":
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		nodes, err := create(filepath.Join(out, "nodes.csv"))
		if err != nil {
			return err
		}
		edges, err := create(filepath.Join(out, "edges.csv"))
		if err != nil {
			return err
		}
		w, dest = graphformat.CSV(nodes, edges, schema), filepath.Join(out, "{nodes,edges}.csv")
	default:
		target := stdout
		if out != "" {
			if target, err = create(out); err != nil {
				return err
			}
			dest = out
		}
		if format == "graphml" {
			w = graphformat.GraphML(target, schema)
		} else {
			w = graphformat.JSON(target)
		}
	}
	last := time.Now()
	progress := func(nodes, rels int) {
		if !quiet && time.Since(last) >= 2*time.Second {
			last = time.Now()
			fmt.Fprintf(stderr, "export: %d nodes, %d relationships so far (%s)\n", nodes, rels, time.Since(start).Round(time.Second))
		}
	}
	nodes, rels, err := store.WalkGraph(ctx, pageSize, w, progress)
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("export: writing: %w", err)
	}
	for _, f := range files {
		if err := f.commit(); err != nil {
			return err
		}
	}
	if !quiet {
		fmt.Fprintf(stderr, "export: %d nodes and %d relationships written as %s to %s in %s\n",
			nodes, rels, format, dest, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// pendingFile is a temporary file next to path, renamed to path by commit.
type pendingFile struct {
	f    *os.File
	path string
	done bool
}

func newPendingFile(path string) (*pendingFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return &pendingFile{f: f, path: path}, nil
}

func (p *pendingFile) commit() error {
	if err := p.f.Chmod(0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := p.f.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(p.f.Name(), p.path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	p.done = true
	return nil
}

func (p *pendingFile) abort() {
	if !p.done {
		p.f.Close()
		os.Remove(p.f.Name())
	}
}
