module example.com/m

require ( // dropped when the block collapses
	example.com/a v1.0.0 // kept
	// dropped too
) // also dropped
