module example.com/m

go 1.19

require (
	example.com/a v1.0.0 // c
	example.com/b v1.0.0
)
// end
