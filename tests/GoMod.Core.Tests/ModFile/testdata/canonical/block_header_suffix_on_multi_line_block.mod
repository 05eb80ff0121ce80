module example.com/m

require ( // header comment
	example.com/a v1.0.0
	example.com/b v1.0.0
) // footer comment
