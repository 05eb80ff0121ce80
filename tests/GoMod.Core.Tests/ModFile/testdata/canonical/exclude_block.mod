module example.com/m

go 1.19

exclude (
	example.com/a v1.0.1
	example.com/a v1.0.2
	example.com/b v0.3.0
)
