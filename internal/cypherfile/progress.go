package cypherfile

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Plain progress lines are written every progressEvery statements or progressInterval,
// whichever comes first.
var (
	progressEvery    = 10000
	progressInterval = 5 * time.Second
)

// progress shows how far the import of one file is.
type progress interface {
	// step says that statement n (1-based) has run.
	step(n int)
	// finish ends the file's progress output with a summary line.
	finish(FileReport)
}

func newProgress(opts Options, path string, total, skip int) progress {
	switch {
	case opts.Progress == nil:
		return silent{}
	case opts.Terminal && total > skip:
		bar := progressbar.NewOptions(total-skip,
			progressbar.OptionSetWriter(opts.Progress),
			progressbar.OptionSetDescription(filepath.Base(path)),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("stmt"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		return &barProgress{w: opts.Progress, bar: bar, skip: skip}
	default:
		return &lineProgress{w: opts.Progress, path: path, total: total, last: skip, lastAt: time.Now()}
	}
}

type silent struct{}

func (silent) step(int)          {}
func (silent) finish(FileReport) {}

// lineProgress writes lines like "data/x.cypher: 1200/5000 statements".
type lineProgress struct {
	w           io.Writer
	path        string
	total, last int
	lastAt      time.Time
}

func (p *lineProgress) step(n int) {
	if n == p.total || n-p.last < progressEvery && time.Since(p.lastAt) < progressInterval {
		return
	}
	p.last, p.lastAt = n, time.Now()
	fmt.Fprintf(p.w, "%s: %d/%d statements\n", p.path, n, p.total)
}

func (p *lineProgress) finish(r FileReport) { fmt.Fprintln(p.w, doneLine(r)) }

// doneLine is the last progress line of a file, e.g.
// "data/x.cypher: 5000/5000 statements, done in 3.2s"; the report has the details.
func doneLine(r FileReport) string {
	n := r.Skipped + r.Run
	dur := r.Duration.Round(time.Millisecond)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: %d/%d statements, failed %s after %s", r.Path, n, r.Statements, r.failedAt(), dur)
	case r.DryRun:
		return fmt.Sprintf("%s: %d/%d statements, checked in %s (dry run)", r.Path, n, r.Statements, dur)
	}
	return fmt.Sprintf("%s: %d/%d statements, done in %s", r.Path, n, r.Statements, dur)
}

// barProgress draws a progress bar over the statements of the file.
type barProgress struct {
	w    io.Writer
	bar  *progressbar.ProgressBar
	skip int
}

func (p *barProgress) step(n int) { _ = p.bar.Set(n - p.skip) }

func (p *barProgress) finish(r FileReport) {
	if r.Err == nil {
		_ = p.bar.Finish() // clears the bar
	} else {
		_ = p.bar.Exit()
		fmt.Fprintln(p.w)
	}
	fmt.Fprintln(p.w, doneLine(r))
}
