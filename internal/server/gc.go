package server

import (
	"os"
	"runtime/debug"
)

// GCPercent is the garbage collector's target the server runs with unless GOGC is set: the
// heap may grow to five times what is live before a collection. The server's live heap is
// small (the answers in flight) and almost all it allocates dies with its request, so
// collecting four times less often costs little memory and gives back CPU (docs/benchmarks.md).
const GCPercent = 400

// TuneGC applies GCPercent, unless the environment sets GOGC, which wins.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}
