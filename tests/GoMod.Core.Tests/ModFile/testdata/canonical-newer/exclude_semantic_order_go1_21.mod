module example.com/m

go 1.21.0

exclude (
	example.com/a v1.2.0
	example.com/a v1.9.0
	example.com/a v1.10.0
)
