// Package punct ends sentences.
package punct

// End closes a sentence with an exclamation mark: v1.1.0 is more excited than v1.0.0.
func End(s string) string { return s + "!" }
