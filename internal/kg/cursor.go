package kg

import (
	"encoding/base64"
	"strconv"
	"strings"
)

const cursorPrefix = "offset:"

// EncodeCursor returns the opaque Relay cursor of the item at a 0-based position.
func EncodeCursor(pos int) string {
	return base64.StdEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(pos)))
}

// MaxCursor is the largest position a cursor may stand for: far beyond any list, and small
// enough that the offset after it (position + 1) and the page end stay well inside an int.
const MaxCursor = 1<<31 - 2

// DecodeCursor returns the position a cursor stands for, or an EINVALID error.
func DecodeCursor(c string) (int, error) {
	b, err := base64.StdEncoding.DecodeString(c)
	s, ok := strings.CutPrefix(string(b), cursorPrefix)
	n, err2 := strconv.Atoi(s)
	if err != nil || !ok || err2 != nil || n < 0 {
		return 0, Errorf(EINVALID, "invalid cursor %s", Quote(c))
	}
	if n > MaxCursor {
		return 0, Errorf(EINVALID, "cursor %s is out of range", Quote(c))
	}
	return n, nil
}
