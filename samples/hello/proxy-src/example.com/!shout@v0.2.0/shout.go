// Package shout says things loudly. Its path has an upper-case letter, so the module cache and the proxy spell it
// example.com/!shout (Go's case-encoding).
package shout

import (
	"strings"

	"example.com/punct"
)

// Loud upper-cases a phrase and ends it.
func Loud(s string) string { return punct.End(strings.ToUpper(s)) }
