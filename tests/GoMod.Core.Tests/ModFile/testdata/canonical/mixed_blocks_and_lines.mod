module example.com/m

go 1.19

require example.com/solo v1.0.0

require (
	example.com/x v1.0.0
	example.com/y v1.0.0
)

exclude (
	example.com/x v0.1.0
	example.com/y v0.2.0
)

replace example.com/x => example.com/x-fork v1.0.1

retract v0.0.1
