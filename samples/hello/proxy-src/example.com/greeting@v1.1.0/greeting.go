// Package greeting greets.
package greeting

import (
	"example.com/punct"
	"example.com/words"
)

// Hello greets someone in a whole sentence.
func Hello(name string) string { return punct.End(words.Hello + ", " + name) }
