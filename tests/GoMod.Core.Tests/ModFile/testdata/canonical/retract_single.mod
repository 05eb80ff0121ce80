module example.com/m

go 1.16

// Published accidentally.
retract v1.0.0
