module example.com/m

go 1.16

retract (
	v1.9.0 // Bad tag.
	// Broken builds on Windows.
	[v1.5.0, v1.5.3]
	[v1.0.0, v1.1.0]
	v0.9.0
)
