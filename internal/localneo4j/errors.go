package localneo4j

import "errors"

// Sentinel errors; every error this package returns wraps one of them, so callers can test
// with errors.Is(err, ErrPortInUse) and so on.
var (
	ErrConfig         = errors.New("invalid config")
	ErrNoJava         = errors.New("no usable java")
	ErrFetch          = errors.New("fetching Neo4j failed")
	ErrDiskSpace      = errors.New("not enough disk space")
	ErrPortInUse      = errors.New("port in use")
	ErrAlreadyRunning = errors.New("already running with another config")
	ErrPassword       = errors.New("password does not match the data directory")
	ErrExited         = errors.New("neo4j exited during startup")
	ErrTimeout        = errors.New("neo4j did not become ready in time")
	ErrStop           = errors.New("neo4j did not stop")
	ErrLocked         = errors.New("could not lock the state directory")
)

// Error is the error type returned by this package: one line saying what went wrong and,
// where there is one, the log file to read. errors.Is matches its Kind.
type Error struct {
	Kind   error  // one of the Err* values above
	Detail string // one line: why
	Log    string // log file with more, or ""
}

func (e *Error) Error() string {
	s := "localneo4j: " + e.Kind.Error() + ": " + e.Detail
	if e.Log != "" {
		s += " (see " + e.Log + ")"
	}
	return s
}

// Unwrap returns Kind.
func (e *Error) Unwrap() error { return e.Kind }

func newErr(kind error, log, detail string) *Error {
	return &Error{Kind: kind, Detail: detail, Log: log}
}
