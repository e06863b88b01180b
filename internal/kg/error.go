// Package kg holds the domain of batterykg: the graph model stated once (model.go), the
// error codes every layer speaks, the selection tree the API hands to the store, cursors and
// input rules. It imports no driver and no HTTP.
package kg

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Error codes. The GraphQL layer turns them into `extensions.code`.
const (
	ENOTFOUND     = "NOT_FOUND"
	EINVALID      = "BAD_USER_INPUT"
	ECONFLICT     = "CONFLICT"
	EUNAUTHORIZED = "UNAUTHENTICATED"
	EFORBIDDEN    = "FORBIDDEN"
	EUNAVAILABLE  = "UNAVAILABLE"
	EINTERNAL     = "INTERNAL"
)

// Error is a domain error: a code and a message safe to show to clients.
type Error struct {
	Code    string
	Message string
	// Field names the input field at fault, for EINVALID errors ("" when none).
	Field string
	// Err is the cause, for logs only; it is never shown to clients.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with the code and message that keeps err as its hidden cause.
func Wrap(code, msg string, err error) *Error {
	return &Error{Code: code, Message: msg, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other
// error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the *Error's message, or a generic
// one for anything else.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "internal error"
}

// maxQuoted is how many bytes of a client's value an error message repeats.
const maxQuoted = 64

// Quote is s quoted for an error message: whole up to 64 bytes, else its start and its
// length, so that a message never echoes a client's megabyte back (once per field).
func Quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:cut]), len(s))
}
