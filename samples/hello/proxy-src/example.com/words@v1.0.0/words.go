// Package words knows a greeting word.
package words

import "example.com/punct"

// Hello is the word for a greeting.
const Hello = "Hello"

// Sentence makes a sentence of a phrase.
func Sentence(s string) string { return punct.End(s) }
