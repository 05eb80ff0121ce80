module example.com/m

require (
	example.com/a v1.x
    example.com/b v2.0.0
	example.com/c
)
