package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/synth"
)

// seedFiles are the seed graph's files a synthetic graph needs: the sources catalogue and the
// ten stages its ACTIVE_IN and TARGETS relationships point to.
var seedFiles = []string{"001_sources.cypher", "002_stages.cypher"}

// genFlags are the flags that say which graph to generate.
type genFlags struct {
	seed    uint64
	rows    int
	seedDir string
}

func (g *genFlags) register(fs *flag.FlagSet) {
	fs.Uint64Var(&g.seed, "seed", synth.DefaultSeed, "random seed of the generator")
	fs.IntVar(&g.rows, "rows", synth.DefaultRows, "rows per UNWIND statement")
	fs.StringVar(&g.seedDir, "seed-dir", "data/seed", "the seed graph, whose "+strings.Join(seedFiles, " and ")+" are copied next to the generated files")
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	actors := fs.Int("actors", 10000, "number of actors")
	out := fs.String("out", "", "the folder to write the files into (required)")
	var gf genFlags
	gf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("gen: --out is required")
	}
	t0 := time.Now()
	g, err := synth.Generate(synth.Config{Actors: *actors, Seed: gf.seed})
	if err != nil {
		return err
	}
	if err := writeFiles(g, *out, gf); err != nil {
		return err
	}
	fmt.Printf("%s\nwritten to %s in %s\n%s", g.Config.Fingerprint(), *out, time.Since(t0).Round(time.Millisecond), describe(g.Stats()))
	return nil
}

// writeFiles writes the graph's files and copies the seed's sources and stages next to them,
// so the folder loads on its own: `batterykg import --batch 1 DIR`.
func writeFiles(g *synth.Graph, dir string, gf genFlags) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range seedFiles {
		if err := copyFile(filepath.Join(gf.seedDir, name), filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("copying the seed's %s (run from the repository root, or pass --seed-dir): %w", name, err)
		}
	}
	_, err := g.Write(dir, synth.WriteOptions{Rows: gf.rows})
	return err
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// filesCurrent reports whether dir holds the files of g (the fingerprint in the first line of
// each generated file, and the seed files), so they need not be written again.
func filesCurrent(g *synth.Graph, dir string) bool {
	for _, name := range seedFiles {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	want := []byte(g.Config.Fingerprint())
	for _, name := range synth.Files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return false
		}
		head := make([]byte, 512)
		n, _ := io.ReadFull(f, head)
		f.Close()
		first, _, _ := bytes.Cut(head[:n], []byte("\n"))
		if !bytes.Contains(first, want) {
			return false
		}
	}
	return true
}

// describe prints the counts of a graph.
func describe(s synth.Stats) string {
	var b strings.Builder
	fmt.Fprintf(&b, "nodes: %d actors, %d projects, %d programmes (+ the seed's sources and 10 stages)\n", s.Actors, s.Projects, s.Programmes)
	types := make([]string, 0, len(s.Relationships))
	for t := range s.Relationships {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(&b, "relationships: %d (", s.TotalRelationships())
	for i, t := range types {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", t, s.Relationships[t])
	}
	fmt.Fprintf(&b, ")\nprojects per actor: median %d, 99th percentile %d, max %d; the top 1%% of actors hold %.0f%% of participations\n",
		s.MedianDegree, s.P99Degree, s.MaxDegree, 100*s.Top1PercentShare)
	return b.String()
}
