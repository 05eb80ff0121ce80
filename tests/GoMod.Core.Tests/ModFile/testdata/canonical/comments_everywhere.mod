// leading comment block

// comment on module
module example.com/m // module suffix

// comment on go
go 1.19 // go suffix

// comment on require block
require ( // after open paren
	// before first line
	example.com/a v1.0.0 // suffix a

	// before b, after a blank line
	example.com/b v1.1.0
	example.com/c v1.2.0 // suffix c
// before close paren
) // after close paren

// free-standing comment block
// with two lines

exclude example.com/a v0.9.0 // bad release

// trailing comments
// at the end of the file
