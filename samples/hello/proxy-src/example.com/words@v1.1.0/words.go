// Package words knows a greeting word.
package words

import "example.com/punct"

// Hello is the word for a greeting (v1.1.0 is formal; nobody requires it, so MVS never selects it).
const Hello = "Good day"

// Sentence makes a sentence of a phrase.
func Sentence(s string) string { return punct.End(s) }
