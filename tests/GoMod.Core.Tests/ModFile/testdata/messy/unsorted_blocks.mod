module example.com/m

require (
	example.com/z v1.0.0
	example.com/b v1.0.0
	example.com/a v1.0.0
	example.com/A v1.0.0
)

exclude (
	example.com/a v1.10.0
	example.com/a v1.9.0
	example.com/a v1.2.0
)

retract (
	v1.0.0
	[v1.1.0, v1.2.0]
	v2.0.0
	v0.5.0
)
