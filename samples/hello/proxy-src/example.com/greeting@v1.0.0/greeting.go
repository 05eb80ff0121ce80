// Package greeting greets.
package greeting

// Hello greets someone.
func Hello(name string) string { return "Hello, " + name }
