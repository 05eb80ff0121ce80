// Command greet is a C shared library: Greet is exported to C (and so to C# through P/Invoke).
package main

// #include <stdlib.h>
import "C"

import (
	"unsafe"

	shout "example.com/Shout"
	"example.com/greeting"
)

// Greet returns a loud greeting for name, built by the modules the SDK restored. The caller frees the result with FreeString.
//
//export Greet
func Greet(name *C.char) *C.char {
	return C.CString(shout.Loud(greeting.Hello(C.GoString(name))))
}

// FreeString frees a string Greet returned.
//
//export FreeString
func FreeString(s *C.char) {
	C.free(unsafe.Pointer(s))
}

// main is required by -buildmode=c-shared and never runs.
func main() {}
