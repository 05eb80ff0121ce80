module example.com/m

exclude (
	example.com/a v1.0.0 // first
	example.com/a v1.0.0 // second
)

exclude example.com/a v1.0.0

replace example.com/b => ../b1

replace (
	example.com/b => ../b2
	example.com/b v1.0.0 => ../b3
)

require (
	example.com/c v1.0.0
	example.com/c v1.1.0
)
