module example.com/m

    // indented comment
require (
// not indented
	example.com/a v1.0.0
			// deeply indented
	example.com/b v1.0.0
)
