// Package punct ends sentences.
package punct

// End closes a sentence with a full stop.
func End(s string) string { return s + "." }
