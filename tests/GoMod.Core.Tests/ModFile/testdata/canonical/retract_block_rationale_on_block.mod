module example.com/m

// All of these were built with a broken toolchain.
retract (
	v1.2.1
	v1.2.0
)
