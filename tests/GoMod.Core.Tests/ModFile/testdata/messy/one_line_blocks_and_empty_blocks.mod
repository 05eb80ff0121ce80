module example.com/m

require (
	example.com/a v1.0.0 // only one
)

exclude ()

replace (
)

// above retract block
retract (
	v1.0.0
)
