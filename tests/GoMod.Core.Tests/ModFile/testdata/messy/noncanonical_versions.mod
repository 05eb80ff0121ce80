module example.com/m

require (
	example.com/a v1.2
	example.com/b/v2 v2
	example.com/c v1.0.0+build.5
	example.com/d v3.0.0+incompatible
)

exclude example.com/a v1.1

replace example.com/b/v2 v2 => example.com/b2 v1.3
